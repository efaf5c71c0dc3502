// Joining a room, the same from a card and from the preview: an open room at once, a locked one
// after its password (asked in a dialog that says why it was refused), then a toast. The caller
// moves on into the live room.
import {field, h} from '../dom.js';
import {ApiError, api, enc} from '../api.js';
import {busy, dialog, formErrors, toast} from '../ui.js';

/** Joins {@code room}; resolves true once a member, false when cancelled or refused (already said). */
export async function joinRoom(room, button) {
  const done = room.locked
    ? await passwordDialog(room)
    : await busy(button, () => api.post(`/api/rooms/${enc(room.id)}/members`));
  if (!done) return false;
  toast(`'${room.title}' 스터디에 참여했어요. 라이브로 들어가요.`, 'ok');
  return true;
}

/** Asks a locked room's password; resolves with the joined Room, or undefined when cancelled. */
function passwordDialog(room) {
  return dialog('비밀번호 입력', (close) => {
    const password = h('input', {type: 'password', testid: 'join-password', maxlength: 10, autocomplete: 'off',
      required: true});
    const problem = h('p', {class: 'form-error', role: 'alert', testid: 'join-error', hidden: true});
    const confirm = h('button', {type: 'submit', class: 'primary', testid: 'join-confirm'}, '참여하기');
    const form = h('form', {novalidate: true, on: {submit: async (e) => {
      e.preventDefault();
      if (confirm.disabled) return;
      if (password.value === '') {
        problem.textContent = '비밀번호를 입력해 주세요.';
        problem.hidden = false;
        password.focus();
        return;
      }
      confirm.disabled = true;
      problem.hidden = true;
      try {
        close(await api.post(`/api/rooms/${enc(room.id)}/members`, {password: password.value}));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
          // Spent budgets refuse even the right password, so say why rather than "wrong password".
          problem.textContent = '비밀번호를 여러 번 틀려서 잠시 막혔어요. 몇 분 뒤에 다시 해 주세요.';
          problem.hidden = false;
        } else {
          formErrors(problem, error);
        }
        password.setAttribute('aria-invalid', 'true');
        password.select();
        password.focus();
      } finally {
        confirm.disabled = false;
      }
    }}},
    h('p', {class: 'dialog-subject'}, `'${room.title}'은(는) 잠긴 스터디예요. 방장에게 받은 비밀번호를 입력해 주세요.`),
    field('비밀번호', password),
    problem,
    h('div', {class: 'actions'},
      h('button', {type: 'button', on: {click: () => close(undefined)}}, '취소'),
      confirm));
    return form;
  }, {testid: 'join-dialog'});
}
