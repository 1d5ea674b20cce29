// The live feed: one EventSource('/api/events') per tab; views subscribe to its snapshots instead
// of polling, and share one 1 s ticker for the times that run between snapshots.
import * as api from './api.js';

/** What the connection banner shows. */
export const State = Object.freeze({ LIVE: 'live', RECONNECTING: 'reconnecting', SIGNED_OUT: 'signed-out' });

// The browser retries by itself while the stream is CONNECTING; these are for a CLOSED one (a
// non-200 answer), which it gives up on.
const REOPEN_MS = [1000, 2000, 5000];
const STUCK_MS = 5000; // a CONNECTING stream with neither open nor error this long is started over
const CHECK_MS = 5000; // the session check gives up on a server that does not answer

const listeners = { snapshot: new Set(), finished: new Set(), config: new Set(), state: new Set() };
const tickers = new Set();
let source = null;
let snapshot = null;
let offsetMs = 0;
let state = State.SIGNED_OUT;
let reopens = 0;
let reopenTimer = null;
let checking = false;
let tickTimer = null;

/** kind: snapshot | finished | config | state; returns the unsubscribe function. */
export function on(kind, fn) {
  const set = listeners[kind];
  if (!set) throw new Error(`unknown live event ${kind}`);
  set.add(fn);
  return () => set.delete(fn);
}

/** The last snapshot {atMs, queues, agents, calls}, or null before the first. */
export function latest() {
  return snapshot;
}

/** live | reconnecting | signed-out. */
export function connection() {
  return state;
}

/** Date.now() corrected to the server's clock (by the last snapshot's atMs). */
export function serverNow() {
  return Date.now() + offsetMs;
}

/** fn(serverNow()) once a second, shared by every subscriber; returns the unsubscribe function. */
export function onTick(fn) {
  tickers.add(fn);
  if (!tickTimer) tickTimer = setInterval(tick, 1000);
  return () => {
    tickers.delete(fn);
    if (tickers.size === 0 && tickTimer) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  };
}

/**
 * fn() now, on every snapshot and every second: a view that shows running times needs all three.
 * Returns the unsubscribe function.
 */
export function follow(fn) {
  const offSnapshot = on('snapshot', fn);
  const offTick = onTick(fn);
  fn();
  return () => {
    offSnapshot();
    offTick();
  };
}

/** Opens the stream (after sign-in); a second call does nothing. */
export function start() {
  const who = api.session();
  if (who && who.serverTimeMs) offsetMs = who.serverTimeMs - Date.now();
  if (!source) open();
}

/** Closes the stream and forgets the data (sign-out). */
export function stop() {
  closeSource();
  reopens = 0;
  snapshot = null;
  setState(State.SIGNED_OUT);
}

function open() {
  clearTimeout(reopenTimer);
  if (source) source.close();
  source = new EventSource('/api/events');
  source.addEventListener('open', () => {
    reopens = 0;
    clearTimeout(reopenTimer);
    setState(State.LIVE);
  });
  source.addEventListener('snapshot', (e) => receive(JSON.parse(e.data)));
  source.addEventListener('finished', (e) => emit('finished', JSON.parse(e.data)));
  source.addEventListener('config', (e) => emit('config', JSON.parse(e.data)));
  source.addEventListener('error', lost);
}

function closeSource() {
  clearTimeout(reopenTimer);
  if (source) source.close();
  source = null;
}

function receive(next) {
  offsetMs = next.atMs - Date.now();
  snapshot = next;
  if (state !== State.LIVE) setState(State.LIVE);
  emit('snapshot', next);
}

// The stream broke: say so, keep it coming back, and ask whether we are still signed in (401 →
// sign-in view).
function lost() {
  if (!source) return;
  setState(State.RECONNECTING);
  scheduleReopen(source.readyState === EventSource.CLOSED);
  checkSession();
}

// CLOSED: the browser gave up (a non-200), open again after a backoff. CONNECTING: the browser
// retries by itself, but a request that a stopping or starting server accepted and never answers
// hangs there without another error, so start over if no open or error comes in time.
function scheduleReopen(closed) {
  clearTimeout(reopenTimer);
  const delay = closed ? REOPEN_MS[Math.min(reopens++, REOPEN_MS.length - 1)] : STUCK_MS;
  reopenTimer = setTimeout(open, delay);
}

async function checkSession() {
  if (checking) return;
  checking = true;
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, CHECK_MS, undefined); });
  try {
    // null: signed out; undefined: the server did not answer (in time)
    const who = await Promise.race([api.loadSession().catch(() => undefined), late]);
    if (who === null && source) {
      stop();
      window.dispatchEvent(new CustomEvent('acd:signed-out'));
    }
  } finally {
    clearTimeout(timer);
    checking = false;
  }
}

function setState(next) {
  if (state === next) return;
  state = next;
  emit('state', next);
}

function emit(kind, data) {
  for (const fn of [...listeners[kind]]) {
    try {
      fn(data);
    } catch (e) {
      console.error(`live ${kind} listener failed`, e);
    }
  }
}

function tick() {
  const now = serverNow();
  for (const fn of [...tickers]) {
    try {
      fn(now);
    } catch (e) {
      console.error('tick listener failed', e);
    }
  }
}
