import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {afterNavigation, carryToast, expireToast, showToast, toastDuration}
  from '../../main/resources/public/app/toast-state.js';

describe('showToast', () => {
  it('replaces the toast on show: one at a time, the newest', () => {
    const first = showToast(null, '저장했어요.', 'ok');
    const second = showToast(first, '바뀐 내용이 없어요.');
    assert.equal(second.message, '바뀐 내용이 없어요.');
    assert.equal(second.kind, 'info');
    assert.notEqual(second.id, first.id);
    assert.equal(second.carried, false);
  });

  it('reads an unknown kind as info', () => {
    assert.equal(showToast(null, 'x', 'shout').kind, 'info');
  });
});

describe('afterNavigation', () => {
  it('clears the toast of the screen left behind', () => {
    assert.equal(afterNavigation(showToast(null, '저장했어요.', 'ok')), null);
    assert.equal(afterNavigation(null), null);
  });

  it('keeps a toast the app carried to the next screen, once', () => {
    const joined = carryToast(showToast(null, '참여했어요.', 'ok'));
    const shown = afterNavigation(joined);
    assert.equal(shown.message, '참여했어요.');
    assert.equal(shown.carried, false);
    assert.equal(afterNavigation(shown), null, 'the screen after that clears it');
  });

  it('carries nothing when nothing shows', () => {
    assert.equal(carryToast(null), null);
  });
});

describe('expireToast', () => {
  it('removes the toast whose time is up, not the one that replaced it', () => {
    const old = showToast(null, 'a');
    const fresh = showToast(old, 'b');
    assert.equal(expireToast(fresh, old.id), fresh);
    assert.equal(expireToast(fresh, fresh.id), null);
  });
});

describe('toastDuration', () => {
  it('gives errors longer than news, and long messages longer still, up to ten seconds', () => {
    assert.equal(toastDuration('ok', '저장했어요.'), 3500);
    assert.equal(toastDuration('error', '비밀번호가 맞지 않아요.'), 6000);
    assert.ok(toastDuration('info', '가'.repeat(100)) > toastDuration('info', '가'.repeat(40)));
    assert.equal(toastDuration('error', '가'.repeat(1000)), 10_000);
  });
});
