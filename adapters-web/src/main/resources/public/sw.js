// The service worker: keeps the app shell (the page, its scripts, styles, icons and manifest) in one
// cache per shell version, so the app opens offline, and leaves everything else to the network.
// The server writes this version and its files over the two placeholders below when it serves this
// file (StaticSiteRoutes), so any change to a shell file makes a new worker: nobody bumps a number.
importScripts('/app/cache-policy.js');

const SHELL = {version: '@@SHELL_VERSION@@', files: [/*@@SHELL_FILES@@*/]};
const {cachePolicy, shellCacheName, staleCaches} = self.stupyCachePolicy;
const CACHE = shellCacheName(SHELL.version);
const SHELL_PATHS = new Set(SHELL.files);
const PAGE = '/';
const VERSION_HEADER = 'X-Shell-Version';

// The windows whose page came from the cache because the network failed, until each asks.
const servedFromCache = new Set();

self.addEventListener('install', (event) => {
  // Revalidated with the server, never an older copy from the HTTP cache.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(SHELL.files.map((path) => new Request(path, {cache: 'no-cache'})))));
  // No skipWaiting: a new version waits until the person asks for it (app/pwa.js), never mid-session.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(staleCaches(names, CACHE).map((name) => caches.delete(name)))));
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'served-from-cache?' && event.ports[0]) {
    const id = event.source?.id;
    event.ports[0].postMessage({fromCache: servedFromCache.has(id), version: SHELL.version});
    servedFromCache.delete(id);
  }
});

self.addEventListener('fetch', (event) => {
  const policy = cachePolicy(event.request, self.location.origin, SHELL_PATHS);
  if (policy === 'page') event.respondWith(page(event));
  else if (policy === 'shell') event.respondWith(shellFile(event.request));
  // 'network': left unanswered, so the browser fetches it as if there were no worker.
});

/** The network's page; this version's cached page when the network fails or serves another version. */
async function page(event) {
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const cached = await caches.match(PAGE, {cacheName: CACHE});
    if (!cached) throw error;
    if (event.resultingClientId) servedFromCache.add(event.resultingClientId);
    return cached;
  }
  // A newer page would load this version's cached scripts: keep the page and its scripts together
  // until the new worker takes over (the app offers the reload).
  const served = response.headers.get(VERSION_HEADER);
  if (response.ok && served && served !== SHELL.version) {
    const cached = await caches.match(PAGE, {cacheName: CACHE});
    if (cached) return cached;
  }
  return response;
}

/** A shell file from this version's cache; from the network only if the cache lost it. */
async function shellFile(request) {
  const cached = await caches.match(request, {cacheName: CACHE});
  return cached ?? fetch(request);
}
