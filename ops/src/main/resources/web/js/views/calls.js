// Calls: the live calls from the live feed (phase, queue position, whom it rings or talks with,
// time in the phase ticking; an admin may hang one up), and finished calls searched from the
// records, paged, newest first. Picking either kind of row shows its timeline.
import { table, cell, emptyRow, pagedRows, onSearch, zone, field, searchButtons } from '../widgets.js';
import { OUTCOMES, PHASES, outcomePill, callDetail } from '../timeline.js';

const PAGE = 25;

export function mount(root, app) {
  const detail = callDetail(app);
  const live = liveCalls(app, detail.show);
  const finished = finishedCalls(app, detail.show);
  const { el } = app.format;
  root.append(el('div', { class: 'view-head' }, el('h1', { text: 'Calls' })),
    el('div', { class: 'calls-layout' }, el('div', { class: 'calls-main' }, live.node, finished.node), detail.node));
  const offs = [
    app.live.on('snapshot', (s) => { live.update(s); finished.suggest(s); }),
    app.live.onTick(live.tick),
    app.live.on('finished', finished.refresh),
  ];
  const now = app.live.latest();
  if (now) {
    live.update(now);
    finished.suggest(now);
  }
  finished.load(0);
  return () => offs.forEach((off) => off());
}

/** Enter or a click on a row (not on its buttons) picks the row's call. */
function pickable(tr, id, pick) {
  tr.tabIndex = 0;
  tr.classList.add('pick');
  tr.addEventListener('click', (e) => { if (!e.target.closest('button, a, audio')) pick(id); });
  tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === tr) pick(id); });
}

function liveCalls(app, pick) {
  const { el, clear, setText, duration } = app.format;
  const admin = app.role === 'admin';
  const columns = [['caller', 'Caller'], ['phase', 'Phase'], ['queue', 'Queue'], ['agent', 'Agent'],
    ['since', 'In phase']];
  if (admin) columns.push(['act', 'Actions']);
  const t = table('live', columns);
  const count = el('span', { class: 'count muted' });
  const node = el('section', { class: 'block' }, el('h2', null, 'Live calls ', count), t.node);
  const rows = new Map(); // callId → {tr, cells, call, shape}
  const empty = emptyRow(t, 'No calls right now.');

  function hangUpButton(call) {
    const button = el('button', { type: 'button', class: 'btn hangup', 'data-act': 'hangup',
      'data-admin-only': true, text: 'Hang up' });
    button.addEventListener('click', async () => {
      if (!window.confirm(`Hang up the call from ${call.callerNumber || 'an unknown caller'}?`)) return;
      button.disabled = true;
      try {
        await app.api.del(`/api/calls/${encodeURIComponent(call.callId)}`);
      } catch (e) {
        button.disabled = false;
        app.toast(`Hang-up failed: ${e.message}`);
      }
    });
    return button;
  }

  function newRow(call) {
    const cells = {};
    for (const key of ['caller', 'phase', 'queue', 'agent', 'since']) cells[key] = cell(t, key);
    const tr = el('tr', { 'data-call': call.callId }, Object.values(cells));
    if (admin) tr.append(el('td', { class: 'actions' }, hangUpButton(call)));
    pickable(tr, call.callId, pick);
    return { tr, cells };
  }

  function fill(row, call, names) {
    row.call = call;
    row.tr.dataset.phase = call.phase;
    const waiting = call.position != null ? ` #${call.position}` : '';
    const shape = call.phase + waiting;
    if (row.shape !== shape) {
      row.shape = shape;
      const phase = PHASES[call.phase] || [call.phase, ''];
      // one span, so the pill and the position stay together when a phone lays the cell out as a row
      clear(row.cells.phase).append(el('span', null, el('span', { class: `pill ${phase[1]}`.trim(), text: phase[0] }),
        waiting && el('span', { class: 'position', title: 'position in the queue', text: waiting })));
    }
    setText(row.cells.caller, call.callerNumber || 'unknown');
    row.cells.caller.title = call.dialed ? `dialled ${call.dialed}` : '';
    setText(row.cells.queue, call.queueId || '—');
    const agent = call.agentId ? names.get(call.agentId) || call.agentId : '—';
    setText(row.cells.agent, call.phase === 'RINGING' ? `→ ${agent}` : agent);
    setText(row.cells.since, duration(app.live.serverNow() - call.phaseSinceMs));
  }

  function update(snapshot) {
    const names = new Map(snapshot.agents.map((a) => [a.id, a.name || a.id]));
    const order = [];
    for (const call of snapshot.calls) {
      const row = rows.get(call.callId) || newRow(call);
      rows.set(call.callId, row);
      fill(row, call, names);
      order.push(row.tr);
    }
    const present = new Set(snapshot.calls.map((c) => c.callId));
    for (const [id, row] of rows) {
      if (!present.has(id)) {
        row.tr.remove();
        rows.delete(id);
      }
    }
    // moving a row that is already in place would blur a focused button in it
    const now = [...t.body.children];
    if (order.length === 0) {
      if (now[0] !== empty) t.body.replaceChildren(empty);
    } else if (order.some((tr, i) => now[i] !== tr) || now.length !== order.length) {
      t.body.replaceChildren(...order);
    }
    setText(count, `(${order.length})`);
  }

  function tick(nowMs) {
    for (const row of rows.values()) setText(row.cells.since, duration(nowMs - row.call.phaseSinceMs));
  }

  t.body.append(empty);
  return { node, update, tick };
}

function searchForm(app) {
  const { el } = app.format;
  const outcome = el('select', { name: 'outcome' }, el('option', { value: '', text: 'any' }),
    Object.entries(OUTCOMES).map(([value, [text]]) => el('option', { value, text })));
  return el('form', { id: 'search', class: 'fields', autocomplete: 'off' },
    field('From', el('input', { type: 'datetime-local', name: 'from' })),
    field('To', el('input', { type: 'datetime-local', name: 'to' })),
    field('Number', el('input', { type: 'search', name: 'number', inputmode: 'tel', placeholder: 'caller or dialled' })),
    field('Queue', el('input', { type: 'text', name: 'queue', list: 'queue-ids' })),
    field('Agent', el('input', { type: 'text', name: 'agent', list: 'agent-ids' })),
    field('Outcome', outcome),
    searchButtons('Search'),
    el('datalist', { id: 'queue-ids' }), el('datalist', { id: 'agent-ids' }));
}

function finishedCalls(app, pick) {
  const { el, dateTime, duration } = app.format;
  const form = searchForm(app);
  const t = table('finished', [['arrived', 'Arrived'], ['caller', 'Caller'], ['queue', 'Queue'],
    ['agent', 'Agent'], ['outcome', 'Outcome'], ['wait', 'Wait'], ['talk', 'Talk']]);
  let applied = {}; // the search as last submitted, not as half-typed
  let picked = null;
  let refreshing = false;
  let stale = false;

  function row(c) {
    const tr = el('tr', { 'data-call': c.callId, 'data-outcome': c.outcome, class: c.callId === picked ? 'selected' : null },
      cell(t, 'arrived', dateTime(c.arrivedMs)),
      cell(t, 'caller', c.callerNumber || 'unknown'),
      cell(t, 'queue', c.queueId || '—'),
      cell(t, 'agent', c.agentId || '—'),
      cell(t, 'outcome', outcomePill(c.outcome)),
      cell(t, 'wait', duration(c.waitMs)),
      cell(t, 'talk', c.answeredMs != null ? duration(c.talkMs) : '—'));
    pickable(tr, c.callId, (id) => {
      for (const other of t.body.querySelectorAll('tr.selected')) other.classList.remove('selected');
      tr.classList.add('selected');
      picked = id;
      pick(id);
    });
    return tr;
  }

  const list = pagedRows(t,
    (offset) => app.api.get('/api/calls', { live: false, ...applied, zone: zone(), offset, limit: PAGE }),
    row, () => (Object.keys(applied).length ? 'No call matches.' : 'No finished calls yet.'));
  const node = el('section', { class: 'block' }, el('h2', { text: 'Finished calls' }), form, list.error,
    t.node, list.pager);

  // New calls only move the unfiltered first page; events during a load fold into one more load.
  async function refresh() {
    if (Object.keys(applied).length || list.offset() !== 0) return;
    if (refreshing) {
      stale = true;
      return;
    }
    refreshing = true;
    try {
      do {
        stale = false;
        await list.load(0);
      } while (stale);
    } finally {
      refreshing = false;
    }
  }

  function suggest(snapshot) {
    const fill = (id, values) => {
      const options = form.querySelector(`#${id}`);
      if (options.options.length !== values.length) options.replaceChildren(...values.map((value) => el('option', { value })));
    };
    fill('queue-ids', snapshot.queues.map((q) => q.id));
    fill('agent-ids', snapshot.agents.map((a) => a.id));
  }

  onSearch(form, (values) => {
    applied = values;
    list.load(0);
  });
  return { node, load: list.load, refresh, suggest };
}
