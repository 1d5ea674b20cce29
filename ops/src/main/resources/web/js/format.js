// Formatting and DOM building shared by the views. Text goes in as textContent only: data from
// the server (caller numbers, reasons, names) is never parsed as markup.

/** m:ss under an hour, h:mm:ss from then on; a negative or missing span shows as 0:00. */
export function duration(ms) {
  const total = Math.max(0, Math.floor((Number(ms) || 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A wall-clock time in the browser's zone. */
export function time(epochMs) {
  return epochMs == null ? '' : timeFormat.format(new Date(epochMs));
}

/** A date and time in the browser's zone. */
export function dateTime(epochMs) {
  return epochMs == null ? '' : dateTimeFormat.format(new Date(epochMs));
}

/** A 0..1 fraction as a whole percent; null (nothing counted yet) as a dash. */
export function percent(fraction) {
  return fraction == null ? '—' : `${Math.round(fraction * 100)}%`;
}

/**
 * el('td', {class: 'x', 'data-k': 'caller', text: '…'}, child, 'text', [more]) — attrs: class,
 * text, data-* and other attributes (true → present, false/null → absent); children may be nodes,
 * strings, arrays or null.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Removes every child of node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Sets a node's text only when it changed, so a 1 s refresh does not disturb selection or screen readers. */
export function setText(node, text) {
  const value = String(text);
  if (node.textContent !== value) node.textContent = value;
}
