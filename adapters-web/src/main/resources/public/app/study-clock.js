// The student's own study clock: today's total (from GET /api/users/me/today), running on between
// answers by the server's clock, never the device's; the daily goal; and the live room's session
// stopwatch. The device's wall clock may be off by minutes or hours (or jump when the user sets
// it), so an answer's serverTime is pinned to a local monotonic clock at the moment it was read,
// and time runs on from there. Pure: "now" is always passed in, in milliseconds of that monotonic
// clock (performance.now() in the app).

/** The server counts at most 16 hours of a study day. */
export const DAY_CAP_SECONDS = 16 * 3600;

/**
 * How far a fresh answer may read below a clock that is already running before it is believed:
 * figures are whole seconds, cut down, and each answer takes its own time to arrive.
 */
export const SLACK_SECONDS = 2;

/**
 * The server's clock minus the local one, in milliseconds, from an answer's {@code serverTime}:
 * the server read its clock somewhere between the request leaving ({@code sentAt}) and the answer
 * arriving ({@code receivedAt}); the middle is the best guess. null for a missing or bad time.
 */
export function clockOffset(serverTime, sentAt, receivedAt) {
  const serverMs = Date.parse(serverTime);
  if (!Number.isFinite(serverMs) || !Number.isFinite(sentAt) || !Number.isFinite(receivedAt)) return null;
  const readAt = receivedAt >= sentAt ? sentAt + (receivedAt - sentAt) / 2 : receivedAt;
  return serverMs - readAt;
}

/** The server's clock (epoch milliseconds) at a local moment, by an offset from {@link clockOffset}. */
export const serverNow = (offset, now) => now + offset;

/**
 * Today's figures from an answer of GET /api/users/me/today, read with clock offset {@code offset}.
 * The answer counts the running session up to its serverTime; from there the clock runs on while
 * the student is live and studying.
 */
export function todayFrom(answer, offset) {
  const asOf = Date.parse(answer?.serverTime);
  const live = answer?.live ? {
    roomId: answer.live.roomId,
    status: answer.live.status === 'break' ? 'break' : 'studying',
    subject: answer.live.subject ?? null,
    since: answer.live.since ?? null,
  } : null;
  return {
    date: answer?.date ?? null,
    goalMinutes: Number.isFinite(answer?.goalMinutes) ? answer.goalMinutes : null,
    goalMet: Boolean(answer?.goalMet),
    bySubject: Array.isArray(answer?.bySubject) ? answer.bySubject : [],
    live,
    offset: Number.isFinite(offset) ? offset : 0,
    asOf: Number.isFinite(asOf) ? asOf : null,
    base: Math.max(0, Number(answer?.studySeconds) || 0),
    running: live?.status === 'studying' && Number.isFinite(asOf),
  };
}

/** Seconds the clock has run since its figures were taken. */
function elapsed(today, now) {
  if (!today.running || today.asOf === null) return 0;
  return Math.max(0, serverNow(today.offset, now) - today.asOf) / 1000;
}

/** Today's study time at {@code now}, in seconds (fractions included; the screen cuts them). */
export const todaySecondsAt = (today, now) => Math.min(DAY_CAP_SECONDS, today.base + elapsed(today, now));

/** The same figures, stopped or started at {@code now}: the clock re-reads from there. */
function restartAt(today, now, changes) {
  const asOf = serverNow(today.offset, now);
  const next = {...today, base: todaySecondsAt(today, now), asOf, ...changes};
  next.running = next.live?.status === 'studying';
  return next;
}

/**
 * We took or ended a break (or the server says we did): the clock stops or runs on from
 * {@code now}, before the next answer confirms it. Nothing changes when not live.
 */
export function withStatus(today, status, now) {
  if (!today.live) return today;
  return restartAt(today, now, {live: {...today.live, status: status === 'break' ? 'break' : 'studying'}});
}

/** We went live in {@code roomId}: the clock runs from {@code now} while studying. */
export function joinedLive(today, roomId, status, now) {
  return restartAt(today, now, {live: {roomId, status: status === 'break' ? 'break' : 'studying', subject: null, since: null}});
}

/** We left the live room (or lost it): the clock stops where it is. */
export function leftLive(today, now) {
  if (!today.live) return today;
  return restartAt(today, now, {live: null});
}

/**
 * A fresh answer's figures, taking the place of {@code previous} at {@code now}. A running clock
 * never ticks back for an answer a little behind it (the same day, both running); a bigger drop is
 * real (a new study day, or a session too short to count) and is believed.
 */
export function rebase(previous, next, now) {
  if (!previous || !previous.running || !next.running || previous.date !== next.date) return next;
  const ahead = todaySecondsAt(previous, now) - todaySecondsAt(next, now);
  if (ahead <= 0 || ahead > SLACK_SECONDS) return next;
  return {...next, base: next.base + ahead};
}

/**
 * How far along the daily goal {@code seconds} are, as a whole percent from 0 to 100 (cut down, so
 * 100 means met); null when there is no goal.
 */
export function goalPercent(seconds, goalMinutes) {
  if (!Number.isFinite(goalMinutes) || goalMinutes <= 0) return null;
  const percent = Math.floor((Math.max(0, seconds) * 100) / (goalMinutes * 60));
  return Math.min(100, Math.max(0, percent));
}

/** The goal limits of PUT /api/users/me/goal, in minutes. */
const GOAL_MIN_MINUTES = 30;
const GOAL_MAX_MINUTES = 960;

/**
 * Reads the goal box: {ok: true, minutes} with whole minutes 30–960, or null for an empty box
 * (no goal); else {ok: false, message} in words for the student.
 */
export function parseGoal(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return {ok: true, minutes: null};
  if (!/^\d+$/.test(raw)) return {ok: false, message: '목표는 분 단위 숫자로 입력해 주세요.'};
  const minutes = Number(raw);
  if (minutes < GOAL_MIN_MINUTES || minutes > GOAL_MAX_MINUTES) {
    return {ok: false, message: `목표는 ${GOAL_MIN_MINUTES}분에서 ${GOAL_MAX_MINUTES}분(16시간) 사이로 정해 주세요.`};
  }
  return {ok: true, minutes};
}

/**
 * A stopwatch on the monotonic clock for this session's study time: it runs while studying and
 * stands still during a break.
 */
export const stopwatch = (now, running = true) => ({base: 0, since: now, running});
export const stopwatchAt = (watch, now) => watch.base + (watch.running ? Math.max(0, now - watch.since) / 1000 : 0);
export function setRunning(watch, running, now) {
  if (watch.running === running) return watch;
  return {base: stopwatchAt(watch, now), since: now, running};
}
