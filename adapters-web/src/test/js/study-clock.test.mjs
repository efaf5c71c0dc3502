import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {DAY_CAP_SECONDS, SLACK_SECONDS, clockOffset, goalPercent, joinedLive, leftLive, parseGoal, rebase, serverNow,
  setRunning, stopwatch, stopwatchAt, todayFrom, todaySecondsAt, withStatus}
  from '../../main/resources/public/app/study-clock.js';

const SERVER = '2026-11-24T16:00:00Z';   // 01:00 in Seoul: with a 05:00 day start still the 24th
const SERVER_MS = Date.parse(SERVER);

/** An answer of GET /api/users/me/today as of SERVER. */
const answer = (overrides = {}) => ({
  date: '2026-11-24', studySeconds: 3600, goalMinutes: 120, goalMet: false,
  bySubject: [{subject: '수학', seconds: 3000}, {subject: null, seconds: 600}],
  live: {roomId: 'r1', since: '2026-11-24T15:50:00Z', status: 'studying', subject: '수학', sessionSeconds: 600},
  serverTime: SERVER, ...overrides,
});

describe('the clock offset', () => {
  it('puts the server reading in the middle of the round trip', () => {
    // Asked at 1000 ms, answered at 1400 ms of the local clock: the server read its clock at about 1200.
    assert.equal(clockOffset(SERVER, 1000, 1400), SERVER_MS - 1200);
    assert.equal(serverNow(clockOffset(SERVER, 1000, 1400), 1200), SERVER_MS);
    assert.equal(serverNow(clockOffset(SERVER, 1000, 1400), 6200), SERVER_MS + 5000);
  });

  it('does not care how wrong the device calendar is: only the local clock between readings counts', () => {
    // A monotonic clock starts anywhere; a device set a year off changes nothing here.
    const offset = clockOffset(SERVER, 5_000_000, 5_000_100);
    assert.equal(serverNow(offset, 5_000_050 + 60_000), SERVER_MS + 60_000);
  });

  it('is null for a missing or broken server time', () => {
    assert.equal(clockOffset(undefined, 0, 10), null);
    assert.equal(clockOffset('yesterday', 0, 10), null);
    assert.equal(clockOffset(SERVER, Number.NaN, 10), null);
  });

  it('takes the arrival when the readings are out of order', () => {
    assert.equal(clockOffset(SERVER, 500, 400), SERVER_MS - 400);
  });
});

describe("today's figures", () => {
  const offset = clockOffset(SERVER, 0, 0);   // the server's clock reads SERVER at local 0

  it('take the date, goal and subjects as the server says them', () => {
    const today = todayFrom(answer(), offset);
    assert.equal(today.date, '2026-11-24');
    assert.equal(today.goalMinutes, 120);
    assert.equal(today.goalMet, false);
    assert.equal(today.bySubject.length, 2);
    assert.deepEqual(today.live, {roomId: 'r1', status: 'studying', subject: '수학', since: '2026-11-24T15:50:00Z'});
  });

  it('run on from the answer while live and studying', () => {
    const today = todayFrom(answer(), offset);
    assert.equal(todaySecondsAt(today, 0), 3600);
    assert.equal(todaySecondsAt(today, 2_500), 3602.5);
  });

  it('stand still on a break, and when not live', () => {
    const resting = todayFrom(answer({live: {...answer().live, status: 'break'}}), offset);
    assert.equal(todaySecondsAt(resting, 60_000), 3600);
    const away = todayFrom(answer({live: null}), offset);
    assert.equal(todaySecondsAt(away, 60_000), 3600);
    assert.equal(away.running, false);
  });

  it('tick from the server time, not from when the answer arrived', () => {
    // The server read 3600 s at SERVER; the answer arrived late, when the server's clock was 3 s on.
    const late = todayFrom(answer(), clockOffset(SERVER, 0, 6_000));   // read at local 3000
    assert.equal(todaySecondsAt(late, 6_000), 3603);
  });

  it('never count more than 16 hours in a day', () => {
    const today = todayFrom(answer({studySeconds: DAY_CAP_SECONDS - 5}), offset);
    assert.equal(todaySecondsAt(today, 60_000), DAY_CAP_SECONDS);
  });

  it('read an answer with no goal and no subjects', () => {
    const today = todayFrom({date: '2026-11-24', studySeconds: 0, goalMinutes: null, goalMet: false, live: null,
      serverTime: SERVER}, offset);
    assert.equal(today.goalMinutes, null);
    assert.deepEqual(today.bySubject, []);
    assert.equal(todaySecondsAt(today, 1000), 0);
  });
});

describe('changes before the next answer', () => {
  const offset = clockOffset(SERVER, 0, 0);

  it('stop the clock for a break and start it again after', () => {
    let today = todayFrom(answer(), offset);
    today = withStatus(today, 'break', 10_000);
    assert.equal(todaySecondsAt(today, 10_000), 3610);
    assert.equal(todaySecondsAt(today, 70_000), 3610);
    assert.equal(today.live.status, 'break');
    today = withStatus(today, 'studying', 70_000);
    assert.equal(todaySecondsAt(today, 75_000), 3615);
  });

  it('run from going live, and stop on leaving', () => {
    let today = todayFrom(answer({live: null}), offset);
    today = joinedLive(today, 'r2', 'studying', 1_000);
    assert.equal(today.live.roomId, 'r2');
    assert.equal(todaySecondsAt(today, 4_000), 3603);
    today = leftLive(today, 4_000);
    assert.equal(today.live, null);
    assert.equal(todaySecondsAt(today, 99_000), 3603);
  });

  it('leave the figures alone when not live', () => {
    const away = todayFrom(answer({live: null}), offset);
    assert.equal(withStatus(away, 'studying', 5_000), away);
    assert.equal(leftLive(away, 5_000), away);
  });
});

describe('a fresh answer', () => {
  it('does not set a running clock back for a truncated, late reading', () => {
    const first = todayFrom(answer(), clockOffset(SERVER, 0, 0));
    // 30.6 s later the clock reads 3630.6; the new answer says 3630 as of 30 s, read at local 30_600.
    const next = todayFrom(answer({studySeconds: 3629, serverTime: new Date(SERVER_MS + 30_000).toISOString()}),
      clockOffset(new Date(SERVER_MS + 30_000).toISOString(), 30_600, 30_600));
    const rebased = rebase(first, next, 30_600);
    assert.ok(todaySecondsAt(rebased, 30_600) >= todaySecondsAt(first, 30_600) - 1e-9);
    assert.ok(todaySecondsAt(rebased, 31_600) > todaySecondsAt(rebased, 30_600));
  });

  it('is believed when it drops by more than the slack: a new study day, or a session too short to count', () => {
    const first = todayFrom(answer(), clockOffset(SERVER, 0, 0));
    const newDay = todayFrom(answer({date: '2026-11-25', studySeconds: 3}), clockOffset(SERVER, 0, 0));
    assert.equal(todaySecondsAt(rebase(first, newDay, 0), 0), 3);
    const lower = todayFrom(answer({studySeconds: 3600 - SLACK_SECONDS - 1}), clockOffset(SERVER, 0, 0));
    assert.equal(todaySecondsAt(rebase(first, lower, 0), 0), 3600 - SLACK_SECONDS - 1);
  });

  it('is taken as it is when either clock stands still', () => {
    const resting = todayFrom(answer({live: null}), clockOffset(SERVER, 0, 0));
    const next = todayFrom(answer({studySeconds: 3599}), clockOffset(SERVER, 0, 0));
    assert.equal(rebase(resting, next, 0), next);
    assert.equal(rebase(null, next, 0), next);
  });
});

describe('goal percent', () => {
  it('is the share of the goal done, cut down to a whole percent and capped at 100', () => {
    assert.equal(goalPercent(0, 30), 0);
    assert.equal(goalPercent(17, 30), 0);
    assert.equal(goalPercent(18, 30), 1);
    assert.equal(goalPercent(900, 30), 50);
    assert.equal(goalPercent(1799, 30), 99);
    assert.equal(goalPercent(1800, 30), 100);
    assert.equal(goalPercent(99_999, 30), 100);
  });

  it('is null without a goal', () => {
    assert.equal(goalPercent(900, null), null);
    assert.equal(goalPercent(900, undefined), null);
    assert.equal(goalPercent(900, 0), null);
  });
});

describe('parseGoal', () => {
  it('takes whole minutes from 30 to 960', () => {
    assert.deepEqual(parseGoal('30'), {ok: true, minutes: 30});
    assert.deepEqual(parseGoal(' 120 '), {ok: true, minutes: 120});
    assert.deepEqual(parseGoal('960'), {ok: true, minutes: 960});
  });

  it('reads an empty box as no goal', () => {
    assert.deepEqual(parseGoal(''), {ok: true, minutes: null});
    assert.deepEqual(parseGoal('   '), {ok: true, minutes: null});
    assert.deepEqual(parseGoal(undefined), {ok: true, minutes: null});
  });

  it('says why anything else is refused', () => {
    for (const bad of ['29', '961', '0', '-30', '1.5', '두 시간', '60분']) {
      const read = parseGoal(bad);
      assert.equal(read.ok, false, bad);
      assert.match(read.message, /분/, bad);
    }
  });
});

describe('the session stopwatch', () => {
  it('runs while studying and stands still during a break', () => {
    let watch = stopwatch(1_000);
    assert.equal(stopwatchAt(watch, 4_000), 3);
    watch = setRunning(watch, false, 4_000);
    assert.equal(stopwatchAt(watch, 60_000), 3);
    watch = setRunning(watch, true, 60_000);
    assert.equal(stopwatchAt(watch, 62_000), 5);
    assert.equal(setRunning(watch, true, 70_000), watch, 'no change, same watch');
  });

  it('can start stopped', () => {
    const watch = stopwatch(0, false);
    assert.equal(stopwatchAt(watch, 10_000), 0);
  });
});
