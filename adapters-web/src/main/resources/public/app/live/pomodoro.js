// The room pomodoro's arithmetic: which phase holds and how long it has left, by the server's
// clock, the phase that comes next (shown as soon as the current one has run out, before the
// server's `pomodoro` frame confirms it), the words for each phase, and the owner's lengths form.
// The server's clock is estimated from the serverTime of its answers and frames, pinned to a local
// monotonic clock as the study clock does (study-clock.js); the device's wall clock is never read.
// Pure: "now" is always passed in, in milliseconds of that monotonic clock (performance.now() in
// the app), and server instants are epoch milliseconds.
import {clockOffset} from '../study-clock.js';

const FOCUS = 'focus';
const BREAK = 'break';
const LONG_BREAK = 'longBreak';

const LABELS = {[FOCUS]: '집중', [BREAK]: '휴식', [LONG_BREAK]: '긴 휴식'};

/** The lengths the owner may choose, in minutes (rounds: focus phases before the long break), as PUT /pomodoro takes them. */
export const LIMITS = {
  focus: {min: 1, max: 120},
  break: {min: 1, max: 60},
  longBreak: {min: 0, max: 60},
  rounds: {min: 1, max: 10},
};

/** What the form starts with. */
export const DEFAULTS = {focus: 25, break: 5, longBreak: 15, rounds: 4};

// ---- the server's clock ----

/**
 * How late a one-way message (a WebSocket frame) is taken to arrive, at most: it only says the
 * server's clock was at least its serverTime when it came, so the estimate adds this much, or half
 * of what an answer with a round trip leaves open, whichever is less.
 */
export const LATENCY_GUESS_MS = 20;

/** No reading yet: the server's clock is unknown. */
export const unknownClock = () => ({low: -Infinity, high: Infinity});

/**
 * The estimate after one more reading of the server's clock: {@code serverTime} read by the server
 * between {@code sentAt} (null for a frame the server sent by itself) and {@code receivedAt}, both
 * on the local monotonic clock. Each reading bounds the offset (server minus local); the estimate
 * keeps the narrowest range all readings agree on, and when a new reading disagrees with them (the
 * device slept, or the server's clock was set) believes the new one. A bad time changes nothing.
 */
export function withReading(clock, serverTime, sentAt, receivedAt) {
  const low = clockOffset(serverTime, receivedAt, receivedAt);
  if (low === null) return clock;
  const high = Number.isFinite(sentAt) && sentAt <= receivedAt ? clockOffset(serverTime, sentAt, sentAt) : Infinity;
  const together = {low: Math.max(clock.low, low), high: Math.min(clock.high, high)};
  return together.low <= together.high ? together : {low, high};
}

/** The server's clock minus the local one, in milliseconds; null before the first reading. */
export function offsetOf(clock) {
  if (!Number.isFinite(clock.low)) return Number.isFinite(clock.high) ? clock.high : null;
  return clock.low + Math.min(LATENCY_GUESS_MS, (clock.high - clock.low) / 2);
}

/** The server's clock (epoch milliseconds) at local moment {@code now}; null before the first reading. */
export function serverMsAt(clock, now) {
  const offset = offsetOf(clock);
  return offset === null ? null : now + offset;
}

// ---- the cycle ----

const instant = (text) => {
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
};
const seconds = (value) => (Number.isFinite(value) && value >= 0 ? Math.round(value) * 1000 : null);

/**
 * A {@code Pomodoro} of the contract as numbers: {startedAt, focusMs, breakMs, longBreakMs, rounds,
 * phase: {kind, round, startsAt, endsAt} | null, key}; null for none (or one too broken to clock).
 * {@code key} names the cycle: a restart is another cycle.
 */
export function readPomodoro(pomodoro) {
  if (!pomodoro || typeof pomodoro !== 'object') return null;
  const startedAt = instant(pomodoro.startedAt);
  const focusMs = seconds(pomodoro.focusSeconds);
  const breakMs = seconds(pomodoro.breakSeconds);
  const longBreakMs = seconds(pomodoro.longBreakSeconds) ?? 0;
  const rounds = Number.isInteger(pomodoro.roundsBeforeLongBreak) && pomodoro.roundsBeforeLongBreak >= 1
    ? pomodoro.roundsBeforeLongBreak : 1;
  if (startedAt === null || !focusMs || !breakMs) return null;
  const kind = [FOCUS, BREAK, LONG_BREAK].includes(pomodoro.phase) ? pomodoro.phase : null;
  const startsAt = instant(pomodoro.phaseStartedAt);
  const endsAt = instant(pomodoro.phaseEndsAt);
  const round = Number.isInteger(pomodoro.round) && pomodoro.round >= 1 ? pomodoro.round : null;
  const phase = kind && round && startsAt !== null && endsAt !== null && endsAt > startsAt
    ? {kind, round, startsAt, endsAt} : null;
  return {startedAt, focusMs, breakMs, longBreakMs, rounds, phase,
    key: `${startedAt}/${focusMs}/${breakMs}/${longBreakMs}/${rounds}`};
}

/** One focus and break after another until the long break (or the last break) ends. */
export function cycleMs(cycle) {
  const rests = (cycle.rounds - 1) * cycle.breakMs + (cycle.longBreakMs === 0 ? cycle.breakMs : cycle.longBreakMs);
  return cycle.rounds * cycle.focusMs + rests;
}

/**
 * The phase that holds at server instant {@code at} (the first focus before the start), reckoned
 * from the cycle's lengths exactly as the server reckons it.
 */
export function phaseAt(cycle, at) {
  const length = cycleMs(cycle);
  const elapsed = Math.max(0, at - cycle.startedAt);
  const cycles = Math.floor(elapsed / length);
  let begins = cycles * length;
  for (let i = 0; i < cycle.rounds; i++) {
    const round = cycles * cycle.rounds + i + 1;
    const focusEnds = begins + cycle.focusMs;
    if (elapsed < focusEnds) return phase(cycle, FOCUS, round, begins, focusEnds);
    const kind = i === cycle.rounds - 1 && cycle.longBreakMs > 0 ? LONG_BREAK : BREAK;
    const restEnds = focusEnds + (kind === LONG_BREAK ? cycle.longBreakMs : cycle.breakMs);
    if (elapsed < restEnds) return phase(cycle, kind, round, focusEnds, restEnds);
    begins = restEnds;
  }
  throw new Error('a cycle holds every instant of its length');
}

const phase = (cycle, kind, round, from, to) =>
  ({kind, round, startsAt: cycle.startedAt + from, endsAt: cycle.startedAt + to});

/** The phase after {@code current}. */
export const nextPhase = (cycle, current) => phaseAt(cycle, current.endsAt);

/**
 * The phase to show at server instant {@code at}: the server's while it lasts, then the ones that
 * follow by the cycle's lengths ({@code predicted}: true) until the server's next word.
 */
export function shownPhase(cycle, at) {
  if (!cycle) return null;
  if (cycle.phase && at < cycle.phase.endsAt) return {...cycle.phase, predicted: false};
  const reckoned = phaseAt(cycle, at);
  const same = cycle.phase && reckoned.startsAt === cycle.phase.startsAt && reckoned.kind === cycle.phase.kind;
  return {...reckoned, predicted: !same};
}

/** Names one phase of one cycle: the sound and the notification come once for each. */
export const phaseKey = (cycle, shown) => `${cycle.key}#${shown.kind}@${shown.startsAt}`;

/** Whole seconds left of the phase at server instant {@code at}, rounded up: a fresh 25-minute focus reads 25:00. */
export function remainingSeconds(shown, at) {
  const length = Math.ceil((shown.endsAt - shown.startsAt) / 1000);
  return Math.min(length, Math.max(0, Math.ceil((shown.endsAt - at) / 1000)));
}

/** How much of the phase has passed, 0 to 1. */
export function elapsedShare(shown, at) {
  const share = (at - shown.startsAt) / (shown.endsAt - shown.startsAt);
  return Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
}

/** Milliseconds until the remaining time next reads one second less (and a few more, so the timer is surely past it). */
export function msToNextSecond(shown, at) {
  const left = shown.endsAt - at;
  if (!(left > 0)) return 1000;
  const part = left % 1000;
  return (part === 0 ? 1000 : part) + 15;
}

const two = (n) => String(n).padStart(2, '0');

/** Time left as a kitchen timer reads it: "24:59", and "1:30:00" from an hour on. */
export function formatRemaining(total) {
  const s = Math.max(0, Math.floor(total));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${two(minutes)}:${two(s % 60)}`;
}

/** A length in words: "25분", "1분 30초", "45초". */
export function lengthWords(ms) {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (minutes === 0) return `${rest}초`;
  return rest === 0 ? `${minutes}분` : `${minutes}분 ${rest}초`;
}

/** "집중", "휴식", "긴 휴식". */
export const phaseName = (kind) => LABELS[kind] ?? '';

/** The phase as the ring names it: "집중 · 2회차". */
export const phaseLabel = (kind, round) => `${phaseName(kind)} · ${round}회차`;

/** What the ring says for time left, for a screen reader: "집중 2회차, 24분 59초 남았어요". */
export function ringWords(shown, at) {
  return `${phaseName(shown.kind)} ${shown.round}회차, ${lengthWords(remainingSeconds(shown, at) * 1000)} 남았어요`;
}

/** The line under the time: what comes after this phase, and for how long. */
export function nextWords(cycle, shown) {
  const next = nextPhase(cycle, shown);
  return `다음: ${phaseName(next.kind)} ${lengthWords(next.endsAt - next.startsAt)}`;
}

/** The sound's and the notification's words for a phase that has just begun. */
export function announcement(shown) {
  const length = lengthWords(shown.endsAt - shown.startsAt);
  switch (shown.kind) {
    case BREAK:
      return {title: '휴식 시간이에요', body: `${shown.round}회차 집중을 마쳤어요. ${length} 동안 함께 쉬어요.`};
    case LONG_BREAK:
      return {title: '긴 휴식 시간이에요', body: `${shown.round}회차까지 잘 해냈어요. ${length} 동안 푹 쉬어요.`};
    default:
      return {title: '집중 시간이에요', body: `${shown.round}회차 집중을 시작해요. ${length} 동안 집중해요.`};
  }
}

// ---- the owner's form ----

const FIELD_WORDS = {
  focus: `집중 시간은 ${LIMITS.focus.min}~${LIMITS.focus.max}분 사이로 정해 주세요.`,
  break: `휴식 시간은 ${LIMITS.break.min}~${LIMITS.break.max}분 사이로 정해 주세요.`,
  longBreak: `긴 휴식은 ${LIMITS.longBreak.min}~${LIMITS.longBreak.max}분 사이로 정해 주세요. 0분이면 긴 휴식 없이 진행해요.`,
  rounds: `긴 휴식 전 집중 횟수는 ${LIMITS.rounds.min}~${LIMITS.rounds.max}회 사이로 정해 주세요.`,
};

/** The form's fields as the server names them in a validation error. */
const SERVER_FIELDS = {focusSeconds: 'focus', breakSeconds: 'break', longBreakSeconds: 'longBreak', roundsBeforeLongBreak: 'rounds'};

/**
 * Reads the form ({focus, break, longBreak, rounds} as typed, in minutes and times): {ok: true, body}
 * with the body of PUT /pomodoro, or {ok: false, errors: {field: message}}. Focus and break are
 * needed; an empty long break or rounds box takes its default.
 */
export function readLengths(values) {
  const errors = {};
  const read = {};
  for (const field of ['focus', 'break', 'longBreak', 'rounds']) {
    const raw = String(values?.[field] ?? '').trim();
    if (raw === '') {
      if (field === 'focus' || field === 'break') errors[field] = field === 'focus' ? '집중 시간을 입력해 주세요.' : '휴식 시간을 입력해 주세요.';
      else read[field] = DEFAULTS[field];
      continue;
    }
    const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(number) || number < LIMITS[field].min || number > LIMITS[field].max) {
      errors[field] = FIELD_WORDS[field];
      continue;
    }
    read[field] = number;
  }
  if (Object.keys(errors).length > 0) return {ok: false, errors};
  return {ok: true, body: {focusSeconds: read.focus * 60, breakSeconds: read.break * 60,
    longBreakSeconds: read.longBreak * 60, roundsBeforeLongBreak: read.rounds}};
}

/**
 * A 400's {@code errors} ([{field, message}]) next to the form's fields: {fields: {field: message}}
 * for the fields the form has, and {other: [message]} for any it has not.
 */
export function serverErrors(errors) {
  const fields = {};
  const other = [];
  for (const error of Array.isArray(errors) ? errors : []) {
    const field = SERVER_FIELDS[error?.field];
    if (field) fields[field] = FIELD_WORDS[field];
    else other.push(`${error?.field ?? ''}: ${error?.message ?? ''}`.replace(/^: /, ''));
  }
  return {fields, other};
}

/** The form's values for a running cycle's lengths, or null when one is not whole minutes (set by hand through the API). */
export function lengthsOf(cycle) {
  const minutes = (ms) => (ms % 60_000 === 0 ? ms / 60_000 : null);
  const values = {focus: minutes(cycle.focusMs), break: minutes(cycle.breakMs), longBreak: minutes(cycle.longBreakMs),
    rounds: cycle.rounds};
  return Object.values(values).some((v) => v === null) ? null : values;
}
