import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {livePath, parseHash, resolveRoute, roomPath} from '../../main/resources/public/app/routes.js';

describe('parseHash', () => {
  it('reads an empty or bare hash as the root', () => {
    for (const hash of ['', '#', undefined]) assert.equal(parseHash(hash).path, '/');
  });

  it('splits the path from its query and decodes the query', () => {
    const {path, query} = parseHash('#/rooms?q=%ED%86%A0%EC%9D%B5&hashtag=a%26b&sort=popular');
    assert.equal(path, '/rooms');
    assert.equal(query.get('q'), '토익');
    assert.equal(query.get('hashtag'), 'a&b');
    assert.equal(query.get('sort'), 'popular');
  });
});

describe('resolveRoute', () => {
  it('names the screen and the highlighted menu entry of every route', () => {
    const expected = {
      '#/rooms': ['rooms', 'rooms'], '#/rooms/r1': ['room-preview', 'rooms'], '#/mine': ['mine', 'mine'], '#/live/r1': ['live', 'mine'],
      '#/todos': ['todos', 'todos'], '#/stats': ['stats', 'stats'], '#/profile': ['profile', 'profile'],
    };
    for (const [hash, [screen, nav]] of Object.entries(expected)) {
      const target = resolveRoute(hash, true);
      assert.deepEqual([target.screen, target.nav, target.open], [screen, nav, false], hash);
    }
  });

  it('shows the login screen to anyone, without the navigation bar', () => {
    for (const signedIn of [true, false]) {
      const target = resolveRoute('#/login?token=t0k&newUser=true', signedIn);
      assert.equal(target.screen, 'login');
      assert.equal(target.open, true);
      assert.equal(target.nav, null);
      assert.equal(target.params.query.get('token'), 't0k');
    }
  });

  it('sends a signed-out visitor of any other screen to the login', () => {
    for (const hash of ['#/rooms', '#/rooms/r1', '#/mine', '#/live/r1', '#/todos', '#/stats', '#/profile']) {
      assert.deepEqual(resolveRoute(hash, false), {redirect: '/login'}, hash);
    }
  });

  it('sends an unknown route home, or to the login when signed out', () => {
    for (const hash of ['', '#/', '#/nope', '#/ROOMS', '#/rooms/', '#/rooms/r1/extra', '#/live', '#/live/', '#/live/a/b', '#rooms']) {
      assert.deepEqual(resolveRoute(hash, true), {redirect: '/rooms'}, hash);
      assert.deepEqual(resolveRoute(hash, false), {redirect: '/login'}, hash);
    }
  });

  it('treats a path value that does not decode as an unknown route', () => {
    assert.deepEqual(resolveRoute('#/live/%E0%A4', true), {redirect: '/rooms'});
    assert.deepEqual(resolveRoute('#/live/%', false), {redirect: '/login'});
  });

  it('passes the query along with the path values', () => {
    const target = resolveRoute('#/rooms?q=java&sort=open', true);
    assert.equal(target.params.query.get('q'), 'java');
    assert.equal(target.params.query.get('sort'), 'open');
  });
});

describe('livePath', () => {
  it('takes any room id through the hash and back unchanged', () => {
    for (const roomId of ['65f1c2ab9e', 'a/b', 'a?b=c#d', '50%', '100%25', '방 하나', 'a+b', ' spaced ', '../mine']) {
      const path = livePath(roomId);
      assert.match(path, /^\/live\/[^/?#]+$/, roomId);
      const target = resolveRoute(`#${path}`, true);
      assert.equal(target.screen, 'live', roomId);
      assert.equal(target.params.roomId, roomId);
    }
  });
});

describe('roomPath', () => {
  it('takes any room id to its preview and back unchanged', () => {
    for (const roomId of ['65f1c2ab9e', 'a/b', 'a?b=c#d', '50%', '방 하나', '../mine']) {
      const path = roomPath(roomId);
      assert.match(path, /^\/rooms\/[^/?#]+$/, roomId);
      const target = resolveRoute(`#${path}`, true);
      assert.equal(target.screen, 'room-preview', roomId);
      assert.equal(target.nav, 'rooms', roomId);
      assert.equal(target.params.roomId, roomId);
    }
  });
});
