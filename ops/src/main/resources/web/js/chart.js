// The reports' chart, on uPlot (a small canvas charting library, served from its WebJar): call
// volume as bars on a count axis, the service level as a line on a 0–100 % axis, by period.
import uPlot from '/vendor/uplot/uPlot.esm.js';

const CSS = '/vendor/uplot/uPlot.min.css';
const PHONE_PX = 600;

// uPlot's own layout rules; a link (not a style element) keeps to the page's CSP
function loadCss() {
  if (document.querySelector(`link[href="${CSS}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS;
  document.head.append(link);
}

// the page theme's custom properties, read once per chart so the canvas matches app.css
function colours(node) {
  const style = getComputedStyle(node);
  const pick = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: pick('--chart-text', '#c9d1d9'),
    grid: pick('--chart-grid', 'rgba(201, 209, 217, 0.12)'),
    bars: [pick('--chart-bar', 'rgba(88, 166, 255, 0.35)'), pick('--chart-bar-strong', '#58a6ff')],
    line: pick('--chart-line', '#3fb950'),
  };
}

function axis(c, extra) {
  return { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 }, ...extra };
}

/**
 * Draws into target: x holds period starts (epoch seconds) stepSec apart; bars is
 * [{label, values}] (the first drawn widest, the next inside it); line is {label, values} in
 * percent (null where there is none). Follows target's width. Returns a function that removes the chart.
 */
export function volumeChart(target, { x, stepSec, bars, line }) {
  loadCss();
  // a child of its own: its width is target's content box, whatever padding target has
  const host = document.createElement('div');
  target.append(host);
  const c = colours(target);
  const size = () => ({ width: Math.max(200, host.clientWidth), height: host.clientWidth < PHONE_PX ? 220 : 300 });
  const half = stepSec / 2;
  const percent = (v) => (v == null ? '—' : `${v.toFixed(1)} %`);
  const opts = {
    ...size(),
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: {
      // from the data, not uPlot's guess: it widens a single time point by 86,400,000 s
      x: { time: true, range: () => [x[0] - half, x[x.length - 1] + half] },
      n: { range: (u, min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
      pct: { range: [0, 100] },
    },
    axes: [
      axis(c, {}),
      axis(c, { scale: 'n', values: (u, ticks) => ticks.map((v) => (Number.isInteger(v) ? v : '')) }),
      axis(c, { scale: 'pct', side: 1, grid: { show: false }, values: (u, ticks) => ticks.map((v) => `${v} %`) }),
    ],
    series: [
      { value: (u, v) => (v == null ? '' : new Date(v * 1000).toLocaleString()) },
      ...bars.map((b, i) => ({
        label: b.label, scale: 'n', fill: c.bars[i % c.bars.length], stroke: c.bars[i % c.bars.length], width: 0,
        paths: uPlot.paths.bars({ size: i === 0 ? [0.8, 64] : [0.45, 32] }), points: { show: false },
      })),
      { label: line.label, scale: 'pct', stroke: c.line, width: 2, spanGaps: true,
        points: { show: true, size: 6, fill: c.line }, value: (u, v) => percent(v) },
    ],
  };
  const plot = new uPlot(opts, [x, ...bars.map((b) => b.values), line.values], host);
  const follow = new ResizeObserver(() => plot.setSize(size()));
  follow.observe(host);
  return () => {
    follow.disconnect();
    plot.destroy();
    host.remove();
  };
}
