// The wall screen: per department a summary strip, per queue big tiles. Everything comes from the
// live feed's snapshots; only the longest wait and its colour run on between them (the 1 s ticker).

// Share of the queue's service-level threshold at which the longest wait turns amber / red.
const WARN_SHARE = 0.8;
const AGENT_KINDS = [
  ['idle', 'idle'], ['ringing', 'ringing'], ['onCall', 'on call'], ['wrapUp', 'wrap-up'], ['paused', 'paused'],
  ['noPhone', 'no phone'],
];
const TILES = [
  ['waiting', 'Waiting'], ['longestWait', 'Longest wait'], ['serviceLevel', 'Service level'],
  ['answered', 'Answered'], ['abandoned', 'Abandoned'], ['agents', 'Agents'],
];

export function mount(root, app) {
  const { live, format } = app;
  const { el } = format;
  const fullscreen = el('button', { id: 'fullscreen', type: 'button', class: 'btn', text: 'Full screen' });
  const clock = el('span', { class: 'clock num' });
  const boards = el('div', { class: 'boards' });
  const empty = el('p', { class: 'muted', text: 'Waiting for the live feed…' });
  root.append(el('div', { class: 'wb-bar' }, el('h1', { text: 'Wallboard' }), clock, fullscreen), empty, boards);

  let layoutKey = '';
  let shown = new Map(); // data-queue / data-department key → {section, cells}
  const render = () => {
    const snap = live.latest();
    clock.textContent = format.time(live.serverNow());
    if (!snap) return;
    empty.hidden = true;
    const groups = departments(snap.queues);
    const key = JSON.stringify(groups.map((g) => [g.name, g.queues.map((q) => q.id)]));
    if (key !== layoutKey) {
      layoutKey = key;
      shown = build(boards, groups, el, format);
    }
    const elapsed = Math.max(0, live.serverNow() - snap.atMs);
    for (const g of groups) {
      const figures = g.queues.map((q) => queueFigures(q, elapsed));
      figures.forEach((f, i) => fill(shown.get('q:' + g.queues[i].id), f, format));
      fill(shown.get('d:' + g.name), sum(figures, g.queues, snap.agents), format);
    }
  };

  const toggleFullscreen = () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    request.catch((e) => app.toast(`Full screen is not available: ${e.message}`));
  };
  const fullscreenLabel = () => {
    fullscreen.textContent = document.fullscreenElement ? 'Exit full screen' : 'Full screen';
  };
  fullscreen.hidden = !document.fullscreenEnabled;
  fullscreen.addEventListener('click', toggleFullscreen);
  document.addEventListener('fullscreenchange', fullscreenLabel);
  const unfollow = live.follow(render);
  return () => {
    unfollow();
    document.removeEventListener('fullscreenchange', fullscreenLabel);
  };
}

function departments(queues) {
  const byName = new Map();
  for (const q of queues) {
    const name = q.department || q.id;
    if (!byName.has(name)) byName.set(name, { name, queues: [] });
    byName.get(name).queues.push(q);
  }
  return [...byName.values()];
}

// A department holds its queues; its own sum tiles only when it has more than one (one queue's
// figures are the department's).
function build(container, groups, el, format) {
  format.clear(container);
  const shown = new Map();
  for (const g of groups) {
    const count = g.queues.length;
    const dept = board(el, 'department', g.name, g.name, `department · ${count} ${count === 1 ? 'queue' : 'queues'}`,
      count > 1);
    dept.section.classList.add('dept');
    shown.set('d:' + g.name, dept);
    for (const q of g.queues) {
      const b = board(el, 'queue', q.id, q.id, q.strategy.toLowerCase().replace(/_/g, ' '), true);
      shown.set('q:' + q.id, b);
      dept.section.append(b.section);
    }
    container.append(dept.section);
  }
  return shown;
}

function board(el, kind, key, title, meta, withTiles) {
  const section = el('section', { class: 'board', [`data-${kind}`]: key },
    el('header', {}, el('h2', { text: title }), el('span', { class: 'muted', text: meta })));
  if (!withTiles) return { section, cells: null };
  const cells = {};
  const tiles = TILES.map(([k, label]) => {
    const big = el('div', { class: 'big' });
    const sub = el('div', { class: 'sub' });
    cells[k] = { big, sub };
    if (k === 'agents') return agentsTile(el, cells);
    return el('div', { class: 'tile', 'data-k': k }, el('div', { class: 'label', text: label }), big, sub);
  });
  section.append(el('div', { class: 'tiles' }, tiles));
  return { section, cells };
}

function agentsTile(el, cells) {
  const counts = el('dl', { class: 'agent-counts' });
  for (const [k, label] of AGENT_KINDS) {
    const dd = el('dd', { class: 'num' });
    cells['agents.' + k] = dd;
    counts.append(el('div', { 'data-s': k }, el('dt', { text: label }), dd));
  }
  return el('div', { class: 'tile agents', 'data-k': 'agents' }, el('div', { class: 'label', text: 'Agents' }), counts);
}

// The agent counts are the server's (queue.board, agent.board): what an agent counts as is
// decided there, once, for the API and this page alike.
function queueFigures(q, elapsedMs) {
  return {
    waiting: q.waiting,
    ringing: q.ringing,
    longestMs: q.waiting > 0 ? q.longestWaitMs + elapsedMs : 0,
    slMs: q.serviceLevelMs ?? null,
    today: q.today || null,
    board: q.board,
  };
}

function sum(figures, queues, agents) {
  const today = figures.every((f) => f.today) ? addUp(figures.map((f) => f.today)) : null;
  // The department counts each agent once, even one in several of its queues.
  const ids = new Set(queues.map((q) => q.id));
  const members = agents.filter((a) => a.board && (a.queues || []).some((id) => ids.has(id)));
  const counts = Object.fromEntries(AGENT_KINDS.map(([k]) => [k, 0]));
  for (const a of members) counts[a.board]++;
  // The department's colour is its worst queue's: the share of each queue's own threshold.
  const worst = figures.reduce((w, f) => (share(f) > share(w) ? f : w), figures[0]);
  return {
    waiting: figures.reduce((n, f) => n + f.waiting, 0),
    ringing: figures.reduce((n, f) => n + f.ringing, 0),
    longestMs: Math.max(0, ...figures.map((f) => f.longestMs)),
    slMs: worst.slMs,
    colourShare: share(worst),
    today,
    board: counts,
  };
}

function addUp(days) {
  const total = { offered: 0, answered: 0, answeredWithinSl: 0, abandoned: 0, shortAbandons: 0, timedOut: 0 };
  for (const d of days) for (const k of Object.keys(total)) total[k] += d[k] || 0;
  const counted = total.offered - total.shortAbandons;
  total.serviceLevel = counted > 0 ? total.answeredWithinSl / counted : null;
  return total;
}

function share(f) {
  if (f.colourShare !== undefined) return f.colourShare;
  return f.slMs ? f.longestMs / f.slMs : 0;
}

function fill(b, f, format) {
  const s = share(f);
  b.section.classList.toggle('over', s >= 1);
  b.section.classList.toggle('warn', s >= WARN_SHARE && s < 1);
  if (b.cells) fillTiles(b.cells, f, format);
}

function fillTiles(c, f, format) {
  const { setText, duration, percent } = format;
  const t = f.today;
  setText(c.waiting.big, f.waiting);
  setText(c.waiting.sub, f.ringing ? `${f.ringing} ringing` : '');
  setText(c.longestWait.big, duration(f.longestMs));
  setText(c.longestWait.sub, f.slMs ? `target ${duration(f.slMs)}` : '');
  setText(c.serviceLevel.big, t ? percent(t.serviceLevel) : '—');
  setText(c.serviceLevel.sub, t ? `today · ${t.answeredWithinSl} of ${t.offered - t.shortAbandons}` : 'today');
  setText(c.answered.big, t ? t.answered : '—');
  setText(c.answered.sub, t ? `today · ${t.offered} offered` : 'today');
  setText(c.abandoned.big, t ? t.abandoned : '—');
  setText(c.abandoned.sub, t && t.shortAbandons ? `today · ${t.shortAbandons} within seconds` : 'today');
  for (const [k] of AGENT_KINDS) setText(c['agents.' + k], f.board ? f.board[k] : 0);
}
