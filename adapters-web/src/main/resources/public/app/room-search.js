// The rooms screen's search, as plain values: what the hash says, what the server is asked, and
// the tag suggestions. Pure, so the screen and the tests read the same rules.

export const SORTS = [
  ['latest', '최신순'],
  ['popular', '인기순'],
  ['studied', '공부시간순'],
];
const SORT_KEYS = new Set(SORTS.map(([key]) => key));
const MAX_PREFIX = 20;

/** "#토익 " → "토익": the server takes a tag with or without #, but the hash and the box stay tidy. */
export const cleanTag = (text) => String(text ?? '').trim().replace(/^#+/u, '').trim();

/**
 * The search a hash query holds: {q, hashtag, sort, available}. An old link's "sort=open" (only
 * rooms with a free seat) reads as the newest rooms with a free seat.
 */
export function searchFromQuery(query) {
  const sort = query.get('sort') ?? '';
  return {
    q: (query.get('q') ?? '').trim(),
    hashtag: cleanTag(query.get('hashtag') ?? ''),
    sort: SORT_KEYS.has(sort) ? sort : 'latest',
    available: query.get('available') === 'true' || sort === 'open',
  };
}

export const sameSearch = (a, b) => a.q === b.q && a.hashtag === b.hashtag && a.sort === b.sort
  && a.available === b.available;

function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The hash of a search: the defaults are left out, so a plain list is "#/rooms". */
export const searchHash = (state) => `#/rooms${queryString({q: state.q, hashtag: state.hashtag,
  sort: state.sort === 'latest' ? '' : state.sort, available: state.available})}`;

/** The server request for one page of the search. */
export const roomsRequest = (state, cursor, limit) => `/api/rooms${queryString({q: state.q, hashtag: state.hashtag,
  sort: state.sort, available: state.available, cursor, limit})}`;

/**
 * The start of a tag the typed words may be: the last word, without its #, at most 20 characters;
 * '' when there is none (then the most used tags are suggested).
 */
export function suggestionPrefix(text) {
  const words = String(text ?? '').trim().split(/\s+/u);
  const last = cleanTag(words[words.length - 1] ?? '');
  return [...last].slice(0, MAX_PREFIX).join('');
}

/** The server request for tag suggestions starting with {@code prefix}. */
export const suggestionsRequest = (prefix, limit = 8) => `/api/hashtags${queryString({prefix, limit})}`;

/**
 * The suggestions of an answer {"items":[{"tag","rooms"}]}, in its order: each tag once, none
 * that is empty or already the filter, rooms a count (0 when missing).
 */
export function parseSuggestions(answer, {exclude = ''} = {}) {
  const items = Array.isArray(answer?.items) ? answer.items : [];
  const seen = new Set([cleanTag(exclude).toLowerCase()]);
  const out = [];
  for (const item of items) {
    const tag = cleanTag(typeof item?.tag === 'string' ? item.tag : '');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    const rooms = Number.isInteger(item.rooms) && item.rooms > 0 ? item.rooms : 0;
    out.push({tag, rooms});
  }
  return out;
}

/** The tags a card has room for: the first {@code max}, and how many more there are. */
export function visibleTags(tags, max = 4) {
  const all = Array.isArray(tags) ? tags : [];
  return {shown: all.slice(0, max), more: Math.max(0, all.length - max)};
}
