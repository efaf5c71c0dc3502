// How times read on screen: running clocks, study totals, message times and days. Pure: the zone is
// the browser's unless one is given, so the same instant reads the same everywhere.

const two = (n) => String(n).padStart(2, '0');

/** A running clock, "HH:MM:SS"; hours go past 24 rather than wrapping, and nothing is shown below zero. */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return `${two(hours)}:${two(minutes)}:${two(s % 60)}`;
}

/** A study total in words: "42초", "5분", "3시간 7분". */
export function formatHours(seconds) {
  if (seconds < 60) return `${Math.floor(seconds)}초`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours}시간 ${minutes}분` : `${minutes}분`;
}

// Intl formatters are costly to build and a chat renders many times: one per zone, made on first use.
const formatters = new Map();
function formatter(style, zone) {
  const key = `${style}|${zone ?? ''}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat('ko-KR', {[style]: style === 'timeStyle' ? 'short' : 'medium', timeZone: zone});
    formatters.set(key, made);
  }
  return made;
}

/** The clock time of an instant, as a chat message shows it ("오후 3:04", never split over two lines). */
export const formatTime = (iso, zone = undefined) => formatter('timeStyle', zone).format(new Date(iso)).replace(/\s/gu, '\u00a0');

/** The date of an instant ("2026. 3. 9."); empty for a missing one. */
export const formatDate = (iso, zone = undefined) => (iso ? formatter('dateStyle', zone).format(new Date(iso)) : '');
