// The router: shows the screen the location hash names, after running the last screen's cleanup.
// Importing it does nothing; main.js starts it once the page is there.
import {resolveRoute} from './routes.js';
import {signedIn} from './session.js';

let view = null;
let topbar = null;
let cleanup = null;
let generation = 0;

export function navigate(path) {
  if (location.hash === `#${path}`) {
    route();
  } else {
    location.hash = path;
  }
}

/** Follows the hash from now on, starting with the current one. */
export function startRouter() {
  view = document.getElementById('view');
  topbar = document.getElementById('topbar');
  window.addEventListener('hashchange', route);
  route();
}

async function route() {
  const target = resolveRoute(location.hash, signedIn());
  if (target.redirect) {
    navigate(target.redirect);
    return;
  }
  const mine = ++generation;
  if (cleanup) {
    const previous = cleanup;
    cleanup = null;
    try { previous(); } catch (e) { console.warn(e); }
  }
  topbar.hidden = !signedIn() || target.open;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === target.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const module = await import(`./screens/${target.screen}.js`);
  if (mine !== generation) return;   // the user moved on while the screen loaded
  view.replaceChildren();
  view.className = `screen-${target.screen}`;
  const result = await module.default(view, target.params);
  if (mine !== generation) {
    if (typeof result === 'function') result();
    return;
  }
  cleanup = typeof result === 'function' ? result : null;
}
