// Rooms: search by keyword and hashtag, four sorts, pages that load as you scroll, join (asking
// for the password of a locked room) and create. The search lives in the hash
// (#/rooms?q=…&hashtag=…&sort=…) so a reload or the back button keeps it.
import {field, h, replace} from '../dom.js';
import {ApiError, api, describe, enc, query as queryString} from '../api.js';
import {navigate} from '../router.js';
import {livePath} from '../routes.js';
import {busy, dialog, empty, formErrors, loading, roomMeta, showError, toast} from '../ui.js';
import {roomFormDialog} from './room-form.js';

const SORTS = [
  ['latest', '최신순'],
  ['popular', '인기순'],
  ['open', '참여 가능'],
  ['studied', '공부시간순'],
];
const PAGE = 20;
const DEBOUNCE_MS = 300;

/** "#토익 " → "토익": the server takes a tag with or without #, but the hash and the box stay tidy. */
const cleanTag = (text) => text.trim().replace(/^#+/u, '').trim();

export default async function render(view, {query}) {
  const state = {
    q: (query.get('q') ?? '').trim(),
    hashtag: cleanTag(query.get('hashtag') ?? ''),
    sort: SORTS.some(([key]) => key === query.get('sort')) ? query.get('sort') : 'latest',
  };
  let joined = new Set();
  let generation = 0;        // bumped on every new search; answers for an older one are dropped
  let loadingFor = -1;       // the generation a page is being fetched for
  let cursor = null;
  let finished = false;
  let failed = false;
  let debounce = null;
  let alive = true;

  const q = h('input', {type: 'search', testid: 'search-q', value: state.q, maxlength: 100,
    placeholder: '제목이나 소개로 찾기', autocomplete: 'off', enterkeyhint: 'search'});
  const hashtag = h('input', {type: 'search', testid: 'search-hashtag', value: state.hashtag ? `#${state.hashtag}` : '',
    maxlength: 21, placeholder: '#해시태그', autocomplete: 'off', enterkeyhint: 'search'});
  const sort = h('select', {testid: 'search-sort'},
    SORTS.map(([key, label]) => h('option', {value: key}, label)));
  sort.value = state.sort;
  const list = h('div', {class: 'grid three room-list', testid: 'room-list'});
  const status = h('div', {class: 'list-status', 'aria-live': 'polite'});
  const sentinel = h('div', {class: 'sentinel', 'aria-hidden': 'true'});
  const create = h('button', {type: 'button', class: 'primary', testid: 'create-room', on: {click: async () => {
    await roomFormDialog(null);   // on success the form toasts and moves to #/mine itself
  }}}, '+ 스터디 만들기');

  const form = h('form', {class: 'toolbar', role: 'search', 'aria-label': '스터디 검색', on: {submit: (e) => {
    e.preventDefault();
    apply();
  }}},
  field('검색어', q),
  field('해시태그', hashtag),
  field('정렬', sort),
  h('button', {type: 'submit', class: 'search-button'}, '검색'));

  q.addEventListener('input', schedule);
  hashtag.addEventListener('input', schedule);
  sort.addEventListener('change', apply);

  view.append(
    h('div', {class: 'page-head'}, h('h1', {}, '스터디 찾기'), create),
    form, list, status, sentinel);

  function schedule() {
    clearTimeout(debounce);
    debounce = setTimeout(apply, DEBOUNCE_MS);
  }

  /** Reads the controls; a changed search starts over from the first page. */
  function apply() {
    clearTimeout(debounce);
    const next = {q: q.value.trim(), hashtag: cleanTag(hashtag.value), sort: sort.value};
    if (next.q === state.q && next.hashtag === state.hashtag && next.sort === state.sort) return;
    Object.assign(state, next);
    const params = queryString({q: state.q, hashtag: state.hashtag, sort: state.sort === 'latest' ? '' : state.sort});
    // Replace, not push: typing must not fill the history, and replaceState does not re-route.
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/rooms${params}`);
    restart();
  }

  function filterByTag(tag) {
    hashtag.value = `#${tag}`;
    apply();
    hashtag.focus();
  }

  function restart() {
    generation++;
    cursor = null;
    finished = false;
    failed = false;
    list.replaceChildren();
    loadMore();
  }

  async function loadMore() {
    if (!alive || finished || failed || loadingFor === generation) return;
    const mine = generation;
    loadingFor = mine;
    loading(status);
    try {
      const page = await api.get(`/api/rooms${queryString({q: state.q, hashtag: state.hashtag, sort: state.sort,
        cursor, limit: PAGE})}`);
      if (mine !== generation || !alive) return;   // the search changed meanwhile
      const items = page?.items ?? [];
      items.forEach((room) => list.append(card(room)));
      cursor = page?.nextCursor ?? null;
      finished = cursor === null;
      if (finished && list.childElementCount === 0) {
        replace(status, empty('조건에 맞는 스터디가 없어요.'),
          state.q || state.hashtag || state.sort === 'open'
            ? h('p', {class: 'muted center'}, '검색어를 바꾸거나 새 스터디를 만들어 보세요.')
            : h('p', {class: 'muted center'}, '첫 스터디를 만들어 보세요.'));
      } else if (finished) {
        replace(status, h('p', {class: 'muted center end'}, '스터디를 모두 봤어요.'));
      } else {
        status.replaceChildren();
      }
    } catch (error) {
      if (mine !== generation || !alive) return;
      replace(status, h('div', {class: 'center'},
        h('p', {class: 'form-error', role: 'alert'}, describe(error)),
        h('button', {type: 'button', on: {click: () => { failed = false; loadMore(); }}}, '다시 시도')));
      failed = true;   // the observer stops asking until "다시 시도" is pressed
      return;
    } finally {
      if (loadingFor === mine) loadingFor = -1;
    }
    // A tall screen may still show the sentinel: observing again makes the observer report it once more.
    if (!finished && alive) {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  }

  function card(room) {
    const titleId = `room-title-${room.id}`;
    const isJoined = joined.has(room.id);
    const full = room.memberCount >= room.maxMembers;
    const join = h('button', {type: 'button', class: isJoined ? 'primary' : '', testid: 'room-join',
      'aria-describedby': titleId, on: {click: () => onJoin(room, join)}}, isJoined ? '입장하기' : '참여하기');
    return h('article', {class: 'card room-card', testid: 'room-card', data: {roomId: room.id}},
      h('div', {class: 'card-head'},
        room.imageUrl ? h('img', {class: 'thumb', src: room.imageUrl, alt: '', loading: 'lazy', decoding: 'async'}) : null,
        h('div', {class: 'grow'},
          h('h2', {class: 'card-title', id: titleId}, room.title),
          h('div', {class: 'badges'},
            room.locked ? h('span', {class: 'badge lock', title: '비밀번호가 있는 방'}, '잠금') : null,
            room.live ? h('span', {class: 'badge live'}, `라이브 ${room.liveCount}명`) : null,
            full && !isJoined ? h('span', {class: 'badge full'}, '만석') : null,
            isJoined ? h('span', {class: 'badge joined'}, '참여 중') : null))),
      h('p', {class: 'room-desc'}, room.description),
      (room.hashtags ?? []).length > 0
        ? h('ul', {class: 'chips', 'aria-label': '해시태그'}, room.hashtags.map((tag) => h('li', {},
          h('button', {type: 'button', class: 'chip', title: `#${tag} 태그로 찾기`, on: {click: () => filterByTag(tag)}}, `#${tag}`))))
        : null,
      roomMeta(room),
      h('div', {class: 'actions'}, join));
  }

  async function onJoin(room, button) {
    if (joined.has(room.id)) {
      navigate(livePath(room.id));
      return;
    }
    const done = room.locked
      ? await passwordDialog(room)
      : await busy(button, () => api.post(`/api/rooms/${enc(room.id)}/members`));
    if (!done) return;
    joined.add(room.id);
    toast(`'${room.title}' 스터디에 참여했어요.`, 'ok');
    navigate('/mine');
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore();
  }, {rootMargin: '400px 0px'});

  // Who am I: decides "입장하기" versus "참여하기". Without it every card offers to join, which the
  // server answers harmlessly for a member.
  try {
    const me = await api.get('/api/users/me');
    joined = new Set(me?.joinedRoomIds ?? []);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) showError(error);
  }
  if (!alive) return undefined;
  loadMore();
  observer.observe(sentinel);

  return () => {
    alive = false;
    generation++;
    clearTimeout(debounce);
    observer.disconnect();
  };
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
