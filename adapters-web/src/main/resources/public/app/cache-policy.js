// Which requests the service worker answers itself, and how. One file for two readers: /sw.js loads
// it with importScripts (a classic worker script) and the node tests import it as a module, so it
// exports nothing and hangs its functions on globalThis instead; it touches nothing else.
(() => {
  const CACHE_PREFIX = 'stupy-shell-';

  // Never from a cache: the API (data, uploads, log-in redirects), the live socket, uploaded
  // pictures, and the worker's own script, which the browser must always fetch to find updates.
  const NETWORK_ONLY = [/^\/api(\/|$)/, /^\/ws(\/|$)/, /^\/images(\/|$)/, /^\/sw\.js$/];

  /**
   * How the worker treats {@code request} ({url, method, mode}) on a page of {@code origin}:
   * 'network' (not answered: straight to the network), 'page' (a navigation: the network first,
   * the cached shell when it fails) or 'shell' (a shell file: from the cache of this version).
   * {@code shellPaths} holds the shell's paths ('/', '/app/main.js', …).
   */
  function cachePolicy(request, origin, shellPaths) {
    if (request.method !== 'GET') return 'network';
    let url;
    try {
      url = new URL(request.url);
    } catch {
      return 'network';
    }
    if (url.origin !== origin) return 'network';
    if (NETWORK_ONLY.some((pattern) => pattern.test(url.pathname))) return 'network';
    if (request.mode === 'navigate') return 'page';
    if (url.search === '' && shellPaths.has(url.pathname)) return 'shell';
    return 'network';
  }

  /** The name of the cache that holds the shell of {@code version}. */
  function shellCacheName(version) {
    return CACHE_PREFIX + version;
  }

  /** The shell caches of other versions among {@code names}: deleted once this version is active. */
  function staleCaches(names, current) {
    return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
  }

  globalThis.stupyCachePolicy = Object.freeze({cachePolicy, shellCacheName, staleCaches});
})();
