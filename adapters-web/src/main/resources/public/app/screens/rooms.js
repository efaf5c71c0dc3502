// Rooms: one search box for titles, descriptions and hashtags (as you type, with tag suggestions
// from the rooms there are), an exact-tag filter, three sorts and a "자리 있음" switch, pages that
// load as you scroll; a card opens the room's preview, and joining (with the password of a
// locked room) goes straight into the live room. The search lives in the hash
// (#/rooms?q=…&hashtag=…&sort=…&available=true) so a reload or the back button keeps it.
import {h, replace} from '../dom.js';
import {ApiError, api, describe} from '../api.js';
import {livePath, roomPath} from '../routes.js';
import {navigate} from '../router.js';
import {SORTS, cleanTag, parseSuggestions, roomsRequest, sameSearch, searchFromQuery, searchHash, suggestionPrefix,
  suggestionsRequest, visibleTags} from '../room-search.js';
import {empty, loading, roomMeta, showError} from '../ui.js';
import {joinRoom} from './room-join.js';
import {roomFormDialog} from './room-form.js';

const PAGE = 20;
const DEBOUNCE_MS = 300;
const SEARCH_ICON = () => {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(svg.namespaceURI, 'circle');
  circle.setAttribute('cx', '11');
  circle.setAttribute('cy', '11');
  circle.setAttribute('r', '6.5');
  const line = document.createElementNS(svg.namespaceURI, 'path');
  line.setAttribute('d', 'M16 16l4.5 4.5');
  svg.append(circle, line);
  return svg;
};

export default async function render(view, {query}) {
  const state = searchFromQuery(query);
  let joined = new Set();
  let generation = 0;        // bumped on every new search; answers for an older one are dropped
  let loadingFor = -1;       // the generation a page is being fetched for
  let cursor = null;
  let finished = false;
  let failed = false;
  let debounce = null;
  let alive = true;

  const q = h('input', {type: 'search', testid: 'search-q', id: 'search-q', value: state.q, maxlength: 100,
    placeholder: '제목, 소개, #태그로 찾아요', autocomplete: 'off', enterkeyhint: 'search'});
  const tagOptions = h('datalist', {id: 'hashtag-options'});
  const hashtag = h('input', {type: 'search', testid: 'search-hashtag', id: 'search-hashtag', list: 'hashtag-options',
    value: state.hashtag ? `#${state.hashtag}` : '', maxlength: 21, placeholder: '#태그만', autocomplete: 'off',
    enterkeyhint: 'search'});
  const sort = h('select', {testid: 'search-sort', id: 'search-sort'},
    SORTS.map(([key, label]) => h('option', {value: key}, label)));
  sort.value = state.sort;
  const available = h('button', {type: 'button', class: 'toggle', testid: 'search-available',
    'aria-pressed': String(state.available), title: '잠기지 않고 자리가 남은 스터디만 보여요',
    on: {click: () => {
      available.setAttribute('aria-pressed', String(available.getAttribute('aria-pressed') !== 'true'));
      apply();
    }}}, '자리 있음');
  const suggestions = h('ul', {class: 'tag-suggestions', testid: 'tag-suggestions', 'aria-label': '태그 추천', hidden: true});
  const list = h('div', {class: 'grid three room-list', testid: 'room-list'});
  const status = h('div', {class: 'list-status', 'aria-live': 'polite'});
  const sentinel = h('div', {class: 'sentinel', 'aria-hidden': 'true'});
  const create = h('button', {type: 'button', class: 'primary', testid: 'create-room', on: {click: async () => {
    await roomFormDialog(null);   // on success the form toasts and moves to #/mine itself
  }}}, '+ 만들기');

  const form = h('form', {class: 'room-search', role: 'search', 'aria-label': '스터디 검색', on: {submit: (e) => {
    e.preventDefault();
    apply();
  }}},
  h('div', {class: 'search-box'},
    h('label', {class: 'visually-hidden', for: 'search-q'}, '검색어 (제목, 소개, 해시태그)'),
    SEARCH_ICON(), q),
  suggestions,
  h('div', {class: 'filters'},
    h('div', {class: 'tag-filter'}, h('label', {class: 'visually-hidden', for: 'search-hashtag'}, '해시태그 필터'), hashtag),
    h('label', {class: 'visually-hidden', for: 'search-sort'}, '정렬'), sort,
    available),
  tagOptions);

  // Typing searches (and suggests tags) once the fingers rest a moment.
  for (const [input, target] of [[q, suggestions], [hashtag, tagOptions]]) {
    input.addEventListener('input', () => schedule(() => suggest(input.value, target)));
    // Two search fields and no submit button: Enter would not submit the form by itself.
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        apply();
        suggest(input.value, target);
      }
    });
  }
  sort.addEventListener('change', apply);

  view.append(
    h('div', {class: 'page-head rooms-head'}, h('h1', {}, '스터디 찾기'), create),
    form, list, status, sentinel);

  function schedule(then) {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      apply();
      then();
    }, DEBOUNCE_MS);
  }

  /** Reads the controls; a changed search starts over from the first page. */
  function apply() {
    clearTimeout(debounce);
    const next = {q: q.value.trim(), hashtag: cleanTag(hashtag.value), sort: sort.value,
      available: available.getAttribute('aria-pressed') === 'true'};
    if (sameSearch(next, state)) return;
    Object.assign(state, next);
    // Replace, not push: typing must not fill the history, and replaceState does not re-route.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${searchHash(state)}`);
    restart();
  }

  function filterByTag(tag) {
    hashtag.value = `#${tag}`;
    if (cleanTag(q.value) && tag.toLowerCase().startsWith(suggestionPrefix(q.value).toLowerCase())) q.value = '';
    apply();
    suggest(q.value, suggestions);
  }

  // Tag suggestions: the most used tags for an empty box, else those starting with the last word.
  // One request at a time per target; an answer for older words is dropped. The chips under the
  // search box filter by the tag; the tag filter's own list completes what is typed there.
  const asked = new Map();
  async function suggest(text, target) {
    const prefix = suggestionPrefix(text);
    const mine = (asked.get(target) ?? 0) + 1;
    asked.set(target, mine);
    let items = [];
    try {
      items = parseSuggestions(await api.get(suggestionsRequest(prefix)), {exclude: state.hashtag});
    } catch {
      items = [];   // suggestions are a help, not a must: nothing to show
    }
    if (!alive || asked.get(target) !== mine) return;
    if (target === tagOptions) {
      replace(tagOptions, items.map((item) => h('option', {value: `#${item.tag}`})));
      return;
    }
    replace(suggestions, items.map((item) => h('li', {},
      h('button', {type: 'button', class: 'chip', testid: 'tag-suggestion', data: {tag: item.tag},
        title: `#${item.tag} 태그로 찾기${item.rooms ? ` (스터디 ${item.rooms}개)` : ''}`,
        on: {click: () => filterByTag(item.tag)}},
      `#${item.tag}`, item.rooms ? h('span', {class: 'count'}, String(item.rooms)) : null))));
    suggestions.hidden = items.length === 0;
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
      const page = await api.get(roomsRequest(state, cursor, PAGE));
      if (mine !== generation || !alive) return;   // the search changed meanwhile
      const items = page?.items ?? [];
      items.forEach((room) => list.append(card(room)));
      cursor = page?.nextCursor ?? null;
      finished = cursor === null;
      if (finished && list.childElementCount === 0) {
        replace(status, empty('조건에 맞는 스터디가 없어요.'),
          state.q || state.hashtag || state.available
            ? h('p', {class: 'muted center'}, '검색어나 필터를 바꾸거나 새 스터디를 만들어 보세요.')
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
    const join = h('button', {type: 'button', class: isJoined || !full ? 'primary' : '', testid: 'room-join',
      disabled: full && !isJoined, 'aria-describedby': titleId, on: {click: () => onJoin(room, join)}},
    isJoined ? '입장하기' : full ? '자리 없음' : '참여하기');
    const {shown, more} = visibleTags(room.hashtags);
    return h('article', {class: 'card room-card', testid: 'room-card', data: {roomId: room.id}},
      h('div', {class: 'card-head'},
        room.imageUrl
          ? h('img', {class: 'thumb', src: room.imageUrl, alt: '', loading: 'lazy', decoding: 'async'})
          : h('div', {class: 'thumb placeholder', 'aria-hidden': 'true'}, [...room.title][0] ?? ''),
        h('div', {class: 'grow'},
          h('h2', {class: 'card-title', id: titleId},
            h('a', {class: 'card-link', href: `#${roomPath(room.id)}`, testid: 'room-open'}, room.title)),
          h('div', {class: 'badges'},
            room.locked ? h('span', {class: 'badge lock', title: '비밀번호가 있는 방'}, '잠금') : null,
            room.live ? h('span', {class: 'badge live'}, `라이브 ${room.liveCount}명`) : null,
            full && !isJoined ? h('span', {class: 'badge full'}, '만석') : null,
            isJoined ? h('span', {class: 'badge joined'}, '참여 중') : null))),
      h('p', {class: 'room-desc'}, room.description),
      shown.length > 0
        ? h('ul', {class: 'chips', 'aria-label': '해시태그'},
          shown.map((tag) => h('li', {},
            h('button', {type: 'button', class: 'chip', title: `#${tag} 태그로 찾기`, on: {click: () => filterByTag(tag)}}, `#${tag}`))),
          more > 0 ? h('li', {class: 'more'}, `+${more}`) : null)
        : null,
      roomMeta(room),
      h('div', {class: 'actions'}, join));
  }

  async function onJoin(room, button) {
    if (joined.has(room.id)) {
      navigate(livePath(room.id));
      return;
    }
    if (await joinRoom(room, button)) {
      joined.add(room.id);
      navigate(livePath(room.id));
    }
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
  suggest(q.value, suggestions);

  return () => {
    alive = false;
    generation++;
    clearTimeout(debounce);
    observer.disconnect();
  };
}
