// Builds DOM from plain values. User text only ever becomes text nodes or attribute values,
// never markup, so nothing a user types can run as HTML or script.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'muted', 'autoplay',
  'playsInline', 'srcObject', 'readOnly', 'required', 'multiple', 'open', 'indeterminate']);

/**
 * h('button', {class: 'primary', testid: 'room-join', on: {click: join}}, '참여하기')
 * props: class, testid (data-testid), data ({roomId: 'x'} → data-room-id), on (event handlers),
 * DOM properties (value, checked, disabled, …); anything else becomes an attribute.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false && !PROPERTIES.has(key)) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'testid') el.dataset.testid = value;
    else if (key === 'data') Object.entries(value).forEach(([k, v]) => { if (v != null) el.dataset[k] = String(v); });
    else if (key === 'on') Object.entries(value).forEach(([event, handler]) => el.addEventListener(event, handler));
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of {@code el}. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A labelled form field; the label is tied to the control so screen readers and clicks find it. */
let fieldIds = 0;
export function field(label, control, hint) {
  const id = control.id || `f${++fieldIds}`;
  control.id = id;
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    control,
    hint ? h('small', {class: 'hint'}, hint) : null);
}

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
