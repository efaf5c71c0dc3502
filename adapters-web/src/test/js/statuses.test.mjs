import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {confirmMine, initialMine, normalStatus, paintStatus, rejectMine, requestMine, shownMine, statusFrame, statusLabel,
  statusOfUser, statusesFromWelcome, subjectFromInput, withPeer, withStatus, withoutPeer}
  from '../../main/resources/public/app/live/statuses.js';

const welcome = {
  type: 'welcome', connectionId: 'c-me',
  you: {userId: 'u-me', nickname: '나', status: 'studying', subject: '영어'},
  peers: [
    {connectionId: 'c1', userId: 'u1', nickname: '민지', since: '2026-11-24T09:00:00Z', status: 'break', subject: null},
    {connectionId: 'c2', userId: 'u2', nickname: '준호', since: '2026-11-24T09:01:00Z'},   // an older server: no status
  ],
};

describe('statuses of the live room', () => {
  it('come from the welcome: every peer, and us', () => {
    const statuses = statusesFromWelcome(welcome);
    assert.deepEqual([...statuses.keys()], ['c1', 'c2', 'c-me']);
    assert.deepEqual(statuses.get('c1'), {connectionId: 'c1', userId: 'u1', status: 'break', subject: null,
      since: '2026-11-24T09:00:00Z'});
    assert.equal(statuses.get('c2').status, 'studying', 'no status reads as studying');
    assert.deepEqual(statuses.get('c-me'), {connectionId: 'c-me', userId: 'u-me', status: 'studying', subject: '영어', since: null});
  });

  it('follow peer-status frames, keeping who the connection is', () => {
    const before = statusesFromWelcome(welcome);
    const after = withStatus(before, {type: 'peer-status', connectionId: 'c2', status: 'break', subject: '수학',
      since: '2026-11-24T10:00:00Z'});
    assert.equal(after.get('c2').status, 'break');
    assert.equal(after.get('c2').subject, '수학');
    assert.equal(after.get('c2').userId, 'u2');
    assert.equal(before.get('c2').status, 'studying', 'the old map is left as it was');
    const cleared = withStatus(after, {connectionId: 'c2', userId: 'u2', status: 'studying', subject: null});
    assert.equal(cleared.get('c2').subject, null);
  });

  it('take peers that join and drop those that leave', () => {
    let statuses = statusesFromWelcome(welcome);
    statuses = withPeer(statuses, {connectionId: 'c3', userId: 'u3', status: 'studying', subject: '코딩'});
    assert.equal(statusOfUser(statuses, 'u3').subject, '코딩');
    statuses = withoutPeer(statuses, 'c3');
    assert.equal(statusOfUser(statuses, 'u3'), undefined);
    assert.equal(withoutPeer(statuses, 'nobody'), statuses);
    assert.equal(withPeer(statuses, {}), statuses);
  });

  it('ignore frames that name no connection', () => {
    const statuses = statusesFromWelcome(welcome);
    assert.equal(withStatus(statuses, {type: 'peer-status', status: 'break'}), statuses);
  });

  it('treat an empty subject as none', () => {
    const statuses = withStatus(new Map(), {connectionId: 'c9', userId: 'u9', status: 'studying', subject: '  '});
    assert.equal(statuses.get('c9').subject, null);
  });
});

describe('statusLabel', () => {
  it('says 휴식 중 on a break, else the subject, else 공부 중', () => {
    assert.equal(statusLabel('break', null), '휴식 중');
    assert.equal(statusLabel('break', '수학'), '휴식 중 · 수학');
    assert.equal(statusLabel('studying', '수학'), '수학');
    assert.equal(statusLabel('studying', null), '공부 중');
    assert.equal(statusLabel(undefined, null), '공부 중');
  });

  it('paints a badge studying or on a break, with those words, and shows it', () => {
    const badge = {dataset: {}, hidden: true};
    paintStatus(badge, 'break', '수학');
    assert.deepEqual({...badge, dataset: {...badge.dataset}}, {dataset: {status: 'break'}, hidden: false,
      className: 'badge peer-status break', textContent: '휴식 중 · 수학', title: '휴식 중 · 수학'});
    paintStatus(badge, undefined, null);   // an older server: no status
    assert.equal(badge.dataset.status, 'studying');
    assert.equal(badge.className, 'badge peer-status studying');
    assert.equal(badge.textContent, '공부 중');
  });

  it('normalStatus keeps break and reads anything else as studying', () => {
    assert.equal(normalStatus('break'), 'break');
    assert.equal(normalStatus('studying'), 'studying');
    assert.equal(normalStatus('sleeping'), 'studying');
  });
});

describe('the subject box', () => {
  it('takes 1 to 20 characters, trimmed, and empty as none', () => {
    assert.deepEqual(subjectFromInput('  수학  '), {ok: true, subject: '수학'});
    assert.deepEqual(subjectFromInput(''), {ok: true, subject: null});
    assert.deepEqual(subjectFromInput('   '), {ok: true, subject: null});
    assert.deepEqual(subjectFromInput('가'.repeat(20)), {ok: true, subject: '가'.repeat(20)});
  });

  it('refuses more than 20 characters, saying so', () => {
    const read = subjectFromInput('가'.repeat(21));
    assert.equal(read.ok, false);
    assert.match(read.message, /20자/);
  });
});

describe('status frames', () => {
  it('name the status always and the subject only when it changes', () => {
    assert.deepEqual(statusFrame('break'), {type: 'status', status: 'break'});
    assert.deepEqual(statusFrame('studying', '수학'), {type: 'status', status: 'studying', subject: '수학'});
    assert.deepEqual(statusFrame('studying', null), {type: 'status', status: 'studying', subject: null});
    assert.equal(JSON.stringify(statusFrame('break', undefined)), '{"type":"status","status":"break"}');
  });
});

describe('our own status', () => {
  it('shows a break at once, before the server echoes it', () => {
    const asked = requestMine(initialMine(), {status: 'break'});
    assert.deepEqual(asked.frame, {type: 'status', status: 'break'});
    assert.deepEqual(shownMine(asked.mine), {status: 'break', subject: null});
    assert.equal(asked.mine.confirmed.status, 'studying');
    assert.deepEqual(asked.mine.pending, {status: 'break'});
  });

  it('sends a new subject with the status it has', () => {
    const mine = confirmMine(initialMine(), {status: 'break', subject: '영어'});
    const asked = requestMine(mine, {subject: '수학'});
    assert.deepEqual(asked.frame, {type: 'status', status: 'break', subject: '수학'});
    const cleared = requestMine(mine, {subject: null});
    assert.deepEqual(cleared.frame, {type: 'status', status: 'break', subject: null});
  });

  it('is settled by the echo', () => {
    const asked = requestMine(initialMine(), {status: 'break', subject: '수학'});
    const settled = confirmMine(asked.mine, {status: 'break', subject: '수학'});
    assert.equal(settled.pending, null);
    assert.deepEqual(shownMine(settled), {status: 'break', subject: '수학'});
  });

  it('keeps what is still unconfirmed when an older echo comes first', () => {
    let mine = requestMine(initialMine(), {status: 'break'}).mine;
    mine = requestMine(mine, {subject: '수학'}).mine;
    // The server confirms the break first, then the subject.
    mine = confirmMine(mine, {status: 'break', subject: null});
    assert.deepEqual(shownMine(mine).subject, '수학');
    assert.deepEqual(mine.pending, {subject: '수학'}, 'the subject still waits for its echo');
    mine = confirmMine(mine, {status: 'break', subject: '수학'});
    assert.equal(mine.pending, null);
  });

  it('goes back to what the server last said when it refuses, or never answers', () => {
    const confirmed = confirmMine(initialMine(), {status: 'studying', subject: '영어'});
    const asked = requestMine(confirmed, {subject: '가'.repeat(30)}).mine;
    assert.deepEqual(shownMine(rejectMine(asked)), {status: 'studying', subject: '영어'});
    assert.equal(rejectMine(asked).pending, null);
  });
});
