// Which toast shows: one at a time, a new one takes the old one's place, and a change of screen
// clears it unless the app itself moved on right after saying it ("참여했어요" and then the live
// room). Pure: ui.js draws what this decides.

const BASE_MS = {info: 3500, ok: 3500, error: 6000};
const PER_CHAR_MS = 60;
const LONG_AFTER = 40;
const MAX_MS = 10_000;

/** How long a toast stays: longer for errors and for long messages, never past ten seconds. */
export function toastDuration(kind, message) {
  const base = BASE_MS[kind] ?? BASE_MS.info;
  const extra = Math.max(0, [...String(message ?? '')].length - LONG_AFTER) * PER_CHAR_MS;
  return Math.min(MAX_MS, base + extra);
}

/** The toast that shows after {@code message}: it replaces whatever showed, and is not carried. */
export function showToast(current, message, kind = 'info') {
  const known = Object.hasOwn(BASE_MS, kind) ? kind : 'info';
  return {id: (current?.id ?? 0) + 1, message: String(message ?? ''), kind: known, carried: false};
}

/** The app moves to another screen by itself: the toast on show goes along to it. */
export const carryToast = (current) => (current ? {...current, carried: true} : null);

/** A new screen shows: a carried toast stays (once), any other goes. */
export const afterNavigation = (current) => (current?.carried ? {...current, carried: false} : null);

/** The toast {@code id} timed out: gone, unless another took its place meanwhile. */
export const expireToast = (current, id) => (current?.id === id ? null : current);
