// The admin API from the page: same-origin requests carry the session cookie by themselves, so the
// token is typed once into the sign-in form and never kept; writes add the session's CSRF token.

let current = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** The last GET /api/session body ({role, csrf, pauseReasons, serverTimeMs, zone}), or null. */
export function session() {
  return current;
}

export async function get(path, params) {
  return request('GET', withParams(path, params));
}

export async function post(path, body) {
  return request('POST', path, body);
}

export async function del(path) {
  return request('DELETE', path);
}

/** Asks who is signed in; null (and no signed-out event) when nobody is. */
export async function loadSession() {
  try {
    current = await request('GET', '/api/session', undefined, { quiet: true });
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    current = null;
  }
  return current;
}

export async function signIn(token) {
  await request('POST', '/api/session', { token }, { quiet: true });
  const who = await loadSession();
  if (!who) throw new ApiError(401, 'Signed in, but the session was not kept (are cookies blocked?)');
  return who;
}

export async function signOut() {
  try {
    await request('DELETE', '/api/session', undefined, { quiet: true });
  } finally {
    current = null;
  }
}

function withParams(path, params) {
  if (!params) return path;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.append(k, String(v));
  }
  const q = query.toString();
  return q ? path + (path.includes('?') ? '&' : '?') + q : path;
}

// quiet: a 401 is an answer (not signed in, wrong token), not a session that ended under the page.
async function request(method, path, body, { quiet = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && current) headers['X-CSRF-Token'] = current.csrf;
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached');
  }
  if (response.ok) return response.status === 204 ? null : parse(response);
  const error = new ApiError(response.status, await errorText(response));
  if (response.status === 401 && !quiet) {
    current = null;
    window.dispatchEvent(new CustomEvent('acd:signed-out'));
  }
  throw error;
}

async function parse(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function errorText(response) {
  try {
    const body = await response.json();
    if (body && body.error) return String(body.error);
  } catch (e) {
    // not JSON: the status line says enough
  }
  return `${response.status} ${response.statusText || 'error'}`.trim();
}
