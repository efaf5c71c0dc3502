// The room form, one dialog for creating a room and for editing one (owner only).
// Rules mirror API.md so most mistakes are caught before the round trip; the server stays the
// judge and its field errors are shown next to the form while the dialog and the input stay.
import {field, h, replace} from '../dom.js';
import {ApiError, api, describe, enc} from '../api.js';
import {navigate} from '../router.js';
import {dialog, toast} from '../ui.js';

const RULES = {
  title: '제목은 1~30자로 써 주세요.',
  description: '소개는 1~300자로 써 주세요.',
  password: '비밀번호는 4~10자로 정해 주세요.',
  hashtags: '해시태그는 10개까지, 각각 띄어쓰기 없이 1~20자로 써 주세요.',
  maxMembers: '정원은 2~10명 사이로 정해 주세요.',
  openChatUrl: '오픈채팅 주소는 https://open.kakao.com/ 으로 시작하는 링크만 쓸 수 있어요.',
};

/** Counts what a person counts: code points, like the server. */
const length = (text) => [...text].length;

/** "#공부 토익, 영어" → ["공부", "토익", "영어"]: separators are spaces and commas, a leading # is dropped, duplicates go. */
export function parseHashtags(text) {
  const seen = new Set();
  const tags = [];
  for (const raw of text.split(/[\s,，]+/u)) {
    const tag = raw.replace(/^#+/u, '').toLowerCase();
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      tags.push(tag);
    }
  }
  return tags;
}

export function isOpenChatUrl(text) {
  if (text.length > 200) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname === 'open.kakao.com' && url.port === ''
      && url.username === '' && url.password === '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/**
 * Opens the form. {@code existing} null creates a room (then toasts and goes to #/mine);
 * a Room edits it with only the changed fields. Resolves with the saved Room, or undefined when
 * the dialog was dismissed or nothing changed.
 */
export function roomFormDialog(existing = null) {
  const editing = existing != null;
  return dialog(editing ? '스터디 수정' : '새 스터디 만들기', (close) => build(close, existing), {testid: 'room-form'});
}

function build(close, existing) {
  const editing = existing != null;
  const title = h('input', {type: 'text', testid: 'room-title', maxlength: 30, required: true,
    value: existing?.title ?? '', autocomplete: 'off'});
  const description = h('textarea', {testid: 'room-description', maxlength: 300, required: true, rows: 4,
    value: existing?.description ?? ''});
  const password = h('input', {type: 'password', testid: 'room-password', maxlength: 10, autocomplete: 'new-password',
    placeholder: editing && existing.locked ? '바꿀 때만 입력' : '없으면 비워 두세요'});
  const unlock = editing && existing.locked
    ? h('input', {type: 'checkbox', testid: 'room-unlock', on: {change: () => {
      password.disabled = unlock.checked;
      if (unlock.checked) password.value = '';
    }}})
    : null;
  const hashtags = h('input', {type: 'text', testid: 'room-hashtags', autocomplete: 'off', placeholder: '예: 토익 영어 아침공부',
    value: (existing?.hashtags ?? []).map((t) => `#${t}`).join(' ')});
  const maxMembers = h('input', {type: 'number', testid: 'room-max', min: Math.max(2, existing?.memberCount ?? 2), max: 10,
    step: 1, inputmode: 'numeric', required: true, value: String(existing?.maxMembers ?? 5)});
  const openChat = h('input', {type: 'url', testid: 'room-openchat', autocomplete: 'off', inputmode: 'url',
    placeholder: 'https://open.kakao.com/o/…', value: existing?.openChatUrl ?? ''});
  const problem = h('div', {class: 'form-error', role: 'alert', testid: 'room-form-error', hidden: true});
  const submit = h('button', {type: 'submit', class: 'primary', testid: 'room-submit'}, editing ? '저장' : '만들기');

  const controls = {title, description, password, hashtags, maxMembers, openChatUrl: openChat};
  const slots = {};
  const wrap = (name, label, hint) => {
    const box = field(label, controls[name], hint);
    slots[name] = h('small', {class: 'field-error', id: `${controls[name].id}-error`, hidden: true});
    box.append(slots[name]);
    return box;
  };

  const showProblems = (problems) => {
    Object.entries(controls).forEach(([name, control]) => {
      const message = problems[name];
      slots[name].hidden = !message;
      slots[name].textContent = message ?? '';
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', slots[name].id);
      } else {
        control.removeAttribute('aria-invalid');
        control.removeAttribute('aria-describedby');
      }
    });
    const messages = Object.values(problems);
    replace(problem, messages.join('\n'));
    problem.hidden = messages.length === 0;
    const first = Object.keys(controls).find((name) => problems[name]);
    if (first) controls[first].focus();
  };

  const read = () => {
    const problems = {};
    const values = {
      title: title.value.trim(),
      description: description.value.trim(),
      password: password.value,
      hashtags: parseHashtags(hashtags.value),
      maxMembers: Number(maxMembers.value),
      openChatUrl: openChat.value.trim(),
    };
    if (length(values.title) < 1 || length(values.title) > 30) problems.title = RULES.title;
    if (length(values.description) < 1 || length(values.description) > 300) problems.description = RULES.description;
    if (values.password !== '' && (length(values.password) < 4 || length(values.password) > 10)) problems.password = RULES.password;
    if (values.hashtags.length > 10 || values.hashtags.some((t) => length(t) > 20 || t.includes('#'))) problems.hashtags = RULES.hashtags;
    if (!Number.isInteger(values.maxMembers) || values.maxMembers < 2 || values.maxMembers > 10) {
      problems.maxMembers = RULES.maxMembers;
    } else if (editing && values.maxMembers < existing.memberCount) {
      problems.maxMembers = `지금 멤버가 ${existing.memberCount}명이라 정원을 그보다 줄일 수 없어요.`;
    }
    if (values.openChatUrl !== '' && !isOpenChatUrl(values.openChatUrl)) problems.openChatUrl = RULES.openChatUrl;
    return {values, problems};
  };

  const createBody = (v) => {
    const body = {title: v.title, description: v.description, hashtags: v.hashtags, maxMembers: v.maxMembers};
    if (v.password !== '') body.password = v.password;
    if (v.openChatUrl !== '') body.openChatUrl = v.openChatUrl;
    return body;
  };

  // Only what changed. The server's PATCH reads: password null → the lock is removed, a string → set or
  // changed, absent → kept; hashtags [] → all removed; openChatUrl null → removed.
  const editBody = (v) => {
    const body = {};
    if (v.title !== existing.title) body.title = v.title;
    if (v.description !== existing.description) body.description = v.description;
    if (unlock?.checked) body.password = null;
    else if (v.password !== '') body.password = v.password;
    const before = existing.hashtags ?? [];
    if (v.hashtags.length !== before.length || v.hashtags.some((t, i) => t !== before[i])) body.hashtags = v.hashtags;
    if (v.openChatUrl !== (existing.openChatUrl ?? '')) body.openChatUrl = v.openChatUrl === '' ? null : v.openChatUrl;
    if (v.maxMembers !== existing.maxMembers) body.maxMembers = v.maxMembers;
    return body;
  };

  const serverProblems = (error) => {
    const problems = {};
    if (error instanceof ApiError && error.errors.length > 0) {
      error.errors.forEach((e) => {
        const name = String(e.field ?? '').replace(/\[.*$/u, '');
        if (name in controls) problems[name] = RULES[name];
        else problems._other = describe(error);
      });
    } else if (error instanceof ApiError && error.code === 'CAPACITY_BELOW_MEMBERS') {
      problems.maxMembers = describe(error);
    } else {
      problems._other = describe(error);
    }
    return problems;
  };

  const form = h('form', {class: 'room-form', novalidate: true, on: {submit: async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const {values, problems} = read();
    showProblems(problems);
    if (Object.keys(problems).length > 0) return;
    submit.disabled = true;
    try {
      if (editing) {
        const body = editBody(values);
        if (Object.keys(body).length === 0) {
          toast('바뀐 내용이 없어요.');
          close(undefined);
          return;
        }
        const saved = await api.patch(`/api/rooms/${enc(existing.id)}`, body);
        toast('스터디를 고쳤어요.', 'ok');
        close(saved);
      } else {
        const created = await api.post('/api/rooms', createBody(values));
        toast('스터디를 만들었어요.', 'ok');
        close(created);
        navigate('/mine');
      }
    } catch (error) {
      showProblems(serverProblems(error));
    } finally {
      submit.disabled = false;
    }
  }}},
  wrap('title', '제목', '1~30자'),
  wrap('description', '소개', '1~300자. 어떤 스터디인지 알려 주세요.'),
  wrap('password', '비밀번호 (선택)', editing && existing.locked
    ? '비워 두면 지금 비밀번호를 그대로 써요. 4~10자.'
    : '정하면 비밀번호를 아는 사람만 들어와요. 4~10자.'),
  unlock ? h('label', {class: 'check'}, unlock, '잠금 풀기 (비밀번호 없이 누구나 참여)') : null,
  wrap('hashtags', '해시태그 (선택)', '띄어쓰기나 쉼표로 구분, 10개까지'),
  wrap('maxMembers', '정원', '2~10명'),
  wrap('openChatUrl', '카카오 오픈채팅 주소 (선택)', editing ? '비우면 링크를 지워요.' : null),
  problem,
  h('div', {class: 'actions'},
    h('button', {type: 'button', on: {click: () => close(undefined)}}, '취소'),
    submit));
  return form;
}
