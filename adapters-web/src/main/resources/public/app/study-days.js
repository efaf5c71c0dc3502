// Study days: the day a moment counts for in a time zone when days begin at a given wall-clock
// time (the server's STUPY_DAY_START, 05:00 by default, so a night session counts for the day it
// began), and the year of days the statistics heatmap shows. Dates are "yyyy-mm-dd" strings and
// day arithmetic is on UTC calendar days, so no zone's clock change can shift a date. Pure.

const DAY_MS = 86_400_000;

const clocks = new Map();   // zone → its Intl formatter, made once
function clock(zone) {
  let made = clocks.get(zone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'});
    clocks.set(zone, made);
  }
  return made;
}

/** The wall clock at an instant, as the UTC instant that reads the same, and its date. */
function wallClock(ms, zone) {
  const parts = Object.fromEntries(clock(zone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day),
    Number(parts.hour), Number(parts.minute), Number(parts.second));
  return {wall, date: `${parts.year}-${parts.month}-${parts.day}`};
}

/** The zone's offset from UTC at an instant, in milliseconds. */
const offsetAt = (ms, zone) => wallClock(ms, zone).wall - (ms - (((ms % 1000) + 1000) % 1000));

/** "05:00" → 300. */
function minutesOf(dayStart) {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(dayStart);
  if (!match) throw new RangeError(`a day start is HH:mm, not ${dayStart}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The first instant of a study day. As on the server: a start the clocks skip (a daylight saving
 * gap) moves later by the gap; a start the clocks pass twice is the first of the two.
 */
export function startOfStudyDay(date, zone, dayStart = '00:00') {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutesOf(dayStart) * 60_000;
  // The offsets a day either side cover any one change of the clocks around this wall time.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const readings = [wall - before, wall - after].filter((ms) => wallClock(ms, zone).wall === wall);
  return readings.length > 0 ? Math.min(...readings) : wall - before;
}

/** The study day an instant (a Date, epoch milliseconds or an ISO string) counts for. */
export function studyDayOf(instant, zone, dayStart = '00:00') {
  const ms = new Date(instant).getTime();
  const {date} = wallClock(ms, zone);
  return ms < startOfStudyDay(date, zone, dayStart) ? addDays(date, -1) : date;
}

export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Sunday … 6 for Saturday. */
export const weekdayOf = (date) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The 365 days ending with {@code today}, as the statistics route is asked for them. */
export const yearEndingOn = (today) => ({from: addDays(today, -364), to: today});

/** How dark a day's cell is: 0 for nothing, then 1 to 4 by its share of the busiest day. */
export function heatLevel(seconds, maxSeconds) {
  if (seconds === 0) return 0;
  return Math.min(4, 1 + Math.floor((seconds / Math.max(maxSeconds, 1)) * 3.999));
}

/**
 * The heatmap's cells, weeks running Sunday to Saturday in columns: {@code blanks} empty cells
 * first, so {@code from} lands on its weekday, then one cell per day from {@code from} to
 * {@code to}; a day the answer leaves out counts as nothing.
 */
export function heatmap(days, from, to) {
  const seconds = new Map(days.map((d) => [d.date, d.seconds]));
  const max = Math.max(0, ...days.map((d) => d.seconds));
  const cells = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const value = seconds.get(date) ?? 0;
    cells.push({date, seconds: value, level: heatLevel(value, max)});
  }
  return {blanks: weekdayOf(from), cells, studied: days.filter((d) => d.seconds > 0).length};
}
