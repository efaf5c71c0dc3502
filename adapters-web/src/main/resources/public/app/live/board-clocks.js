// The leaderboard's arithmetic: ranks, and clocks that run on from a server snapshot. A live
// member's time counts up from the moment its snapshot arrived until the next snapshot, or until
// the connection drops and every clock stops where it stands; a member on a break stands still
// too. Pure: "now" is passed in, in milliseconds (performance.now() in the app).

/**
 * How far a fresh snapshot may read below a clock that is already running before it is believed.
 * The server sends whole seconds, cut down, and each snapshot takes its own time to arrive, so a
 * running clock is often a fraction ahead of the next snapshot and must not tick back for it. A
 * bigger drop is real: a new study day began, or the session was dropped.
 */
export const SNAPSHOT_SLACK_SECONDS = 2;

/** Whether an entry's time runs: the member is live and not on a break. */
export const runs = (entry) => Boolean(entry.live) && entry.status !== 'break';

/** A clock's time at {@code now}: a running entry's time plus what has passed since its snapshot arrived. */
export function secondsAt(clock, now) {
  return runs(clock.entry) ? clock.base + Math.max(0, now - clock.since) / 1000 : clock.base;
}

/**
 * Clocks for a snapshot's entries, received at {@code receivedAt}. {@code previous} are the clocks
 * of the last snapshot of the same board: a member whose clock ran there and still runs keeps the
 * time it had reached when that is only a little ahead of the snapshot.
 */
export function startClocks(entries, receivedAt, previous = []) {
  const reached = new Map(previous.filter((clock) => runs(clock.entry))
    .map((clock) => [clock.entry.userId, secondsAt(clock, receivedAt)]));
  return entries.map((entry) => {
    const ahead = (reached.get(entry.userId) ?? -Infinity) - entry.studySeconds;
    const keep = runs(entry) && ahead > 0 && ahead <= SNAPSHOT_SLACK_SECONDS;
    return {entry, base: keep ? entry.studySeconds + ahead : entry.studySeconds, since: receivedAt};
  });
}

/** The connection dropped: nobody's time is known until the next snapshot, so the clock stops at {@code now}. */
export function stopClock(clock, now) {
  if (!clock.entry.live) return clock;
  return {entry: {...clock.entry, live: false}, base: secondsAt(clock, now), since: now};
}

export const stopClocks = (clocks, now) => clocks.map((clock) => stopClock(clock, now));

/**
 * A member took or ended a break (a `peer-status` frame), ahead of the next snapshot: the clock
 * stops or runs on from {@code now}, and shows the new status and subject. Only a live member's.
 */
export function withClockStatus(clock, status, subject, now) {
  if (!clock.entry.live) return clock;
  return {entry: {...clock.entry, status: status === 'break' ? 'break' : 'studying', subject: subject ?? null},
    base: secondsAt(clock, now), since: now};
}

/** The rank of the i-th entry of a board sorted by time: equal times share a rank (1, 1, 3), as in the room rankings. */
export function rankOf(entries, i) {
  let first = i;
  while (first > 0 && entries[first - 1].studySeconds === entries[i].studySeconds) first--;
  return first + 1;
}
