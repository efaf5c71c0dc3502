// The installable app in the page: registers the service worker (/sw.js), says when the app is
// offline, and offers a new version when one is installed, without ever reloading on its own.
// Importing it does nothing; main.js calls startPwa() once the page is there.
import {h} from './dom.js';
import {navigate} from './router.js';
import {initialState, next, notices} from './pwa-state.js';

const SERVER_CHECK_MS = 15_000;

let state = null;
let registration = null;
let offlineNotice = null;
let updateNotice = null;
let serverCheck = null;

export function startPwa() {
  const banner = document.getElementById('app-banner');
  if (!banner || state) return;
  state = initialState(navigator.onLine);
  offlineNotice = h('p', {class: 'pwa-notice offline', testid: 'offline-state', role: 'status', hidden: true});
  updateNotice = h('div', {class: 'pwa-notice update', hidden: true},
    h('span', {class: 'pwa-text', id: 'update-ready-text', role: 'status'}),
    h('button', {type: 'button', class: 'primary small', testid: 'update-ready', 'aria-describedby': 'update-ready-text',
      on: {click: () => dispatch({type: 'refresh-asked', waiting: Boolean(registration?.waiting)})}}, '새로고침'));
  banner.append(offlineNotice, updateNotice);
  keepToastsAbove(banner);
  window.addEventListener('online', () => dispatch({type: 'online'}));
  window.addEventListener('offline', () => dispatch({type: 'offline'}));
  show();
  if ('serviceWorker' in navigator) register(navigator.serviceWorker);
}

async function register(workers) {
  workers.addEventListener('controllerchange', () => dispatch({type: 'controller-changed'}));
  askServedFromCache(workers.controller);
  try {
    registration = await workers.register('/sw.js', {scope: '/'});
  } catch (error) {
    console.warn('the app works without its service worker', error);
    return;
  }
  watchForUpdates(registration, workers);
  // A phone keeps the app open for days: look for a new version whenever it comes back into view.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}

/** A new worker that has installed while an old one controls the page is a new version waiting. */
function watchForUpdates(reg, workers) {
  if (reg.waiting && workers.controller) dispatch({type: 'update-waiting'});
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && workers.controller) dispatch({type: 'update-waiting'});
    });
  });
}

/** Asks the worker whether this page came from its cache (the network failed when it loaded). */
function askServedFromCache(controller) {
  if (!controller) return;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    if (event.data?.fromCache) dispatch({type: 'served-from-cache'});
  };
  controller.postMessage({type: 'served-from-cache?'}, [channel.port2]);
}

function dispatch(event) {
  const result = next(state, event);
  state = result.state;
  show();
  switch (result.effect) {
    case 'reload': location.reload(); break;
    case 'skip-waiting':
      if (registration?.waiting) registration.waiting.postMessage({type: 'skip-waiting'});
      else location.reload();
      break;
    case 'rerender': if (location.hash.length > 1) navigate(location.hash.slice(1)); break;
    default: break;
  }
}

function show() {
  const shown = notices(state);
  offlineNotice.hidden = !shown.offline;
  offlineNotice.textContent = shown.offline ? '오프라인이에요. 연결되면 다시 불러올게요.' : '';
  updateNotice.hidden = !shown.update;
  updateNotice.querySelector('.pwa-text').textContent = shown.update ? '새 버전이 준비됐어요' : '';
  watchServer(shown.offline && navigator.onLine);
}

/** Toasts rise above the notices (pwa.css reads --app-banner-space) instead of hiding them. */
function keepToastsAbove(banner) {
  if (typeof ResizeObserver !== 'function') return;
  new ResizeObserver(() => {
    const height = banner.offsetHeight;
    document.documentElement.style.setProperty('--app-banner-space', height > 0 ? `${height + 8}px` : '0px');
  }).observe(banner);
}

/**
 * The page came from the cache although the browser says it is online (the server was out of reach):
 * no 'online' event will come, so ask the server now and then and load the screen again once it answers.
 */
function watchServer(needed) {
  if (!needed) {
    clearInterval(serverCheck);
    serverCheck = null;
    return;
  }
  if (serverCheck) return;
  serverCheck = setInterval(() => {
    fetch('/api/health', {cache: 'no-store'})
      .then((response) => { if (response.ok) dispatch({type: 'online'}); })
      .catch(() => { /* still out of reach */ });
  }, SERVER_CHECK_MS);
}
