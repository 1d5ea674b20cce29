// The page's shell: sign-in, the connection banner, the role, and a hash router that loads one view
// module at a time (#/wallboard by default; a view missing from the build only breaks its own tab).
import * as api from './api.js';
import * as live from './live.js';
import * as format from './format.js';

const VIEWS = ['wallboard', 'agents', 'calls', 'recordings', 'reports', 'config'];
// A viewer (wallboard token) is refused these by the server: their tabs are hidden and the route goes home.
const ADMIN_VIEWS = ['recordings', 'reports'];
const CONN_TEXT = {
  [live.State.LIVE]: '',
  [live.State.RECONNECTING]: 'Connection lost — reconnecting…',
  [live.State.SIGNED_OUT]: 'Signed out',
};
const SIGNIN_ERRORS = { 401: 'Wrong token.', 429: 'Too many attempts — wait a minute and try again.' };
const TOAST_MS = 6000;

const $ = (selector) => document.querySelector(selector);
let unmountView = null;
let routing = 0; // bumped on every navigation, so a slow import cannot mount over a newer view
let toastTimer = null;

/** A short message at the bottom of the screen (errors of actions). */
export function toast(message, kind = 'error') {
  const box = $('#toast');
  box.textContent = message;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, TOAST_MS);
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const kiosk = params.has('kiosk') || new URLSearchParams(location.search).has('kiosk');
  const admin = api.session() && api.session().role === 'admin';
  const known = VIEWS.includes(name) && (admin || !ADMIN_VIEWS.includes(name));
  return { name: known ? name : 'wallboard', params, kiosk };
}

async function showView() {
  if (!api.session()) return;
  const { name, params, kiosk } = route();
  const ticket = ++routing;
  document.body.classList.toggle('kiosk', kiosk);
  for (const link of document.querySelectorAll('nav a[data-view]')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  dropView();
  const root = $('#view');
  root.dataset.view = name;
  let view;
  try {
    view = await import(`./views/${name}.js`);
  } catch (e) {
    console.error(`view ${name} failed to load`, e);
    if (ticket === routing) root.append(format.el('p', { class: 'muted', text: `The ${name} view is not available.` }));
    return;
  }
  if (ticket !== routing || !api.session()) return;
  const app = { api, live, format, role: api.session().role, params, kiosk, toast };
  try {
    unmountView = view.mount(root, app) || null;
  } catch (e) {
    console.error(`view ${name} failed`, e);
    root.append(format.el('p', { class: 'muted', text: `The ${name} view failed: ${e.message}` }));
  }
}

function dropView() {
  if (unmountView) {
    try {
      unmountView();
    } catch (e) {
      console.error('unmount failed', e);
    }
  }
  unmountView = null;
  format.clear($('#view'));
}

function showShell(who) {
  document.body.dataset.role = who.role;
  $('#who').textContent = who.role;
  $('#signin-view').hidden = true;
  $('#shell').hidden = false;
  live.start();
  showView();
}

function showSignIn(message = '') {
  routing++;
  dropView();
  live.stop();
  delete document.body.dataset.role;
  document.body.classList.remove('kiosk');
  $('#shell').hidden = true;
  $('#signin-view').hidden = false;
  $('#signin-error').textContent = message;
  $('#token').focus();
}

async function submitSignIn(event) {
  event.preventDefault();
  const input = $('#token');
  const button = $('#signin button[type=submit]');
  const token = input.value;
  input.value = ''; // the token lives no longer than this request
  $('#signin-error').textContent = '';
  button.disabled = true;
  try {
    showShell(await api.signIn(token));
  } catch (e) {
    $('#signin-error').textContent = SIGNIN_ERRORS[e.status] || e.message;
    input.focus();
  } finally {
    button.disabled = false;
  }
}

async function signOut() {
  try {
    await api.signOut();
  } catch (e) {
    console.warn('sign-out failed', e); // the cookie may outlive this page, but the page forgets it
  }
  showSignIn();
}

function showConnection(state) {
  const conn = $('#conn');
  conn.dataset.state = state;
  conn.textContent = CONN_TEXT[state] || '';
}

function boot() {
  $('#signin').addEventListener('submit', submitSignIn);
  $('#signout').addEventListener('click', signOut);
  $('#toast').addEventListener('click', (e) => { e.currentTarget.hidden = true; });
  window.addEventListener('hashchange', showView);
  window.addEventListener('acd:signed-out', () => {
    if (!$('#shell').hidden) showSignIn('Your session ended — sign in again.');
  });
  live.on('state', showConnection);
  showConnection(live.connection());
  api.loadSession()
    .then((who) => (who ? showShell(who) : showSignIn()))
    .catch((e) => showSignIn(e.message));
}

boot();
