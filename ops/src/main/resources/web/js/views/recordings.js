// Recordings and voicemails: the finished calls that left a file, newest first, each with a
// player (the server answers Range requests, so seeking fetches only what it needs) and a
// download link (?download=1 makes the server name the file after the call).
import { table, cell, pagedRows, onSearch, zone, field, searchButtons } from '../widgets.js';

const KINDS = { recordings: 'Recordings', voicemails: 'Voicemails' };
const PAGE = 20;

export function mount(root, app) {
  const { el, dateTime, duration } = app.format;
  const tabs = el('div', { class: 'tabs', role: 'group', 'aria-label': 'Kind of file' },
    Object.entries(KINDS).map(([kind, text]) =>
      el('button', { type: 'button', class: 'btn', 'data-kind': kind, 'aria-pressed': 'false', text })));
  const form = filterForm(el);
  const t = table('files', [['arrived', 'Arrived'], ['caller', 'Caller'], ['queue', 'Queue'],
    ['agent', 'Agent'], ['talk', 'Talk'], ['play', 'Play'], ['download', 'Download']]);
  let kind = app.params && app.params.get('kind') === 'voicemails' ? 'voicemails' : 'recordings';
  let applied = {};

  function row(f) {
    return el('tr', { 'data-call': f.callId },
      cell(t, 'arrived', dateTime(f.arrivedMs)),
      cell(t, 'caller', f.callerNumber || 'unknown'),
      cell(t, 'queue', f.queueId || '—'),
      cell(t, 'agent', f.agentId || '—'),
      cell(t, 'talk', kind === 'recordings' ? duration(f.talkMs) : '—'),
      cell(t, 'play', el('audio', { controls: true, preload: 'metadata', src: f.url, 'data-call': f.callId })),
      el('td', { class: 'actions' }, el('a', { href: `${f.url}?download=1`, download: '', 'data-act': 'download',
        class: 'btn', text: 'Download' })));
  }

  const list = pagedRows(t,
    (offset) => app.api.get(`/api/${kind}`, { ...applied, zone: zone(), offset, limit: PAGE }),
    row, () => `No ${KINDS[kind].toLowerCase()}${Object.keys(applied).length ? ' match' : ' yet'}.`);
  root.append(el('div', { class: 'view-head' }, el('h1', { text: 'Recordings' }), tabs),
    el('section', { class: 'block' }, form, list.error, t.node, list.pager));

  function load(offset) {
    for (const b of tabs.children) b.setAttribute('aria-pressed', String(b.dataset.kind === kind));
    list.load(offset);
  }

  tabs.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-kind]');
    if (!button || button.dataset.kind === kind) return;
    kind = button.dataset.kind;
    load(0);
  });
  onSearch(form, (values) => {
    applied = values;
    load(0);
  });
  load(0);
  return () => {};
}

function filterForm(el) {
  return el('form', { id: 'file-search', class: 'fields', autocomplete: 'off' },
    field('From', el('input', { type: 'datetime-local', name: 'from' })),
    field('To', el('input', { type: 'datetime-local', name: 'to' })),
    field('Queue', el('input', { type: 'text', name: 'queue' })),
    field('Agent', el('input', { type: 'text', name: 'agent' })),
    searchButtons('Filter'));
}
