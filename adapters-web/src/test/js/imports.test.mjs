// Every module of the app but its entry point can be imported without a browser: nothing runs at
// import time that needs the page, storage, the network or a timer; only functions do.
import {before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import {APP_DIR} from './support/app.mjs';

const BROWSER_ONLY = ['document', 'window', 'localStorage', 'sessionStorage', 'location', 'history', 'navigator',
  'fetch', 'WebSocket', 'IntersectionObserver', 'requestAnimationFrame', 'setTimeout', 'setInterval', 'crypto'];
const ENTRY = 'main.js';

const modules = readdirSync(APP_DIR, {recursive: true})
  .filter((file) => file.endsWith('.js'))
  .map((file) => file.split('\\').join('/'))
  .sort();

/** Imports {@code files} with every browser-only global replaced by a trap; returns what each touched. */
async function importTrapped(files) {
  const touched = [];
  const saved = BROWSER_ONLY.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const name of BROWSER_ONLY) {
    Object.defineProperty(globalThis, name, {configurable: true, get() {
      touched.push(name);
      throw new Error(`${name} touched at import time`);
    }});
  }
  const results = {};
  try {
    for (const file of files) {
      const before = touched.length;
      const error = await import(pathToFileURL(join(APP_DIR, file)).href).then(() => null, (e) => e);
      results[file] = {touched: touched.slice(before), error};
    }
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete globalThis[name];
    }
  }
  return results;
}

describe('importing the app', () => {
  let results;
  before(async () => {
    // The entry point last: the others must stand on their own, not on what it loaded first.
    results = await importTrapped([...modules.filter((f) => f !== ENTRY), ENTRY]);
  });

  it('finds the modules it checks', () => {
    for (const file of ['routes.js', 'router.js', 'format.js', 'study-days.js', 'screens/live.js', 'live/outbox.js',
      'study-clock.js', 'today.js', 'stats-figures.js', 'live/statuses.js', 'live/my-clock.js',
      'live/pomodoro.js', 'live/pomodoro-ring.js']) {
      assert.ok(modules.includes(file), `${file} in ${relative(process.cwd(), APP_DIR)}`);
    }
  });

  it('touches no browser-only global in any module but the entry point', () => {
    const offenders = Object.entries(results)
      .filter(([file, r]) => file !== ENTRY && (r.touched.length > 0 || r.error))
      .map(([file, r]) => `${file}: ${r.touched.join(', ') || r.error}`);
    assert.deepEqual(offenders, []);
  });

  it('still catches the entry point, which starts the app on import', () => {
    assert.ok(results[ENTRY].touched.includes('document'), 'the trap must see main.js reach for the page');
  });

  it('finds a screen with a default render function for every route', async () => {
    const {resolveRoute} = await import(pathToFileURL(join(APP_DIR, 'routes.js')).href);
    for (const hash of ['#/login', '#/rooms', '#/mine', '#/live/r1', '#/todos', '#/stats', '#/profile']) {
      const {screen} = resolveRoute(hash, true);
      const module = await import(pathToFileURL(join(APP_DIR, `screens/${screen}.js`)).href);
      assert.equal(typeof module.default, 'function', hash);
    }
  });
});
