// The room pomodoro in the live room: a ring with the phase and the time left, in step with the
// server's clock (pomodoro.js), ticking on each second; the next phase shows as soon as this one
// runs out, and the server's `pomodoro` frame confirms it. Each phase change rings a short beep
// (Web Audio, once the page has had a tap or a key) and, while the tab is hidden and the browser
// allows it, shows a notification; permission is asked only from the 알림 켜기 button. The owner
// gets the lengths form with start (restarts one that runs) and stop. The break itself is the
// server's: it puts everyone live on a break, and the status frames show it everywhere else.
import {h} from '../dom.js';
import {api, ApiError, describe, enc} from '../api.js';
import {toast} from '../ui.js';
import {DEFAULTS, LIMITS, announcement, elapsedShare, formatRemaining, lengthsOf, msToNextSecond, nextWords,
  phaseKey, phaseLabel, readLengths, readPomodoro, remainingSeconds, ringWords, serverErrors, serverMsAt,
  shownPhase, unknownClock, withReading} from './pomodoro.js';

const SVG = 'http://www.w3.org/2000/svg';
const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
const SOUND_KEY = 'stupy.pomodoro.sound';
const NOTIFY_KEY = 'stupy.pomodoro.notify';

function svg(tag, attributes, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

function stored(key) {
  try {
    return localStorage.getItem(key) !== 'off';
  } catch {
    return true;
  }
}

function store(key, on) {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch { /* private mode: the choice lasts this visit */ }
}

/** The browser's notifications, or null where there are none. */
const notifications = () => (typeof window.Notification === 'function' ? window.Notification : null);

/**
 * @param {{roomId: string}} options
 */
export function createPomodoro({roomId}) {
  let clock = unknownClock();   // the server's clock, from every serverTime we read
  let cycle = null;             // the room's pomodoro as the server last told it (readPomodoro)
  let shownKey = null;          // the phase on screen (phaseKey), null when none runs
  let owner = false;
  let welcomed = false;
  let changes = 0;              // counts what the server told us; an answer older than a frame is not shown
  let dirty = false;            // the owner typed lengths of their own: a pomodoro from elsewhere leaves them
  let tickTimer = null;
  let audio = null;
  let sound = stored(SOUND_KEY);
  let notify = stored(NOTIFY_KEY);
  let destroyed = false;
  let permissionStatus = null;  // the notification permission's status, watched while the ring is on screen

  // ---- the ring ----
  const bar = svg('circle', {class: 'ring-bar', cx: 60, cy: 60, r: RADIUS, 'stroke-dasharray': CIRCUMFERENCE.toFixed(2),
    'stroke-dashoffset': 0, transform: 'rotate(-90 60 60)'});
  const ringSvg = svg('svg', {class: 'ring-svg', viewBox: '0 0 120 120', 'aria-hidden': 'true', focusable: 'false'},
    svg('circle', {class: 'ring-track', cx: 60, cy: 60, r: RADIUS}), bar);
  const phaseEl = h('span', {class: 'ring-phase', testid: 'pomodoro-phase', data: {phase: 'none'}}, '꺼져 있어요');
  const remainingEl = h('span', {class: 'ring-time', testid: 'pomodoro-remaining'}, '--:--');
  const nextEl = h('span', {class: 'ring-next'}, '');
  const ring = h('div', {class: 'pomodoro-ring', testid: 'pomodoro-ring', role: 'timer', 'aria-label': '뽀모도로가 꺼져 있어요',
    data: {phase: 'none'}}, ringSvg, h('div', {class: 'ring-center', 'aria-hidden': 'true'}, phaseEl, remainingEl, nextEl));
  const said = h('p', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});

  // ---- sound and notifications ----
  const soundButton = h('button', {type: 'button', class: 'small pref', testid: 'pomodoro-sound', on: {click: toggleSound}});
  const notifyButton = h('button', {type: 'button', class: 'small pref', testid: 'pomodoro-notify', on: {click: toggleNotify}});
  const notifyHint = h('small', {class: 'muted pomodoro-hint', hidden: true});

  // ---- the owner's form ----
  const inputs = {};
  const errors = {};
  const fieldBox = (field, label, testid, hint) => {
    const input = h('input', {type: 'number', inputmode: 'numeric', min: String(LIMITS[field].min), max: String(LIMITS[field].max),
      step: '1', testid, id: `pomodoro-${field}`, value: String(DEFAULTS[field]), autocomplete: 'off',
      'aria-describedby': `pomodoro-${field}-error`,
      on: {input: () => { dirty = true; clearError(field); }}});
    const error = h('small', {class: 'field-error', testid: `${testid}-error`, id: `pomodoro-${field}-error`, role: 'alert', hidden: true});
    inputs[field] = input;
    errors[field] = error;
    return h('div', {class: 'field pomodoro-field'}, h('label', {for: input.id}, label), input,
      hint ? h('small', {class: 'hint'}, hint) : null, error);
  };
  const formError = h('p', {class: 'form-error', testid: 'pomodoro-error', role: 'alert', hidden: true});
  const startButton = h('button', {type: 'submit', class: 'primary', testid: 'pomodoro-start'}, '시작');
  const stopButton = h('button', {type: 'button', class: 'danger', testid: 'pomodoro-stop', disabled: true, on: {click: stop}}, '멈추기');
  const form = h('form', {class: 'pomodoro-form', testid: 'pomodoro-form', novalidate: true, hidden: true, 'aria-label': '뽀모도로 설정',
    on: {submit: (event) => { event.preventDefault(); start(); }}},
  h('div', {class: 'pomodoro-fields'},
    fieldBox('focus', '집중 (분)', 'pomodoro-focus'),
    fieldBox('break', '휴식 (분)', 'pomodoro-break'),
    fieldBox('longBreak', '긴 휴식 (분)', 'pomodoro-long-break', '선택 · 0이면 없음'),
    fieldBox('rounds', '긴 휴식 전 집중', 'pomodoro-rounds', '선택 · 횟수')),
  formError,
  h('div', {class: 'pomodoro-actions'}, startButton, stopButton));
  const note = h('p', {class: 'muted pomodoro-note'}, '방장이 뽀모도로를 시작하면 여기서 함께 볼 수 있어요.');

  const el = h('section', {class: 'card pomodoro', 'aria-label': '방 뽀모도로', data: {phase: 'none'}},
    h('div', {class: 'pomodoro-head'}, h('h2', {}, '뽀모도로'),
      h('div', {class: 'pomodoro-prefs'}, soundButton, notifyButton)),
    notifyHint,
    h('div', {class: 'pomodoro-body'}, ring, h('div', {class: 'pomodoro-side'}, note, form)),
    said);

  // ---- clock and painting ----
  const serverNow = () => serverMsAt(clock, performance.now());

  function read(serverTime, sentAt, receivedAt) {
    clock = withReading(clock, serverTime, sentAt, receivedAt);
  }

  /** Shows the pomodoro as it stands now; {@code announce}: a phase that begins is told with a beep (and a notification). */
  function render(announce) {
    clearTimeout(tickTimer);
    tickTimer = null;
    if (destroyed) return;
    const at = serverNow();
    const shown = cycle && at !== null ? shownPhase(cycle, at) : cycle?.phase ? {...cycle.phase, predicted: false} : null;
    const key = shown ? phaseKey(cycle, shown) : null;
    if (key !== shownKey) {
      if (announce && shown) begins(shown);
      else if (announce && !shown && shownKey !== null) say('뽀모도로가 멈췄어요.');
      shownKey = key;
    }
    paint(shown, at);
    if (shown && at !== null) tickTimer = setTimeout(() => render(true), msToNextSecond(shown, at));
  }

  function paint(shown, at) {
    const phase = shown ? shown.kind : 'none';
    el.dataset.phase = phase;
    ring.dataset.phase = phase;
    phaseEl.dataset.phase = phase;
    ring.dataset.predicted = String(Boolean(shown?.predicted));
    if (!shown) {
      phaseEl.textContent = '꺼져 있어요';
      remainingEl.textContent = '--:--';
      nextEl.textContent = '';
      ring.setAttribute('aria-label', '뽀모도로가 꺼져 있어요');
      bar.style.strokeDashoffset = '0';
      note.textContent = owner ? '집중과 휴식 시간을 정해 시작하면 모두 같은 타이머를 봐요.' : '방장이 뽀모도로를 시작하면 여기서 함께 볼 수 있어요.';
    } else {
      const known = at !== null;
      phaseEl.textContent = phaseLabel(shown.kind, shown.round);
      remainingEl.textContent = known ? formatRemaining(remainingSeconds(shown, at)) : '--:--';
      nextEl.textContent = nextWords(cycle, shown);
      ring.setAttribute('aria-label', known ? ringWords(shown, at) : phaseLabel(shown.kind, shown.round));
      bar.style.strokeDashoffset = String((CIRCUMFERENCE * (known ? elapsedShare(shown, at) : 0)).toFixed(2));
      note.textContent = shown.kind === 'focus'
        ? '집중 시간이에요. 휴식 시간이 되면 모두 함께 쉬어요.'
        : '휴식 시간이에요. 공부 시간은 멈추고, 다음 집중에서 다시 흘러가요.';
    }
    startButton.textContent = cycle ? '다시 시작' : '시작';
    stopButton.disabled = !cycle;
    form.hidden = !owner;
    el.classList.toggle('is-owner', owner);
  }

  function say(text) {
    said.textContent = '';
    // A fresh text node, so screen readers announce the same words again next time.
    setTimeout(() => { if (!destroyed) said.textContent = text; }, 50);
  }

  /** A phase has just begun: a beep, the words for screen readers, and a notification while the tab is hidden. */
  function begins(shown) {
    const words = announcement(shown);
    say(`${words.title}. ${words.body}`);
    beep(shown.kind);
    if (document.visibilityState === 'hidden') showNotification(words);
  }

  // ---- sound ----
  /** Browsers let a page make sound only after a tap or a key: the audio starts with the first. */
  function unlockAudio() {
    if (audio || destroyed) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      audio = new Context();
    } catch {
      audio = null;
    }
  }

  function beep(kind) {
    if (!sound || !audio) return;
    try {
      if (audio.state === 'suspended') audio.resume().catch(() => {});
      // Focus: two high notes; a break: one lower, longer note.
      const notes = kind === 'focus' ? [[880, 0, 0.16], [880, 0.22, 0.16]] : [[587.33, 0, 0.45]];
      const start = audio.currentTime + 0.02;
      for (const [frequency, offset, length] of notes) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + length);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + length + 0.05);
      }
    } catch (error) {
      console.warn('pomodoro beep', error);
    }
  }

  function toggleSound() {
    unlockAudio();
    sound = !sound;
    store(SOUND_KEY, sound);
    paintPrefs();
    if (sound) beep('focus');
  }

  // ---- notifications ----
  function paintPrefs() {
    soundButton.textContent = sound ? '소리 켜짐' : '소리 꺼짐';
    soundButton.setAttribute('aria-pressed', String(sound));
    // The visible words are the name (a spoken name must hold what is shown); the title says what it does.
    soundButton.title = '단계가 바뀔 때 소리를 내요.';
    const N = notifications();
    if (!N) {
      notifyButton.hidden = true;
      notifyHint.hidden = true;
      return;
    }
    const permission = N.permission;
    notifyButton.dataset.permission = permission;
    notifyButton.disabled = permission === 'denied';
    notifyHint.hidden = permission !== 'denied';
    if (permission === 'granted') {
      notifyButton.textContent = notify ? '알림 켜짐' : '알림 꺼짐';
      notifyButton.setAttribute('aria-pressed', String(notify));
      notifyButton.title = '다른 탭을 보고 있을 때 단계가 바뀌면 알려 줘요.';
    } else if (permission === 'denied') {
      notifyButton.textContent = '알림 차단됨';
      notifyButton.setAttribute('aria-pressed', 'false');
      notifyHint.textContent = '브라우저가 알림을 막고 있어요. 주소창의 사이트 설정에서 알림을 허용하면 받을 수 있어요.';
    } else {
      notifyButton.textContent = '알림 켜기';
      notifyButton.setAttribute('aria-pressed', 'false');
      notifyButton.title = '다른 탭을 보고 있을 때 단계가 바뀌면 알려 줘요.';
    }
  }

  async function toggleNotify() {
    unlockAudio();
    const N = notifications();
    if (!N) return;
    if (N.permission === 'granted') {
      notify = !notify;
    } else if (N.permission === 'default') {
      let answer;
      try {
        // Older browsers answer through a callback rather than a promise.
        answer = await new Promise((resolve) => {
          const asked = N.requestPermission(resolve);
          if (asked && typeof asked.then === 'function') asked.then(resolve, () => resolve(N.permission));
        });
      } catch {
        answer = N.permission;
      }
      notify = answer === 'granted';
    }
    store(NOTIFY_KEY, notify);
    paintPrefs();
  }

  function showNotification({title, body}) {
    const N = notifications();
    if (!N || N.permission !== 'granted' || !notify) return;
    const options = {body, tag: `stupy-pomodoro-${roomId}`, renotify: true, icon: '/app/icon.svg', lang: 'ko'};
    try {
      const shown = new N(title, options);
      shown.onclick = () => {
        window.focus();
        shown.close();
      };
    } catch {
      // Phones allow notifications only through a service worker.
      navigator.serviceWorker?.getRegistration?.()
        .then((registration) => registration?.showNotification(title, options))
        .catch(() => {});
    }
  }

  // ---- the owner's controls ----
  function clearError(field) {
    errors[field].hidden = true;
    errors[field].textContent = '';
    inputs[field].removeAttribute('aria-invalid');
  }

  function showErrors(fields, other = []) {
    for (const field of Object.keys(inputs)) {
      if (fields[field]) {
        errors[field].textContent = fields[field];
        errors[field].hidden = false;
        inputs[field].setAttribute('aria-invalid', 'true');
      } else {
        clearError(field);
      }
    }
    formError.textContent = other.join('\n');
    formError.hidden = other.length === 0;
    const first = Object.keys(inputs).find((field) => fields[field]);
    if (first) inputs[first].focus();
  }

  /** The server refused what the owner asked: the fields it names, or why in a few words. */
  function refused(error) {
    if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
      const {fields, other} = serverErrors(error.errors);
      showErrors(fields, other);
      return;
    }
    if (error instanceof ApiError && error.code === 'NOT_OWNER') {
      // Someone handed the room on meanwhile: the form goes, and a toast says why.
      owner = false;
      showErrors({});
      render(false);
      toast('방장만 뽀모도로를 시작하거나 멈출 수 있어요.', 'error');
      return;
    }
    showErrors({}, [describe(error)]);
  }

  async function start() {
    unlockAudio();
    const values = Object.fromEntries(Object.entries(inputs).map(([field, input]) => [field, input.value]));
    const lengths = readLengths(values);
    if (!lengths.ok) {
      showErrors(lengths.errors);
      return;
    }
    showErrors({});
    const before = changes;
    startButton.disabled = true;
    try {
      const sentAt = performance.now();
      const answer = await api.put(`/api/rooms/${enc(roomId)}/pomodoro`, lengths.body);
      read(answer?.serverTime, sentAt, performance.now());
      dirty = false;
      if (before === changes) set(answer, true);   // else a frame has told us already (this, or something newer)
    } catch (error) {
      refused(error);
    } finally {
      startButton.disabled = false;
      render(false);
    }
  }

  async function stop() {
    unlockAudio();
    showErrors({});
    const before = changes;
    stopButton.disabled = true;
    try {
      await api.del(`/api/rooms/${enc(roomId)}/pomodoro`);
      if (before === changes) set(null, true);
    } catch (error) {
      refused(error);
    } finally {
      render(false);
    }
  }

  /** The room's pomodoro as the server says it. */
  function set(pomodoro, announce) {
    const next = readPomodoro(pomodoro);
    if (next && !dirty && next.key !== cycle?.key) {
      const values = lengthsOf(next);
      if (values) for (const [field, value] of Object.entries(values)) inputs[field].value = String(value);
    }
    cycle = next;
    render(announce);
  }

  const onGesture = () => unlockAudio();
  const onVisible = () => {
    paintPrefs();
    if (document.visibilityState === 'visible') render(true);
  };
  document.addEventListener('pointerdown', onGesture, true);
  document.addEventListener('keydown', onGesture, true);
  document.addEventListener('visibilitychange', onVisible);
  try {
    navigator.permissions?.query({name: 'notifications'})
      .then((status) => {
        if (destroyed) return;
        permissionStatus = status;
        permissionStatus.onchange = paintPrefs;
      })
      .catch(() => {});
  } catch { /* no permissions API: the button's state is read on each visit */ }
  paintPrefs();
  paint(null, null);

  return {
    el,
    /** A welcome: who we are (an owner gets the form), the server's clock, and the pomodoro as it stands. */
    welcome(frame, receivedAt) {
      owner = Boolean(frame?.you?.owner);
      read(frame?.serverTime, null, receivedAt);
      if (frame?.pomodoro) read(frame.pomodoro.serverTime, null, receivedAt);
      changes++;
      const again = welcomed;
      welcomed = true;
      el.classList.remove('offline');
      set(frame?.pomodoro ?? null, again);   // a fresh visit is not a phase change; a reconnect may bring one
    },
    /** A `pomodoro` frame: a start, a stop or a phase change. */
    frame(pomodoro, receivedAt) {
      if (pomodoro) read(pomodoro.serverTime, null, receivedAt);
      changes++;
      set(pomodoro ?? null, true);
    },
    /** The connection dropped: the ring runs on by the cycle's lengths until the next welcome. */
    offline() {
      el.classList.add('offline');
    },
    destroy() {
      destroyed = true;
      clearTimeout(tickTimer);
      document.removeEventListener('pointerdown', onGesture, true);
      document.removeEventListener('keydown', onGesture, true);
      document.removeEventListener('visibilitychange', onVisible);
      if (permissionStatus) permissionStatus.onchange = null;
      permissionStatus = null;
      if (audio) audio.close().catch(() => {});
      audio = null;
    },
  };
}
