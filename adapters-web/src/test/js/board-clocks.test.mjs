import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {SNAPSHOT_SLACK_SECONDS, rankOf, runs, secondsAt, startClocks, stopClock, stopClocks, withClockStatus}
  from '../../main/resources/public/app/live/board-clocks.js';

const entry = (userId, studySeconds, live = true) => ({userId, nickname: userId, studySeconds, live});

describe('a clock from a snapshot', () => {
  it('runs on from the moment its snapshot arrived while the member is live', () => {
    const [clock] = startClocks([entry('u1', 100)], 5_000);
    assert.equal(secondsAt(clock, 5_000), 100);
    assert.equal(secondsAt(clock, 6_500), 101.5);
    assert.equal(secondsAt(clock, 5_000 + 25 * 3_600_000), 100 + 25 * 3600);   // past a day
  });

  it('stands still for a member who is not studying', () => {
    const [clock] = startClocks([entry('u1', 100, false)], 5_000);
    assert.equal(secondsAt(clock, 99_000), 100);
  });

  it('never reads less than its snapshot, even asked for a moment before it arrived', () => {
    const [clock] = startClocks([entry('u1', 100)], 5_000);
    assert.equal(secondsAt(clock, 4_000), 100);
  });
});

describe('a new snapshot', () => {
  const running = (userId, base, since) => ({entry: entry(userId, base), base, since});

  it('does not set a running clock back for a snapshot a little behind it', () => {
    const previous = [running('u1', 100, 0)];
    const [clock] = startClocks([entry('u1', 110)], 10_600, previous);   // the clock reads 110.6
    assert.equal(secondsAt(clock, 10_600), 110.6);
    assert.equal(secondsAt(clock, 11_000), 111);
  });

  it('moves a clock forward to a snapshot ahead of it', () => {
    const [clock] = startClocks([entry('u1', 115)], 10_000, [running('u1', 100, 0)]);
    assert.equal(secondsAt(clock, 10_000), 115);
  });

  it('believes a drop bigger than the slack: a new study day began', () => {
    const [clock] = startClocks([entry('u1', 3)], 10_000, [running('u1', 20_000, 0)]);
    assert.equal(secondsAt(clock, 10_000), 3);
    const [justOver] = startClocks([entry('u1', 100)], 0, [running('u1', 100 + SNAPSHOT_SLACK_SECONDS + 0.5, 0)]);
    assert.equal(secondsAt(justOver, 0), 100);
  });

  it('takes the final time of a member who stopped, as the server says it', () => {
    const [clock] = startClocks([entry('u1', 110, false)], 10_600, [running('u1', 100, 0)]);
    assert.equal(secondsAt(clock, 10_600), 110);
    assert.equal(secondsAt(clock, 60_000), 110);
  });

  it('carries nothing over from a clock that had stopped, or from another member', () => {
    const stopped = stopClock(running('u1', 100, 0), 10_600);
    const [fromStopped] = startClocks([entry('u1', 110)], 11_000, [stopped]);
    assert.equal(secondsAt(fromStopped, 11_000), 110);
    const [other] = startClocks([entry('u2', 110)], 10_600, [running('u1', 100, 0)]);
    assert.equal(secondsAt(other, 10_600), 110);
  });

  it('keeps every shown second going up across many late, truncated snapshots', () => {
    // Two members study from 0 ms; the server sends whole seconds, cut down, and each snapshot
    // arrives 0 to 900 ms after it was taken. What the board shows (whole seconds) never goes back.
    let seed = 7;
    const random = () => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed / 2 ** 31; };
    const start = {u1: 500, u2: 3_600};
    let clocks = [];
    let arrived = 0;
    const shown = {u1: -1, u2: -1};
    for (let taken = 0; taken < 600_000; taken += 1_000 + Math.floor(random() * 9_000)) {
      const snapshot = Object.entries(start).map(([id, s]) => entry(id, Math.floor(s + taken / 1000)));
      const arrives = Math.max(arrived, taken + Math.floor(random() * 900));
      for (let now = arrived; now < arrives; now += 250) check(clocks, now);
      clocks = startClocks(snapshot, arrives, clocks);
      arrived = arrives;
      check(clocks, arrives);
    }
    function check(current, now) {
      for (const clock of current) {
        const seconds = Math.floor(secondsAt(clock, now));
        assert.ok(seconds >= shown[clock.entry.userId], `${clock.entry.userId} went back to ${seconds} s at ${now} ms`);
        shown[clock.entry.userId] = seconds;
      }
    }
    assert.ok(shown.u1 >= 500 + 590 && shown.u2 >= 3_600 + 590, 'the clocks kept up with the snapshots');
  });
});

describe('stopping the clocks', () => {
  it('freezes a running clock where it stands', () => {
    const [clock] = startClocks([entry('u1', 100)], 0);
    const stopped = stopClock(clock, 30_000);
    assert.equal(stopped.entry.live, false);
    assert.equal(secondsAt(stopped, 30_000), 130);
    assert.equal(secondsAt(stopped, 90_000), 130);
    assert.equal(clock.entry.live, true, 'the snapshot itself is left as it was');
  });

  it('leaves a stopped clock as it is', () => {
    const [clock] = startClocks([entry('u1', 100, false)], 0);
    assert.equal(stopClock(clock, 30_000), clock);
  });

  it('stops every clock of a board at the same moment', () => {
    const clocks = startClocks([entry('u1', 100), entry('u2', 50, false), entry('u3', 10)], 0);
    const stopped = stopClocks(clocks, 2_000);
    assert.deepEqual(stopped.map((c) => [c.entry.live, secondsAt(c, 9_000)]), [[false, 102], [false, 50], [false, 12]]);
  });
});

describe('rankOf', () => {
  const ranks = (seconds) => seconds.map((s, i, all) => rankOf(all.map((x) => ({studySeconds: x})), i));

  it('lets equal times share a rank and skips the ranks they take', () => {
    assert.deepEqual(ranks([100, 100, 50]), [1, 1, 3]);
    assert.deepEqual(ranks([5, 4, 4, 4, 1]), [1, 2, 2, 2, 5]);
    assert.deepEqual(ranks([0, 0]), [1, 1]);
    assert.deepEqual(ranks([7]), [1]);
  });
});

describe('a member on a break', () => {
  const on = (userId, studySeconds, status, live = true) => ({userId, nickname: userId, studySeconds, live, status});

  it('stands still while live', () => {
    const [clock] = startClocks([on('u1', 100, 'break')], 0);
    assert.equal(runs(clock.entry), false);
    assert.equal(secondsAt(clock, 60_000), 100);
    const [studying] = startClocks([on('u1', 100, 'studying')], 0);
    assert.equal(runs(studying.entry), true);
    assert.equal(secondsAt(studying, 3_000), 103);
  });

  it('stops at once on a peer-status, and runs on from there when the break ends', () => {
    let [clock] = startClocks([on('u1', 100, 'studying')], 0);
    clock = withClockStatus(clock, 'break', '수학', 5_000);
    assert.equal(clock.entry.status, 'break');
    assert.equal(clock.entry.subject, '수학');
    assert.equal(secondsAt(clock, 50_000), 105);
    clock = withClockStatus(clock, 'studying', null, 50_000);
    assert.equal(secondsAt(clock, 52_000), 107);
    assert.equal(clock.entry.subject, null);
  });

  it('leaves a member who is not live as they are', () => {
    const [clock] = startClocks([on('u1', 100, undefined, false)], 0);
    assert.equal(withClockStatus(clock, 'break', null, 10), clock);
  });

  it('keeps no time from before the break when a snapshot says studying again', () => {
    const resting = startClocks([on('u1', 100, 'break')], 0);
    const [clock] = startClocks([on('u1', 100, 'studying')], 30_000, resting);
    assert.equal(secondsAt(clock, 30_000), 100);
  });
});
