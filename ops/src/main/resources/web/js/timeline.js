// A call in words: live phases and finished outcomes as the page shows them, and one call's detail
// (GET /api/calls/{id}): what the record says, and its queue events as a timeline (the events are
// Asterisk queue_log rows: a verb plus data fields).
import { el, clear, duration, dateTime, time } from './format.js';

/** A finished call's outcome as the records write it (ops.records.Outcomes): words and app.css pill colour. */
export const OUTCOMES = {
  ANSWERED: ['answered', 'ok'],
  ABANDONED_QUEUE: ['abandoned in queue', 'over'],
  ABANDONED_IVR: ['hung up before a queue', ''],
  TIMED_OUT: ['timed out in queue', 'over'],
  NO_AGENTS: ['no agents', 'over'],
  QUEUE_FULL: ['queue full', 'over'],
  VOICEMAIL: ['voicemail', 'warn'],
  TRANSFERRED: ['transferred', 'info'],
  MEDIA_TIMEOUT: ['media timeout', 'warn'],
  FAILED: ['failed', 'over'],
};

/** A live call's phase: words and app.css pill colour. */
export const PHASES = {
  ANSWERING: ['answering', ''], IVR: ['in menu', ''], QUEUED: ['waiting', 'warn'], RINGING: ['ringing', 'info'],
  BRIDGED: ['talking', 'ok'], VOICEMAIL: ['voicemail', ''], TRANSFER: ['transferring', 'info'],
};

const phaseText = (phase) => (PHASES[phase] || [phase])[0];
const outcomeText = (outcome) => (OUTCOMES[outcome] || [outcome])[0];

/** An outcome as a pill. */
export function outcomePill(outcome) {
  const [text, colour] = OUTCOMES[outcome] || [outcome, ''];
  return el('span', { class: `pill ${colour}`.trim(), 'data-outcome': outcome, text });
}

const NONE = 'NONE';
const secs = (s) => duration(Number(s) * 1000);

// data fields per verb, as ops.records.CallAssembler writes them
const EVENTS = {
  ENTERQUEUE: (e) => `Entered queue ${e.queueId} at position ${e.data[2]}`,
  RINGING: (e) => `Rang ${e.agentId}`,
  RINGNOANSWER: (e) => `${e.agentId} did not answer (rang ${duration(Number(e.data[0]))})`,
  CONNECT: (e) => `${e.agentId} answered after ${secs(e.data[0])} waiting`,
  COMPLETECALLER: (e) => `Caller hung up after ${secs(e.data[1])} talking`,
  COMPLETEAGENT: (e) => `${e.agentId} hung up after ${secs(e.data[1])} talking`,
  ABANDON: (e) => `Caller hung up while waiting (${secs(e.data[2])})`,
  EXITWITHTIMEOUT: (e) => `Left queue ${e.queueId}: waited too long (${secs(e.data[2])})`,
  EXITEMPTY: (e) => `Left queue ${e.queueId}: no agents left`,
  JOINEMPTY: (e) => `Not queued: no agents in ${e.queueId}`,
  FULL: (e) => `Not queued: ${e.queueId} is full`,
};

function describe(e) {
  const words = EVENTS[e.event];
  if (words) return words(e);
  const who = [e.queueId, e.agentId].filter((v) => v && v !== NONE);
  return [e.event.toLowerCase(), ...who, ...e.data.filter(Boolean)].join(' ');
}

function step(atMs, text, kind) {
  return el('li', { 'data-event': kind },
    el('time', { datetime: new Date(atMs).toISOString(), text: time(atMs) }),
    el('span', { text }));
}

/** The timeline: arrival, every queue event, and the end (or where a live call is now). */
function steps(detail) {
  const c = detail.record || detail.call || {};
  const items = [step(c.arrivedMs ?? c.sinceMs, `Arrived${c.dialed ? ` on ${c.dialed}` : ''}`, 'ARRIVED')];
  for (const e of detail.events) items.push(step(e.atMs, describe(e), e.event));
  if (detail.record) {
    items.push(step(c.endedMs, `Ended: ${outcomeText(c.outcome)}`, 'ENDED'));
  } else if (detail.call) {
    items.push(step(c.phaseSinceMs, `Now ${phaseText(c.phase)}`, 'NOW'));
  }
  return items;
}

function facts(detail, nowMs) {
  const r = detail.record;
  const c = r || detail.call || {};
  const rows = [
    ['Caller', c.callerNumber || 'unknown'],
    ['Dialled', c.dialed],
    ['Queue', c.queueId],
    ['Agent', c.agentId],
  ];
  if (r) {
    rows.push(['Arrived', dateTime(r.arrivedMs)], ['Outcome', outcomeText(r.outcome)],
      ['Wait', duration(r.waitMs)], ['Talk', duration(r.talkMs)], ['Wrap-up', duration(r.wrapUpMs)],
      ['Rings', r.ringsTried ? `${r.ringsTried} (${r.ringsMissed} missed)` : null],
      ['Menu keys', r.keys], ['Hung up by', r.hangupSide?.toLowerCase()]);
  } else {
    rows.push(['Phase', phaseText(c.phase)], ['In call', duration(nowMs - c.sinceMs)]);
  }
  return el('dl', { class: 'facts' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => el('div', null, el('dt', { text: k }), el('dd', { text: v }))));
}

/**
 * The detail panel. show(id) loads and shows a call; an admin also gets the recording's player.
 * Returns {node, show, hide}.
 */
export function callDetail(app) {
  const title = el('h3');
  const body = el('div');
  const close = el('button', { type: 'button', class: 'btn', 'data-act': 'close', text: 'Close' });
  const node = el('section', { id: 'detail', class: 'panel', hidden: true },
    el('div', { class: 'panel-head' }, title, close), body);
  let shown = null;
  close.addEventListener('click', () => hide());

  function hide() {
    shown = null;
    node.hidden = true;
    clear(body);
  }

  async function show(id) {
    shown = id;
    node.hidden = false;
    title.textContent = `Call ${id}`;
    clear(body).append(el('p', { class: 'muted', text: 'Loading…' }));
    let detail;
    try {
      detail = await app.api.get(`/api/calls/${encodeURIComponent(id)}`);
    } catch (e) {
      if (shown === id) clear(body).append(el('p', { class: 'error', text: e.message }));
      return;
    }
    if (shown !== id) return; // another call was picked meanwhile
    const r = detail.record;
    clear(body).append(facts(detail, app.live.serverNow()), el('ol', { id: 'timeline' }, steps(detail)));
    if (r && r.recordingFile && app.role === 'admin') {
      body.append(el('audio', { controls: true, preload: 'none', src: `/api/recordings/${encodeURIComponent(id)}` }));
    }
    node.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  return { node, show, hide };
}
