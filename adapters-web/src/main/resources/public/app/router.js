// The router: shows the screen the location hash names, after running the last screen's cleanup.
// A screen may guard the way out (the live room asks before it is left); the header's today strip
// runs on every screen that shows the header; a new screen clears the last one's toast (unless
// the app moved on by itself right after it). Importing it does nothing; main.js starts it once
// the page is there.
import {resolveRoute} from './routes.js';
import {signedIn} from './session.js';
import {activateToday} from './today.js';
import {carryToastAlong, toastsAfterNavigation} from './ui.js';

let view = null;
let topbar = null;
let cleanup = null;
let generation = 0;
let guard = null;          // the shown screen's question before it is left: resolves true to go
let asking = false;
let shownHash = null;      // the hash of the screen on show
let shownIndex = 0;        // its history entry's place (stamped into history.state)
let restoring = false;     // going back to the shown entry after "stay": that hashchange is ours

export function navigate(path) {
  carryToastAlong();   // the app moves on by itself: what it just said goes along
  if (location.hash === `#${path}`) {
    route();
  } else {
    location.hash = path;
  }
}

/**
 * The shown screen asks {@code ask()} (resolving true to leave) before the hash takes the user
 * elsewhere: a menu link, the back or forward button, a typed address. Its cleanup, or
 * {@link leaveGuarded}, takes it away again. Signing out never asks.
 */
export function guardLeaving(ask) {
  guard = ask;
  return () => { if (guard === ask) guard = null; };
}

/** Leaves for {@code path} without asking (the live room's own 나가기 button). */
export function leaveGuarded(path) {
  guard = null;
  navigate(path);
}

/** Follows the hash from now on, starting with the current one. */
export function startRouter() {
  view = document.getElementById('view');
  topbar = document.getElementById('topbar');
  window.addEventListener('hashchange', onHashChange);
  route();
}

/** Numbers the current history entry, once, so a refused move can be undone exactly. */
function stampEntry() {
  const state = history.state && typeof history.state === 'object' ? history.state : {};
  if (!Number.isInteger(state.stupyIndex)) history.replaceState({...state, stupyIndex: shownIndex + 1}, '');
  shownIndex = history.state.stupyIndex;
}

/** Undoes a move away from the shown entry: back over a new entry, or as many steps as the history moved. */
function stay() {
  const index = history.state?.stupyIndex;
  restoring = true;
  if (Number.isInteger(index) && index !== shownIndex) history.go(shownIndex - index);
  else if (!Number.isInteger(index)) history.back();
  else restoring = false;
}

async function onHashChange() {
  if (location.hash === shownHash && (restoring || asking)) {
    restoring = false;
    return;
  }
  restoring = false;
  if (guard && signedIn() && location.hash !== shownHash) {
    if (asking) return;   // the question is up: its answer goes where the hash is by then
    const ask = guard;
    asking = true;
    let go = false;
    try {
      go = await ask();
    } catch (e) {
      console.warn(e);
      go = true;
    } finally {
      asking = false;
    }
    if (guard !== ask) go = true;   // the screen stopped asking meanwhile (it ended by itself)
    if (!go) {
      if (location.hash !== shownHash) stay();
      return;
    }
    guard = null;
    if (location.hash === shownHash) return;
  }
  route();
}

async function route() {
  const target = resolveRoute(location.hash, signedIn());
  if (target.redirect) {
    navigate(target.redirect);
    return;
  }
  const mine = ++generation;
  guard = null;
  toastsAfterNavigation();
  shownHash = location.hash;
  stampEntry();
  if (cleanup) {
    const previous = cleanup;
    cleanup = null;
    try { previous(); } catch (e) { console.warn(e); }
  }
  topbar.hidden = !signedIn() || target.open;
  activateToday(!topbar.hidden, {signedIn: signedIn()});
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
