// Reports: the department, queue or agent report for a range of days, cut by hour, day, week or
// month in the browser's zone: every column as a table, volume and service level as a chart
// (all rows of a period summed), and the same report as CSV.
import { volumeChart } from '../chart.js';
import { field, notice, zone, localDate, formValues } from '../widgets.js';

const BY = [['queue', 'Queue'], ['department', 'Department'], ['agent', 'Agent']];
const GROUP = [['hour', 'Hour'], ['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['range', 'Whole range']];
const STEP_SEC = { hour: 3600, day: 86400, week: 7 * 86400, month: 30 * 86400 };
const LABELS = {
  offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned', short_abandons: 'Short abandons',
  timed_out: 'Timed out', voicemails: 'Voicemails', missed_rings: 'Missed rings',
  service_level_pct: 'Service level', asa_s: 'Avg answer', longest_wait_s: 'Longest wait',
  avg_talk_s: 'Avg talk', aht_s: 'Avg handling', abandon_rate_pct: 'Abandon rate', call_minutes: 'Call minutes',
  logged_in_s: 'Logged in', paused_s: 'Paused', occupancy_pct: 'Occupancy',
};

function label(column) {
  const paused = /^paused_(.+)_s$/.exec(column);
  return LABELS[column] || (paused ? `Paused: ${paused[1]}` : column.replaceAll('_', ' '));
}

function value(column, v, duration) {
  if (v === null || v === undefined) return '—';
  if (column.endsWith('_pct')) return `${Number(v).toFixed(1)} %`;
  if (column.endsWith('_s')) return duration(Number(v) * 1000);
  return typeof v === 'number' ? v.toLocaleString() : String(v);
}

function period(startIso, endIso, group) {
  const start = new Date(startIso);
  const opts = {
    hour: { dateStyle: 'medium', timeStyle: 'short' },
    day: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    week: { day: 'numeric', month: 'short', year: 'numeric' },
    month: { month: 'long', year: 'numeric' },
  }[group];
  if (opts) return `${group === 'week' ? 'Week of ' : ''}${new Intl.DateTimeFormat(undefined, opts).format(start)}`;
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return `${day.format(start)} – ${day.format(new Date(new Date(endIso).getTime() - 1))}`;
}

/** Per period (all keys summed): offered, answered, and the service level over the summed calls. */
function byPeriod(report) {
  const at = (name) => report.columns.indexOf(name);
  const [start, offered, answered, short, sl] =
    ['period_start', 'offered', 'answered', 'short_abandons', 'service_level_pct'].map(at);
  const periods = new Map();
  for (const r of report.rows) {
    const x = Date.parse(r[start]) / 1000;
    const p = periods.get(x) || { offered: 0, answered: 0, counted: 0, within: 0 };
    const counted = r[offered] - r[short];
    p.offered += r[offered];
    p.answered += r[answered];
    if (r[sl] != null && counted > 0) {
      p.counted += counted;
      p.within += (r[sl] / 100) * counted; // service_level_pct = within / (offered - short abandons)
    }
    periods.set(x, p);
  }
  const x = [...periods.keys()].sort((a, b) => a - b);
  const of = (f) => x.map((k) => f(periods.get(k)));
  return {
    x,
    offered: of((p) => p.offered),
    answered: of((p) => p.answered),
    serviceLevel: of((p) => (p.counted > 0 ? (100 * p.within) / p.counted : null)),
  };
}

function reportForm(el) {
  const today = localDate(new Date());
  const select = (name, options, selected) => el('select', { name },
    options.map(([v, text]) => el('option', { value: v, text, selected: v === selected })));
  return el('form', { id: 'report-form', class: 'fields', autocomplete: 'off' },
    field('By', select('by', BY, 'queue')),
    field('Per', select('group', GROUP, 'hour')),
    field('From', el('input', { type: 'date', name: 'from', value: today, required: true })),
    field('To (inclusive)', el('input', { type: 'date', name: 'to', value: today, required: true })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn btn-primary', text: 'Run' })));
}

/** The form as API parameters: the last day is included, so the range ends at the next midnight. */
function parameters(form) {
  const v = formValues(form);
  const [y, m, d] = v.to.split('-').map(Number);
  const params = { by: v.by, group: v.group, from: v.from, to: localDate(new Date(y, m - 1, d + 1)), zone: zone() };
  if (params.from >= params.to) throw new Error('“From” must not be after “To”.');
  return params;
}

export function mount(root, app) {
  const { el, clear, duration } = app.format;
  const form = reportForm(el);
  const csv = el('a', { id: 'csv', class: 'btn', download: '', text: 'Download CSV', hidden: true });
  const error = notice();
  const chart = el('div', { id: 'chart', class: 'chart' });
  const body = el('div', { class: 'table-wrap' });
  root.append(el('div', { class: 'view-head' }, el('h1', { text: 'Reports' }), csv),
    el('section', { class: 'block' }, form, error.node, chart, body));
  let dropChart = () => {};
  let seq = 0;

  function show(report, group) {
    dropChart();
    const head = el('tr', null, el('th', { scope: 'col', text: BY.find(([b]) => b === form.by.value)[1] }),
      el('th', { scope: 'col', text: 'Period' }),
      report.columns.slice(3).map((c) => el('th', { scope: 'col', 'data-col': c, text: label(c) })));
    const rows = report.rows.map((r) => el('tr', { 'data-key': r[0] },
      el('th', { scope: 'row', 'data-label': 'Key', text: r[0] }),
      el('td', { 'data-label': 'Period', text: period(r[1], r[2], group) }),
      r.slice(3).map((v, i) => el('td', { 'data-k': report.columns[i + 3], 'data-label': label(report.columns[i + 3]),
        text: value(report.columns[i + 3], v, duration) }))));
    const empty = el('tr', null, el('td', { colspan: report.columns.length - 1, class: 'muted', text: 'No calls in this range.' }));
    clear(body).append(el('table', { id: 'report', class: 'table' }, el('thead', null, head),
      el('tbody', null, rows.length ? rows : empty)));
    const data = byPeriod(report);
    chart.hidden = data.x.length === 0;
    if (data.x.length) {
      const step = STEP_SEC[group] || (Date.parse(report.rows[0][2]) - Date.parse(report.rows[0][1])) / 1000;
      dropChart = volumeChart(chart, { x: data.x, stepSec: step,
        bars: [{ label: 'Offered', values: data.offered }, { label: 'Answered', values: data.answered }],
        line: { label: 'Service level', values: data.serviceLevel } });
    }
  }

  async function run() {
    const mine = ++seq;
    let params;
    let report;
    try {
      params = parameters(form);
      report = await app.api.get('/api/reports', params);
    } catch (e) {
      if (mine === seq) error.show(e);
      return;
    }
    if (mine !== seq) return;
    error.show(null);
    csv.href = `/api/reports?${new URLSearchParams({ ...params, format: 'csv' })}`;
    csv.hidden = false;
    show(report, params.group);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  run();
  return () => dropChart();
}
