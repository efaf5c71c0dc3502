import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import vm from 'node:vm';
import {APP_DIR} from './support/app.mjs';
import {initialState, next, notices} from '../../main/resources/public/app/pwa-state.js';
import '../../main/resources/public/app/cache-policy.js';

const {cachePolicy, shellCacheName, staleCaches} = globalThis.stupyCachePolicy;
const ORIGIN = 'https://stupy.example';
const SHELL = new Set(['/', '/app/main.js', '/app/styles.css', '/app/icons/icon-192.png', '/manifest.webmanifest']);
const policy = (path, {method = 'GET', mode = 'cors', origin = ORIGIN} = {}) =>
  cachePolicy({url: origin + path, method, mode}, ORIGIN, SHELL);

describe('what the service worker may answer', () => {
  it('answers the shell files from the cache', () => {
    for (const path of ['/app/main.js', '/app/styles.css', '/app/icons/icon-192.png', '/manifest.webmanifest']) {
      assert.equal(policy(path), 'shell', path);
    }
  });

  it('sends pages to the network first, the cached shell behind them', () => {
    assert.equal(policy('/', {mode: 'navigate'}), 'page');
    assert.equal(policy('/index.html?from=home', {mode: 'navigate'}), 'page');
  });

  it('never answers the API, the live socket, uploaded pictures or the worker itself', () => {
    for (const path of ['/api/rooms', '/api', '/api/users/me/profile-image', '/api/auth/kakao/login', '/ws/rooms/r1?ticket=t',
      '/ws', '/images/abc.png', '/sw.js']) {
      assert.equal(policy(path), 'network', path);
      assert.equal(policy(path, {mode: 'navigate'}), 'network', `${path} as a page`);
    }
  });

  it('leaves other origins, other methods and unknown or queried files to the network', () => {
    assert.equal(policy('/app/main.js', {origin: 'https://cdn.example'}), 'network');
    assert.equal(policy('/', {origin: 'https://k.kakaocdn.net', mode: 'navigate'}), 'network');
    assert.equal(policy('/app/main.js', {method: 'POST'}), 'network');
    assert.equal(policy('/', {method: 'HEAD', mode: 'navigate'}), 'network');
    assert.equal(policy('/app/new-module.js'), 'network');
    assert.equal(policy('/app/main.js?v=2'), 'network');
    assert.equal(policy('/apiary/main.js'), 'network', 'not in the shell either');
    assert.equal(cachePolicy({url: 'not a url', method: 'GET', mode: 'cors'}, ORIGIN, SHELL), 'network');
  });

  it('names one cache per version and drops only the other versions of the shell', () => {
    const current = shellCacheName('v2');
    assert.notEqual(current, shellCacheName('v1'));
    assert.deepEqual(staleCaches([shellCacheName('v1'), current, 'someone-else', shellCacheName('v0')], current),
      [shellCacheName('v1'), shellCacheName('v0')]);
  });
});

describe('the service worker script', () => {
  it('parses as a classic worker script, placeholders and all', () => {
    const source = readFileSync(join(APP_DIR, '..', 'sw.js'), 'utf8');
    assert.ok(source.includes("'@@SHELL_VERSION@@'") && source.includes('/*@@SHELL_FILES@@*/'), 'the server fills these in');
    assert.doesNotThrow(() => new vm.Script(source));
    assert.ok(!/skipWaiting\(\)/.test(source.replace(/if \(type === 'skip-waiting'\) \{\s*self\.skipWaiting\(\);/, '')),
      'a new worker waits unless the page asks it to take over');
  });
});

const run = (state, ...events) => events.reduce(({state: s, effects}, event) => {
  const result = next(s, event);
  return {state: result.state, effects: [...effects, result.effect]};
}, {state, effects: []});

describe('the offline notice', () => {
  it('shows while offline and goes when the network is back', () => {
    const {state, effects} = run(initialState(true), {type: 'offline'});
    assert.equal(notices(state).offline, true);
    const back = next(state, {type: 'online'});
    assert.equal(notices(back.state).offline, false);
    assert.equal(back.effect, null, 'screens loaded online are left as they are');
    assert.deepEqual(effects, [null]);
  });

  it('loads the screen again once online when it first loaded without a network', () => {
    const offline = initialState(false);
    assert.equal(notices(offline).offline, true);
    assert.equal(next(offline, {type: 'online'}).effect, 'rerender');
  });

  it('shows for a page the worker served from its cache, until the server answers again', () => {
    const {state} = run(initialState(true), {type: 'served-from-cache'});
    assert.equal(notices(state).offline, true);
    const back = next(state, {type: 'online'});
    assert.equal(notices(back.state).offline, false);
    assert.equal(back.effect, 'rerender');
    assert.equal(next(back.state, {type: 'online'}).effect, null, 'only once');
  });
});

describe('a new version', () => {
  it('is offered, and taken only when asked: the waiting worker takes over, then the page reloads once', () => {
    const {state, effects} = run(initialState(true), {type: 'update-waiting'});
    assert.equal(notices(state).update, true);
    assert.deepEqual(effects, [null], 'never reloads on its own');
    const asked = run(state, {type: 'refresh-asked', waiting: true}, {type: 'refresh-asked', waiting: true},
      {type: 'controller-changed'}, {type: 'controller-changed'});
    assert.deepEqual(asked.effects, ['skip-waiting', null, 'reload', null]);
  });

  it('reloads at once when nothing waits any more', () => {
    assert.equal(next(initialState(true), {type: 'refresh-asked', waiting: false}).effect, 'reload');
  });

  it('taken over by another window is offered here too, without a reload', () => {
    const {state, effects} = run(initialState(true), {type: 'controller-changed'});
    assert.deepEqual(effects, [null]);
    assert.equal(notices(state).update, true);
  });
});
