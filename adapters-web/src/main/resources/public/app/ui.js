// Small shared pieces of interface: toasts, dialogs and the empty/loading states.
import {h, replace} from './dom.js';
import {formatHours} from './format.js';
import {describe} from './api.js';
import {afterNavigation, carryToast, expireToast, showToast, toastDuration} from './toast-state.js';

let shownToast = null;   // what toast-state.js says shows
let toastTimer = null;

function drawToast() {
  const box = document.getElementById('toasts');
  if (!box) return;
  clearTimeout(toastTimer);
  if (!shownToast) {
    box.replaceChildren();
    return;
  }
  const {id, kind, message} = shownToast;
  box.replaceChildren(h('div', {class: ['toast', kind], testid: 'toast', data: {kind},
    role: kind === 'error' ? 'alert' : null}, message));
  toastTimer = setTimeout(() => {
    shownToast = expireToast(shownToast, id);
    drawToast();
  }, toastDuration(kind, message));
}

/** Shows {@code message} in place of any toast on show; kind is 'info', 'ok' or 'error'. */
export function toast(message, kind = 'info') {
  shownToast = showToast(shownToast, message, kind);
  drawToast();
}

/** The app moves on by itself right after a toast: it stays on the next screen. */
export function carryToastAlong() {
  shownToast = carryToast(shownToast);
}

/** A new screen shows: the last screen's toast goes, unless it was carried along. */
export function toastsAfterNavigation() {
  const before = shownToast;
  shownToast = afterNavigation(shownToast);
  if (shownToast === null && before !== null) drawToast();
}

/** An error as a toast; a failed request while the browser is offline is left to the offline banner, which already says so. */
export const showError = (error) => {
  if (error?.code === 'NETWORK' && globalThis.navigator?.onLine === false) return;
  toast(describe(error), 'error');
};

/**
 * A modal dialog. {@code build(close)} returns the body; resolves with what close() was given
 * (undefined when dismissed with Escape or the cancel button).
 */
export function dialog(title, build, {testid} = {}) {
  return new Promise((resolve) => {
    const el = h('dialog', {class: 'dialog', testid, 'aria-label': title});
    let done = false;
    const close = (result) => {
      if (done) return;
      done = true;
      el.close();
      el.remove();
      resolve(result);
    };
    el.addEventListener('cancel', (e) => { e.preventDefault(); close(undefined); });
    el.append(h('h2', {}, title), build(close));
    document.body.append(el);
    el.showModal();
    const first = el.querySelector('input, textarea, select, button.primary');
    first?.focus();
  });
}

export function confirmDialog(title, message, confirmLabel = '확인', danger = false) {
  return dialog(title, (close) => h('div', {},
    h('p', {}, message),
    h('div', {class: 'actions'},
      h('button', {type: 'button', on: {click: () => close(false)}}, '취소'),
      h('button', {type: 'button', class: danger ? 'danger primary' : 'primary', testid: 'confirm-yes', on: {click: () => close(true)}}, confirmLabel))))
    .then((answer) => answer === true);
}

export function loading(el) {
  replace(el, h(/^(OL|UL)$/u.test(el.tagName) ? 'li' : 'p', {class: 'muted loading'}, '불러오는 중…'));
}

export function empty(message) {
  return h('p', {class: 'empty muted'}, message);
}

/** Runs an async action with its button disabled, reporting failures as a toast. */
export async function busy(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** The server's picture rules checked before uploading, so a wrong file costs no round trip: true when fine, else says why. */
export function acceptableImage(file) {
  if (!IMAGE_TYPES.includes(file.type)) {
    toast('PNG, JPEG, WEBP, GIF 이미지만 올릴 수 있어요.', 'error');
    return false;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    toast('파일이 너무 커요. 5MB 이하로 올려 주세요.', 'error');
    return false;
  }
  return true;
}

/**
 * Members, rank and study time of a room card, the same on every screen that lists rooms: today's
 * and all-time study time, and who is studying there now (and who of them is on a break).
 */
export function roomMeta(room) {
  const meta = h('div', {class: 'meta'},
    h('span', {}, `인원 ${room.memberCount}/${room.maxMembers}명`),
    h('span', {}, `랭킹 ${room.rank}위`),
    Number.isFinite(room.todayStudySeconds)
      ? h('span', {testid: 'room-today', data: {seconds: room.todayStudySeconds}}, `오늘 ${formatHours(room.todayStudySeconds)}`)
      : null,
    h('span', {}, `총 공부 ${formatHours(room.totalStudySeconds ?? 0)}`));
  const studying = Array.isArray(room.studyingNow) ? room.studyingNow : [];
  if (studying.length === 0) return meta;
  return h('div', {class: 'room-meta'}, meta, studyingNow(studying));
}

/** "지금 공부 중": each live member's picture (or initial) and name, marked when on a break. */
function studyingNow(members) {
  return h('div', {class: 'studying-now', testid: 'studying-now'},
    h('span', {class: 'studying-title'}, `지금 ${members.length}명 공부 중`),
    h('ul', {'aria-label': '지금 공부 중인 멤버'}, members.map((member) => {
      const resting = member.status === 'break';
      const name = member.nickname || '(알 수 없음)';
      return h('li', {class: resting ? 'resting' : null, data: {userId: member.userId, status: resting ? 'break' : 'studying'}},
        member.profileImageUrl
          ? h('img', {class: 'avatar tiny', src: member.profileImageUrl, alt: '', loading: 'lazy', decoding: 'async'})
          : h('span', {class: 'avatar tiny placeholder', 'aria-hidden': 'true'}, [...name][0] ?? ''),
        h('span', {class: 'name'}, name),
        resting ? h('span', {class: 'rest'}, ' (휴식 중)') : null);
    })));
}

/** Shows the server's field errors next to a form. */
export function formErrors(target, error) {
  replace(target, describe(error));
  target.hidden = false;
}
