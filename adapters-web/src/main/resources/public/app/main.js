// The app shell: hash routes, the signed-in guard and the navigation bar.
import {signOut, signedIn} from './session.js';
import {toast} from './ui.js';

const ROUTES = [
  {pattern: /^\/login$/, screen: 'login', open: true},
  {pattern: /^\/rooms$/, screen: 'rooms', nav: 'rooms'},
  {pattern: /^\/mine$/, screen: 'mine', nav: 'mine'},
  {pattern: /^\/live\/([^/]+)$/, screen: 'live', nav: 'mine', keys: ['roomId']},
  {pattern: /^\/todos$/, screen: 'todos', nav: 'todos'},
  {pattern: /^\/stats$/, screen: 'stats', nav: 'stats'},
  {pattern: /^\/profile$/, screen: 'profile', nav: 'profile'},
];

const view = document.getElementById('view');
const topbar = document.getElementById('topbar');
let cleanup = null;
let generation = 0;

export function navigate(path) {
  if (location.hash === `#${path}`) {
    route();
  } else {
    location.hash = path;
  }
}

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return {path, query: new URLSearchParams(search)};
}

async function route() {
  const {path, query} = parse();
  const match = ROUTES.map((r) => ({r, m: r.pattern.exec(path)})).find((x) => x.m);
  if (!match) {
    navigate(signedIn() ? '/rooms' : '/login');
    return;
  }
  if (!match.r.open && !signedIn()) {
    navigate('/login');
    return;
  }
  const mine = ++generation;
  if (cleanup) {
    const previous = cleanup;
    cleanup = null;
    try { previous(); } catch (e) { console.warn(e); }
  }
  topbar.hidden = !signedIn() || match.r.open === true;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === match.r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const params = {query};
  (match.r.keys ?? []).forEach((key, i) => { params[key] = decodeURIComponent(match.m[i + 1]); });
  const module = await import(`./screens/${match.r.screen}.js`);
  if (mine !== generation) return;   // the user moved on while the screen loaded
  view.replaceChildren();
  view.className = `screen-${match.r.screen}`;
  const result = await module.default(view, params);
  if (mine !== generation) {
    if (typeof result === 'function') result();
    return;
  }
  cleanup = typeof result === 'function' ? result : null;
}

document.getElementById('logout').addEventListener('click', () => {
  signOut();
  navigate('/login');
});

window.addEventListener('stupy:signed-out', (event) => {
  toast(event.detail, 'error');
  navigate('/login');
});
window.addEventListener('hashchange', route);
route();
