// The app's routes: which screen a location hash shows, with what, and how a path to one is
// written. Pure, so the router and the tests read the same table.

const ROUTES = [
  {pattern: /^\/login$/, screen: 'login', open: true},
  {pattern: /^\/rooms$/, screen: 'rooms', nav: 'rooms'},
  {pattern: /^\/rooms\/([^/]+)$/, screen: 'room-preview', nav: 'rooms', keys: ['roomId']},
  {pattern: /^\/mine$/, screen: 'mine', nav: 'mine'},
  {pattern: /^\/live\/([^/]+)$/, screen: 'live', nav: 'mine', keys: ['roomId']},
  {pattern: /^\/todos$/, screen: 'todos', nav: 'todos'},
  {pattern: /^\/stats$/, screen: 'stats', nav: 'stats'},
  {pattern: /^\/profile$/, screen: 'profile', nav: 'profile'},
];

/** "#/rooms?q=토익" → {path: '/rooms', query: URLSearchParams}; an empty hash is "/". */
export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return {path, query: new URLSearchParams(search)};
}

/**
 * What a location hash shows: {screen, nav, open, params} where params holds the path's values
 * (decoded) and `query`, or {redirect: path} for a hash that names no screen, or a closed one
 * while signed out. `open` screens (login) are shown without the navigation bar.
 */
export function resolveRoute(hash, signedIn) {
  const {path, query} = parseHash(hash);
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params = pathParams(route, match);
    if (!params) break;   // "%E0%A4" decodes to nothing: as unknown as a path that matches no route
    if (!route.open && !signedIn) return {redirect: '/login'};
    return {screen: route.screen, nav: route.nav ?? null, open: route.open === true, params: {...params, query}};
  }
  return {redirect: signedIn ? '/rooms' : '/login'};
}

function pathParams(route, match) {
  const params = {};
  try {
    (route.keys ?? []).forEach((key, i) => { params[key] = decodeURIComponent(match[i + 1]); });
  } catch {
    return null;
  }
  return params;
}

/** The path of a room's live screen; any id survives the trip through the hash. */
export const livePath = (roomId) => `/live/${encodeURIComponent(roomId)}`;

/** The path of a room's preview (what it is, who studies there, the way in). */
export const roomPath = (roomId) => `/rooms/${encodeURIComponent(roomId)}`;
