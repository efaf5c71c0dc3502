// Small shared pieces of interface: toasts, dialogs and the empty/loading states.
import {h, replace} from './dom.js';
import {formatHours} from './format.js';
import {describe} from './api.js';

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', {class: ['toast', kind], role: kind === 'error' ? 'alert' : 'status'}, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 6000 : 3500);
}

export const showError = (error) => toast(describe(error), 'error');

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
  replace(el, h('p', {class: 'muted loading'}, '불러오는 중…'));
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

/** Members, rank and study time of a room card, the same on every screen that lists rooms. */
export function roomMeta(room) {
  return h('div', {class: 'meta'},
    h('span', {}, `인원 ${room.memberCount}/${room.maxMembers}명`),
    h('span', {}, `랭킹 ${room.rank}위`),
    h('span', {}, `총 공부 ${formatHours(room.totalStudySeconds ?? 0)}`));
}

/** Shows the server's field errors next to a form. */
export function formErrors(target, error) {
  replace(target, describe(error));
  target.hidden = false;
}
