// What the installable app shows and does, as plain state: the offline notice, the new-version
// notice and the one thing to do after each event. app/pwa.js feeds it the browser's events and
// carries out the effect; nothing here touches the page.

/** The state when the app starts, {@code online} as navigator.onLine says. */
export function initialState(online) {
  return {
    online,
    fromCache: false,      // the page came from the worker's cache because the network failed
    loadedOffline: !online, // the screens loaded without a network: load them again once it is back
    updateReady: false,    // a new version waits (or took over from another window)
    refreshing: false,     // the person asked for the new version
    reloaded: false,
  };
}

/**
 * The state after {@code event} and the effect to carry out: null, 'reload', 'skip-waiting' (ask the
 * waiting worker to take over, then reload when it has) or 'rerender' (show the screen again).
 * Events: online, offline, served-from-cache, update-waiting, refresh-asked ({waiting}: whether a
 * worker waits), controller-changed.
 */
export function next(state, event) {
  switch (event.type) {
    case 'online':
      return {state: {...state, online: true, fromCache: false, loadedOffline: false},
        effect: state.loadedOffline || state.fromCache ? 'rerender' : null};
    case 'offline':
      return {state: {...state, online: false}, effect: null};
    case 'served-from-cache':
      return {state: {...state, fromCache: true, loadedOffline: true}, effect: null};
    case 'update-waiting':
      return {state: {...state, updateReady: true}, effect: null};
    case 'refresh-asked':
      if (state.refreshing) return {state, effect: null};
      if (event.waiting) return {state: {...state, refreshing: true}, effect: 'skip-waiting'};
      return {state: {...state, refreshing: true, reloaded: true}, effect: 'reload'};
    case 'controller-changed':
      if (state.reloaded) return {state, effect: null};
      if (state.refreshing) return {state: {...state, reloaded: true}, effect: 'reload'};
      // Another window took the new version: this one runs the old scripts until it reloads, so it says so.
      return {state: {...state, updateReady: true}, effect: null};
    default:
      return {state, effect: null};
  }
}

/** Which notices show: offline while there is no network or the page came from the cache. */
export function notices(state) {
  return {offline: !state.online || state.fromCache, update: state.updateReady};
}
