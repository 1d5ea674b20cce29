// Config: how the last load of the config file went (when, what started it, applied or
// rejected) and a rejected file's errors as file:line:column, kept current by the live feed's
// config event; an admin may reload the file now.

/** file:line:column message; a place the validator could not pin down keeps what it knows. */
function where(p) {
  const place = [p.file || 'config'];
  if (p.line > 0) place.push(p.line, p.column);
  return `${place.join(':')} ${p.message}`;
}

export function mount(root, app) {
  const { el, clear, dateTime } = app.format;
  const status = el('p', { id: 'reload-status', class: 'reload-status', role: 'status' });
  const errors = el('ul', { id: 'reload-errors', class: 'problems' });
  const reload = el('button', { id: 'reload', type: 'button', class: 'btn btn-primary', 'data-admin-only': true,
    text: 'Reload now' });
  root.append(el('div', { class: 'view-head' }, el('h1', { text: 'Config' }), app.role === 'admin' && reload),
    el('section', { class: 'block panel' }, status, errors),
    el('p', { class: 'muted', text: 'The server reloads the file when it is saved. A file with errors is '
      + 'rejected whole: calls go on under the config that was running.' }));

  function show(result) {
    status.dataset.ok = String(result.ok);
    clear(status).append(
      el('span', { class: `pill ${result.ok ? 'ok' : 'over'}`, text: result.ok ? 'applied' : 'rejected' }),
      el('span', { text: `Loaded ${dateTime(result.atMs)} (${result.trigger}).` }));
    if (!result.ok) status.append(el('span', { class: 'muted', text: 'The running config stayed as it was.' }));
    clear(errors).append(...result.errors.map((p) => el('li', { text: where(p) })));
  }

  async function load() {
    try {
      show(await app.api.get('/api/config/status'));
    } catch (e) {
      status.textContent = e.message;
    }
  }

  reload.addEventListener('click', async () => {
    reload.disabled = true;
    try {
      show(await app.api.post('/api/config/reload'));
    } catch (e) {
      app.toast(`Reload failed: ${e.message}`);
    } finally {
      reload.disabled = false;
    }
  });
  const off = app.live.on('config', show);
  load();
  return off;
}
