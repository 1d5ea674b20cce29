// Small pieces the calls, recordings and reports views share: tables that fold into cards on a
// phone, a pager for the API's offset/limit/more pages, an inline error line, and form values
// as API parameters in the browser's time zone.
import { el, clear } from './format.js';

/** The browser's IANA time zone: the API reads dates and local times in it. */
export function zone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const pad = (n) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a local day, for input[type=date]. */
export function localDate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The form's filled-in fields, trimmed, as {name: value}; empty fields are left out. */
export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    const v = String(value).trim();
    if (v) values[name] = v;
  }
  return values;
}

/** search(values) with the form's filled-in values on submit, and with none on reset. */
export function onSearch(form, search) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(formValues(form));
  });
  form.addEventListener('reset', () => search({}));
}

/** A labelled form field. */
export function field(label, input) {
  return el('label', null, el('span', { text: label }), input);
}

/** A search form's submit and reset buttons; a reset is a search for everything. */
export function searchButtons(submit) {
  return el('div', { class: 'actions' },
    el('button', { type: 'submit', class: 'btn btn-primary', text: submit }),
    el('button', { type: 'reset', class: 'btn', text: 'Clear' }));
}

/**
 * A table with a head row in app.css's panel; each column is [key, label]. Cells made with
 * cell() carry their column's label, which app.css shows before the value on a phone.
 */
export function table(id, columns) {
  const body = el('tbody');
  const head = el('tr', null, columns.map(([key, label]) => el('th', { scope: 'col', 'data-col': key, text: label })));
  const node = el('div', { class: 'table-wrap' }, el('table', { id, class: 'table' }, el('thead', null, head), body));
  return { node, body, columns };
}

/** A td for column key of t, holding text or nodes. */
export function cell(t, key, ...content) {
  const column = t.columns.find(([k]) => k === key);
  return el('td', { 'data-k': key, 'data-label': column && column[1] ? column[1] : null }, ...content);
}

/** One full-width row saying why a table is empty. */
export function emptyRow(t, text) {
  return el('tr', { class: 'empty' }, el('td', { colspan: t.columns.length, class: 'muted', text }));
}

/** Previous/next buttons over {offset, limit, more} pages; go(offset) loads one. */
export function pager(go) {
  const prev = el('button', { type: 'button', class: 'btn', 'data-act': 'prev', text: '‹ Newer' });
  const next = el('button', { type: 'button', class: 'btn', 'data-act': 'next', text: 'Older ›' });
  const where = el('span', { class: 'muted' });
  const node = el('div', { class: 'pager' }, prev, where, next);
  let page = { offset: 0, limit: 0 };
  prev.addEventListener('click', () => go(Math.max(0, page.offset - page.limit)));
  next.addEventListener('click', () => go(page.offset + page.limit));
  return {
    node,
    show(p, rows) {
      page = p;
      prev.disabled = p.offset === 0;
      next.disabled = !p.more;
      where.textContent = rows ? `${p.offset + 1}–${p.offset + rows}` : '';
    },
  };
}

/**
 * Pages of rows in table t: fetch(offset) answers {offset, limit, more, calls}, row(call) makes
 * a tr. The last load asked for wins, whatever order the answers come back in.
 */
export function pagedRows(t, fetch, row, emptyText) {
  const error = notice();
  const pages = pager((offset) => load(offset));
  let seq = 0;
  let shown = { offset: 0 };

  async function load(offset) {
    const mine = ++seq;
    let page;
    try {
      page = await fetch(offset);
    } catch (e) {
      if (mine === seq) error.show(e);
      return;
    }
    if (mine !== seq) return;
    error.show(null);
    shown = page;
    clear(t.body).append(...(page.calls.length ? page.calls.map(row) : [emptyRow(t, emptyText())]));
    pages.show(page, page.calls.length);
  }

  return { error: error.node, pager: pages.node, load, offset: () => shown.offset };
}

/** An inline error line; show(null) hides it. */
export function notice() {
  const node = el('p', { class: 'error', role: 'alert', hidden: true });
  return {
    node,
    show(error) {
      clear(node);
      node.hidden = !error;
      if (error) node.textContent = error.message || String(error);
    },
  };
}
