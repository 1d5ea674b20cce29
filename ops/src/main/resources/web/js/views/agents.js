// The agents table: status, state and reason with the time in it, the current call, the phones;
// an admin pauses, unpauses, logs in and out from the row. Rows are kept per agent and updated in
// place, so a snapshot arriving while a reason is being chosen does not reset the select.

const COLUMNS = [
  ['agent', 'Agent'], ['status', 'Status'], ['state', 'State'], ['reason', 'Reason'], ['since', 'Time in it'],
  ['call', 'Current call'], ['phones', 'Phones'],
];
const STATUS = { AVAILABLE: ['available', 'ok'], PAUSED: ['paused', 'warn'], LOGGED_OUT: ['logged out', ''] };
const STATE = { IDLE: ['idle', ''], RINGING: ['ringing', 'info'], ON_CALL: ['on call', 'info'], WRAP_UP: ['wrap-up', ''] };
const ACTIONS = [['pause', 'Pause'], ['unpause', 'Unpause'], ['login', 'Log in'], ['logout', 'Log out']];
// Which buttons an agent's status offers.
const OFFERED = {
  AVAILABLE: ['pause', 'logout'],
  PAUSED: ['unpause', 'logout'],
  LOGGED_OUT: ['login'],
};

export function mount(root, app) {
  const { live, format } = app;
  const { el } = format;
  const admin = app.role === 'admin';
  const summary = el('span', { class: 'muted' });
  const body = el('tbody');
  const head = el('tr', {}, COLUMNS.map(([, label]) => el('th', { scope: 'col', text: label })),
    admin ? el('th', { scope: 'col', text: 'Actions' }) : null);
  root.append(el('div', { class: 'view-head' }, el('h1', { text: 'Agents' }), summary),
    el('div', { class: 'table-wrap' }, el('table', { class: 'table agents' }, el('thead', {}, head), body)));

  const rows = new Map();
  const render = () => {
    const snap = live.latest();
    if (!snap) return;
    const now = live.serverNow();
    const order = snap.agents.map((a) => a.id).join('\n');
    if (order !== [...rows.keys()].join('\n')) arrange(body, rows, snap.agents, (a) => row(a, app));
    for (const a of snap.agents) update(rows.get(a.id), a, snap.calls, now, format);
    format.setText(summary, tally(snap.agents));
  };

  return live.follow(render);
}

// Keeps existing rows (and what is being chosen in them), adds new agents, drops gone ones.
function arrange(body, rows, agents, create) {
  const ids = new Set(agents.map((a) => a.id));
  for (const [id, r] of rows) {
    if (!ids.has(id)) {
      r.tr.remove();
      rows.delete(id);
    }
  }
  const ordered = new Map();
  for (const a of agents) {
    const r = rows.get(a.id) || create(a);
    ordered.set(a.id, r);
    body.append(r.tr);
  }
  rows.clear();
  for (const [id, r] of ordered) rows.set(id, r);
}

function row(agent, app) {
  const { el } = app.format;
  const cells = {};
  const tds = COLUMNS.map(([k, label]) => {
    cells[k] = el('td', { 'data-k': k, 'data-label': label });
    return cells[k];
  });
  const detail = el('div', { class: 'muted id' });
  cells.agent.append(el('div', { class: 'name', text: agent.name || agent.id }), detail);
  const r = { tr: el('tr', { 'data-agent': agent.id }, tds), cells, detail, agent, buttons: {} };
  if (app.role === 'admin') r.tr.append(actions(r, app));
  return r;
}

function actions(r, app) {
  const { el } = app.format;
  const reasons = (app.api.session() && app.api.session().pauseReasons) || [];
  r.reason = el('select', { 'data-k': 'reason', 'aria-label': 'Pause reason' },
    reasons.map((reason) => el('option', { value: reason, text: reason })));
  const box = el('div', { class: 'acts' }, r.reason);
  for (const [act, label] of ACTIONS) {
    const b = el('button', { type: 'button', class: 'btn', 'data-act': act, text: label });
    b.addEventListener('click', () => perform(r, act, label, app));
    r.buttons[act] = b;
    box.append(b);
  }
  return el('td', { 'data-k': 'actions', 'data-label': 'Actions', class: 'actions' }, box);
}

async function perform(r, act, label, app) {
  const id = r.agent.id;
  const body = act === 'pause' ? { reason: r.reason.value } : undefined;
  const buttons = Object.values(r.buttons);
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await app.api.post(`/api/agents/${encodeURIComponent(id)}/${act}`, body);
  } catch (e) {
    if (e.status !== 401) app.toast(`${label} ${r.agent.name || id}: ${e.message}`); // 401: the sign-in view says it
  } finally {
    buttons.forEach((b) => { b.disabled = false; }); // the row itself changes with the next snapshot
  }
}

function update(r, a, calls, now, format) {
  const { setText, duration } = format;
  r.agent = a;
  r.tr.dataset.status = a.status;
  r.tr.dataset.state = a.state;
  pill(r.cells.status, STATUS[a.status] || [a.status, ''], format);
  pill(r.cells.state, stateOf(a), format);
  setText(r.detail, `${a.id} · ${a.answeredToday} answered today`);
  setText(r.cells.reason, a.reason || '');
  // The time in what the agent is doing now: since the later of the two changes.
  setText(r.cells.since, duration(now - Math.max(a.statusSinceMs, a.stateSinceMs)));
  setText(r.cells.call, callText(a, calls, now, duration));
  setText(r.cells.phones, (a.contacts || []).map(phone).join('\n') || (a.reachable ? '' : 'none registered'));
  r.cells.phones.classList.toggle('muted', !(a.contacts || []).length);
  if (r.reason) {
    const offered = OFFERED[a.status] || [];
    for (const [act, b] of Object.entries(r.buttons)) b.hidden = !offered.includes(act);
    r.reason.hidden = !offered.includes('pause');
  }
}

// The state as a supervisor reads it: an idle agent may still be busy on a call of their own or
// have no phone registered (the server's board kind says so), and neither is offered calls.
function stateOf(a) {
  if (a.state === 'IDLE' && a.onOwnCall) return ['own call', 'info'];
  if (a.board === 'noPhone') return ['no phone', 'warn'];
  return STATE[a.state] || [a.state, ''];
}

function pill(cell, [text, kind], format) {
  let p = cell.firstElementChild;
  if (!p) {
    p = format.el('span', { class: 'pill' });
    cell.append(p);
  }
  p.className = kind ? `pill ${kind}` : 'pill';
  format.setText(p, text);
}

function callText(a, calls, now, duration) {
  const call = (a.callId && calls.find((c) => c.callId === a.callId)) || calls.find((c) => c.agentId === a.id);
  if (!call) return a.onOwnCall ? 'on a call of their own' : '';
  const who = call.callerNumber || 'unknown caller';
  const where = call.queueId ? ` · ${call.queueId}` : '';
  // The agent's own state says ringing or talking: the call's phase may trail it by a moment.
  if (a.state === 'RINGING') return `ringing: ${who}${where}`;
  const since = a.state === 'ON_CALL' ? a.stateSinceMs : call.phaseSinceMs;
  return `${who}${where} · ${duration(now - since)}`;
}

// sip:1001@127.0.0.1:5070;transport=UDP → 1001@127.0.0.1:5070 (the transport only when not UDP)
function phone(uri) {
  const m = /^<?sips?:([^;>]+)(?:;[^>]*?transport=(\w+))?/i.exec(uri);
  if (!m) return uri;
  return m[2] && m[2].toLowerCase() !== 'udp' ? `${m[1]} (${m[2].toLowerCase()})` : m[1];
}

function tally(agents) {
  const n = (status) => agents.filter((a) => a.status === status).length;
  return `${agents.length} agents · ${n('AVAILABLE')} available · ${n('PAUSED')} paused · ${n('LOGGED_OUT')} logged out`;
}
