// Study days as the statistics screen lays them out: the year of days its heatmap shows, ending on
// the server's study day (the date GET /api/users/me/today answers), and how dark each day's cell
// is. Dates are "yyyy-mm-dd" strings and day arithmetic is on UTC calendar days, so no zone's clock
// change can shift a date. Pure.

const DAY_MS = 86_400_000;

/** The date {@code days} after {@code date} (before it for a negative number). */
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
 * {@code to}, each saying whether that day met the goal of its time; a day the answer leaves out
 * counts as nothing.
 */
export function heatmap(days, from, to) {
  const seconds = new Map(days.map((d) => [d.date, d.seconds]));
  const met = new Set(days.filter((d) => d.goalMet === true).map((d) => d.date));
  const max = Math.max(0, ...days.map((d) => d.seconds));
  const cells = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const value = seconds.get(date) ?? 0;
    cells.push({date, seconds: value, level: heatLevel(value, max), goalMet: met.has(date)});
  }
  return {blanks: weekdayOf(from), cells, studied: days.filter((d) => d.seconds > 0).length,
    goalsMet: cells.filter((c) => c.goalMet).length};
}
