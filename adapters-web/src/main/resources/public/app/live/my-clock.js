// The live room's own clock: this session's study time in big figures with today's total beside
// it, the break switch and the subject box. The session runs on a monotonic stopwatch from our
// welcome and stands still during a break; today's total is the app's study clock (today.js).
// What to send is the live screen's business: this only shows, and reports what the user asked.
import {h} from '../dom.js';
import {formatDuration} from '../format.js';
import {setRunning, stopwatch, stopwatchAt} from '../study-clock.js';
import {todaySeconds} from '../today.js';
import {BREAK, SUBJECT_MAX, subjectFromInput} from './statuses.js';

/**
 * @param {{onBreak: function(boolean): void, onSubject: function(string|null): void}} options
 *   onBreak(true) asks for a break, onBreak(false) to study again; onSubject(subject) names what we
 *   study (null clears it). Each is called only for a real change.
 */
export function createMyClock({onBreak, onSubject}) {
  let watch = stopwatch(performance.now(), false);
  let shown = {status: 'studying', subject: null};
  let live = false;

  const session = h('span', {class: 'my-session', testid: 'my-timer-session'}, '00:00:00');
  const state = h('span', {class: 'my-state'}, '연결하는 중');
  const today = h('span', {class: 'my-today', testid: 'my-timer-today'}, '--:--:--');
  const timer = h('div', {class: 'my-timer', testid: 'my-timer', role: 'timer', 'aria-label': '내 공부 시간',
    data: {status: 'studying', running: 'false'}},
  h('div', {class: 'my-session-line'}, h('span', {class: 'my-caption'}, '이번 공부'), state),
  session,
  h('div', {class: 'my-today-line'}, h('span', {class: 'my-caption'}, '오늘 총'), today));

  const toggle = h('button', {type: 'button', class: 'status-toggle', testid: 'status-toggle', 'aria-pressed': 'false',
    disabled: true, on: {click: () => onBreak(shown.status !== BREAK)}}, '휴식');
  const toggleHint = h('small', {class: 'muted toggle-hint'}, '누르면 휴식해요. 휴식 중에는 시간이 멈춰요.');

  const subject = h('input', {type: 'text', testid: 'subject-input', maxlength: String(SUBJECT_MAX), autocomplete: 'off',
    placeholder: '예: 수학, 토익 LC', enterkeyhint: 'done', disabled: true});
  const subjectLabel = h('label', {for: 'my-subject'}, '공부 과목');
  subject.id = 'my-subject';
  const problem = h('p', {class: 'form-error', testid: 'subject-error', role: 'alert', hidden: true});
  const form = h('form', {class: 'subject-form', novalidate: true, on: {submit: (e) => {
    e.preventDefault();
    commitSubject();
  }}}, subjectLabel, h('div', {class: 'subject-row'}, subject), problem);
  subject.addEventListener('change', commitSubject);
  subject.addEventListener('input', () => { problem.hidden = true; subject.removeAttribute('aria-invalid'); });

  const el = h('section', {class: 'card my-clock', 'aria-label': '내 공부 시간'},
    timer, h('div', {class: 'my-controls'}, h('div', {class: 'toggle-box'}, toggle, toggleHint), form));

  function commitSubject() {
    const read = subjectFromInput(subject.value);
    if (!read.ok) {
      showProblem(read.message);
      return;
    }
    problem.hidden = true;
    subject.removeAttribute('aria-invalid');
    if (read.subject === shown.subject) {
      subject.value = read.subject ?? '';
      return;
    }
    onSubject(read.subject);
  }

  function showProblem(message) {
    problem.textContent = message;
    problem.hidden = false;
    subject.setAttribute('aria-invalid', 'true');
  }

  function paint() {
    const now = performance.now();
    session.textContent = formatDuration(stopwatchAt(watch, now));
    const seconds = todaySeconds();
    today.textContent = seconds === null ? '--:--:--' : formatDuration(seconds);
  }

  const timerId = setInterval(paint, 1000);

  return {
    el,
    /** Our status as it stands (asked or confirmed): the switch, the box and the clock follow it. */
    show(next) {
      shown = {status: next.status, subject: next.subject ?? null};
      const resting = shown.status === BREAK;
      toggle.setAttribute('aria-pressed', String(resting));
      toggleHint.textContent = resting ? '휴식 중이에요. 다시 누르면 공부를 이어가요.' : '누르면 휴식해요. 휴식 중에는 시간이 멈춰요.';
      timer.dataset.status = resting ? 'break' : 'studying';
      el.classList.toggle('resting', resting);
      if (document.activeElement !== subject) subject.value = shown.subject ?? '';
      watch = setRunning(watch, live && !resting, performance.now());
      timer.dataset.running = String(watch.running);
      state.textContent = !live ? '연결 안 됨' : resting ? '휴식 중' : shown.subject ? `${shown.subject} 공부 중` : '공부 중';
      paint();
    },
    /**
     * A live connection (a welcome): the clock runs on from where it stood, so a dropped and
     * restored connection keeps this visit's time; the first one starts it at zero.
     */
    started() {
      live = true;
      toggle.disabled = false;
      subject.disabled = false;
      this.show(shown);
    },
    /** The connection is gone: the session stops where it is. */
    stopped() {
      live = false;
      toggle.disabled = true;
      subject.disabled = true;
      this.show(shown);
    },
    /** The server refused what we asked; says why next to the box. */
    problem: showProblem,
    destroy() {
      clearInterval(timerId);
    },
  };
}
