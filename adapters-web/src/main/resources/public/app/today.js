// Today's study clock for the whole app: one answer of GET /api/users/me/today at a time, running
// on by the server's clock (study-clock.js) while we are live and studying, and the header's
// today strip that shows it (`today-total`, and `goal-progress` against the daily goal). The
// answer is read again every minute while the tab shows, when the tab comes back, when we go live
// and when we leave the live room (a break or its end runs the local figures on: the next reading
// corrects them); screens that need the figures (the live room's timer, the statistics)
// read them from here. Nothing runs until the router turns the strip on.
import {api} from './api.js';
import {formatDuration, formatHours} from './format.js';
import {clockOffset, goalPercent, joinedLive, leftLive, rebase, todayFrom, todaySecondsAt, withStatus}
  from './study-clock.js';

const REFRESH_MS = 60_000;
const TICK_MS = 1000;

let model = null;          // the figures as of the last answer, adjusted by what we did since
let requestSeq = 0;        // answers older than the newest asked for are dropped
let changeSeq = 0;         // bumped by every local change; an answer asked for before one is stale
let inflight = null;
let active = false;
let pollTimer = null;
let tickTimer = null;
let soonTimer = null;
const listeners = new Set();

const now = () => performance.now();

function changed() {
  paint();
  for (const listener of listeners) {
    try { listener(model); } catch (e) { console.warn(e); }
  }
}

/** Calls {@code listener(model)} whenever the figures change (not on every tick); returns the way to stop. */
export function onToday(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The figures as they stand, or null before the first answer. */
export const today = () => model;

/** Today's study seconds at this moment, or null before the first answer. */
export const todaySeconds = () => (model ? todaySecondsAt(model, now()) : null);

/**
 * Reads the answer again now; resolves with the figures (rejects with the ApiError when the
 * server refuses). Asks made while one is on its way share it.
 */
export function refreshToday() {
  if (inflight) return inflight;
  const mine = ++requestSeq;
  const changesBefore = changeSeq;
  const sentAt = now();
  inflight = api.get('/api/users/me/today').then((answer) => {
    const receivedAt = now();
    if (mine !== requestSeq) return model;
    if (changesBefore !== changeSeq) {
      // We took a break, went live or left while it was on its way: it may say otherwise.
      refreshSoon();
      return model;
    }
    const next = todayFrom(answer, clockOffset(answer?.serverTime, sentAt, receivedAt) ?? 0);
    model = rebase(model, next, receivedAt);
    changed();
    return model;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

/** Reads the answer again shortly, once however often asked meanwhile (the server settles a change first). */
function refreshSoon(delayMs = 800) {
  clearTimeout(soonTimer);
  soonTimer = setTimeout(() => {
    soonTimer = null;
    if (active) refreshToday().catch(() => { /* the next minute tries again */ });
  }, delayMs);
}

/** A change we know of before the server's next answer: an answer asked for before it is stale. */
function local(update) {
  changeSeq++;
  if (model) {
    model = update(model, now());
    changed();
  }
}

/** We are live in {@code roomId} (a welcome): the clock runs from now while studying. */
export function noteLive(roomId, status) {
  local((m, at) => joinedLive(m, roomId, status, at));
  refreshSoon();
}

/**
 * The server says we took or ended a break: the clock stops or runs on from now. Not read again
 * for it (a pomodoro phase puts a whole room on a break at once): the next minute's reading will do.
 */
export const noteStatus = (status) => local((m, at) => withStatus(m, status, at));

/** We left the live room, or lost the connection: the clock stops where it is. */
export function noteLeft() {
  local((m, at) => leftLive(m, at));
  refreshSoon(1500);
}

/**
 * We saved a new daily goal (minutes, or null for none): the progress follows it now, and an answer
 * on its way, which may be from before it, is not taken.
 */
export const noteGoal = (minutes) => local((m) => ({...m, goalMinutes: minutes}));

// ---- the header strip ----

function strip() {
  const total = document.getElementById('today-total');
  if (!total) return null;
  return {
    total,
    progress: document.getElementById('goal-progress'),
    bar: document.getElementById('goal-bar'),
    percent: document.getElementById('goal-percent'),
    none: document.getElementById('goal-none'),
    box: document.getElementById('today-strip'),
  };
}

function paint() {
  const el = strip();
  if (!el) return;
  if (!model) {
    el.total.textContent = '--:--:--';
    el.progress.hidden = true;
    el.none.hidden = true;
    return;
  }
  const seconds = todaySecondsAt(model, now());
  el.total.textContent = formatDuration(seconds);
  el.total.dataset.seconds = String(Math.floor(seconds));
  el.total.dataset.running = String(model.running);
  if (model.date) el.total.dataset.date = model.date;
  el.box.title = model.date ? `${model.date} 공부일 기준` : '';
  const percent = goalPercent(seconds, model.goalMinutes);
  if (percent === null) {
    el.progress.hidden = true;
    el.none.hidden = false;
    return;
  }
  el.none.hidden = true;
  el.progress.hidden = false;
  el.progress.setAttribute('aria-valuenow', String(percent));
  el.progress.setAttribute('aria-valuetext', `목표 ${formatHours(model.goalMinutes * 60)} 중 ${percent}%`);
  el.progress.classList.toggle('met', percent >= 100);
  el.bar.style.width = `${percent}%`;
  el.percent.textContent = `${percent}%`;
}

const visible = () => document.visibilityState === 'visible';

function onVisible() {
  if (visible() && active) refreshToday().catch(() => {});
}

/**
 * Turns the strip on (signed in, a screen with the header) or off. On: reads the answer now and
 * every minute while the tab shows, and ticks every second. Off (signed out): forgets the figures.
 */
export function activateToday(on, {signedIn = true} = {}) {
  if (on && !active) {
    active = true;
    paint();
    refreshToday().catch(() => { /* shown as --:--:-- until an answer comes */ });
    // A hidden tab is not read; it is read as soon as it shows again (onVisible).
    pollTimer = setInterval(() => { if (visible()) refreshToday().catch(() => {}); }, REFRESH_MS);
    tickTimer = setInterval(() => { if (model?.running) paint(); }, TICK_MS);
    document.addEventListener('visibilitychange', onVisible);
  } else if (!on && active) {
    active = false;
    clearInterval(pollTimer);
    clearInterval(tickTimer);
    clearTimeout(soonTimer);
    document.removeEventListener('visibilitychange', onVisible);
  }
  if (!signedIn) {
    requestSeq++;
    changeSeq++;
    model = null;
    changed();
  }
}
