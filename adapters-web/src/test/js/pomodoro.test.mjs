import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {LATENCY_GUESS_MS, announcement, cycleMs, elapsedShare, formatRemaining,
  lengthWords, lengthsOf, msToNextSecond, nextPhase, nextWords, offsetOf, phaseAt, phaseKey, phaseLabel, phaseName,
  readLengths, readPomodoro, remainingSeconds, ringWords, serverErrors, serverMsAt, shownPhase, unknownClock, withReading}
  from '../../main/resources/public/app/live/pomodoro.js';

const START = '2026-11-24T09:00:00Z';
const START_MS = Date.parse(START);
const at = (seconds) => START_MS + seconds * 1000;
const iso = (ms) => new Date(ms).toISOString();

/** A Pomodoro of the contract as the server would send it at {@code serverSeconds} after the start. */
function pomodoro({focus = 1500, rest = 300, longRest = 900, rounds = 4, phase = 'focus', round = 1, from = 0, to = focus, serverSeconds = 0} = {}) {
  return {startedAt: START, focusSeconds: focus, breakSeconds: rest, longBreakSeconds: longRest, roundsBeforeLongBreak: rounds,
    phase, round, phaseStartedAt: iso(at(from)), phaseEndsAt: iso(at(to)), serverTime: iso(at(serverSeconds))};
}

describe('reading a pomodoro', () => {
  it('takes the lengths and the phase as numbers', () => {
    const cycle = readPomodoro(pomodoro());
    assert.equal(cycle.startedAt, START_MS);
    assert.equal(cycle.focusMs, 1_500_000);
    assert.equal(cycle.breakMs, 300_000);
    assert.equal(cycle.longBreakMs, 900_000);
    assert.equal(cycle.rounds, 4);
    assert.deepEqual(cycle.phase, {kind: 'focus', round: 1, startsAt: START_MS, endsAt: at(1500)});
  });

  it('is null for none, and for one too broken to clock', () => {
    assert.equal(readPomodoro(null), null);
    assert.equal(readPomodoro(undefined), null);
    assert.equal(readPomodoro({...pomodoro(), startedAt: 'soon'}), null);
    assert.equal(readPomodoro({...pomodoro(), focusSeconds: 0}), null);
  });

  it('clocks on by the lengths when the phase is missing', () => {
    const cycle = readPomodoro({...pomodoro(), phase: 'nap'});
    assert.equal(cycle.phase, null);
    assert.equal(shownPhase(cycle, at(10)).kind, 'focus');
  });

  it('names a restart as another cycle', () => {
    const first = readPomodoro(pomodoro());
    const again = readPomodoro({...pomodoro(), startedAt: '2026-11-24T09:05:00Z'});
    const longer = readPomodoro(pomodoro({focus: 3000}));
    assert.notEqual(first.key, again.key);
    assert.notEqual(first.key, longer.key);
    assert.equal(first.key, readPomodoro(pomodoro({phase: 'break', from: 1500, to: 1800})).key, 'a phase change is the same cycle');
  });
});

describe('the phases', () => {
  const cycle = readPomodoro(pomodoro());

  it('follow focus, break, …, and a long break after every fourth focus, as the server reckons them', () => {
    const seen = [];
    let phase = phaseAt(cycle, START_MS);
    for (let i = 0; i < 10; i++) {
      seen.push(`${phase.kind}${phase.round}`);
      phase = nextPhase(cycle, phase);
    }
    assert.deepEqual(seen, ['focus1', 'break1', 'focus2', 'break2', 'focus3', 'break3', 'focus4', 'longBreak4', 'focus5', 'break5']);
    assert.equal(cycleMs(cycle), (4 * 1500 + 3 * 300 + 900) * 1000);
  });

  it('end where the next begins, and go on past any number of cycles', () => {
    const long = phaseAt(cycle, at(4 * 1500 + 3 * 300 + 1));
    assert.deepEqual(long, {kind: 'longBreak', round: 4, startsAt: at(6900), endsAt: at(7800)});
    const later = phaseAt(cycle, at(3 * 7800 + 1500 + 10));
    assert.deepEqual(later, {kind: 'break', round: 13, startsAt: at(3 * 7800 + 1500), endsAt: at(3 * 7800 + 1800)});
  });

  it('have no long break when it is 0 minutes: every rest is a short break', () => {
    const plain = readPomodoro(pomodoro({longRest: 0, rounds: 2}));
    assert.equal(cycleMs(plain), (2 * 1500 + 2 * 300) * 1000);
    assert.equal(phaseAt(plain, at(1500 + 300 + 1500 + 1)).kind, 'break');
  });

  it('start with the first focus before the start', () => {
    assert.deepEqual(phaseAt(cycle, at(-30)), {kind: 'focus', round: 1, startsAt: START_MS, endsAt: at(1500)});
  });

  it('of one round are focus and break after one another (the browser test shifts one to 60 s each)', () => {
    const short = readPomodoro(pomodoro({focus: 60, rest: 60, longRest: 0, rounds: 1, to: 60}));
    assert.deepEqual(phaseAt(short, at(61)), {kind: 'break', round: 1, startsAt: at(60), endsAt: at(120)});
    assert.deepEqual(phaseAt(short, at(121)), {kind: 'focus', round: 2, startsAt: at(120), endsAt: at(180)});
  });
});

describe('the phase on screen', () => {
  const cycle = readPomodoro(pomodoro());

  it("is the server's while it lasts", () => {
    const shown = shownPhase(cycle, at(1499.9));
    assert.equal(shown.kind, 'focus');
    assert.equal(shown.predicted, false);
  });

  it('is the next one the moment it runs out, marked as foreseen until the frame confirms it', () => {
    const shown = shownPhase(cycle, at(1500));
    assert.deepEqual({...shown}, {kind: 'break', round: 1, startsAt: at(1500), endsAt: at(1800), predicted: true});
    const confirmed = readPomodoro(pomodoro({phase: 'break', from: 1500, to: 1800, serverSeconds: 1500.3}));
    assert.equal(shownPhase(confirmed, at(1500.5)).predicted, false);
    assert.equal(phaseKey(cycle, shown), phaseKey(confirmed, shownPhase(confirmed, at(1500.5))), 'one beep for both');
  });

  it('skips ahead by the lengths after a long sleep', () => {
    assert.equal(shownPhase(cycle, at(1500 + 300 + 60)).kind, 'focus');
    assert.equal(shownPhase(cycle, at(1500 + 300 + 60)).round, 2);
  });

  it('is none without a pomodoro', () => {
    assert.equal(shownPhase(null, at(0)), null);
  });

  it('has another key for each phase and for a restart', () => {
    const restarted = readPomodoro({...pomodoro(), startedAt: '2026-11-24T09:00:01Z'});
    assert.notEqual(phaseKey(cycle, shownPhase(cycle, at(5))), phaseKey(cycle, shownPhase(cycle, at(1505))));
    assert.notEqual(phaseKey(cycle, shownPhase(cycle, at(5))), phaseKey(restarted, shownPhase(restarted, at(5))));
  });
});

describe('the time left', () => {
  const focus = {kind: 'focus', round: 1, startsAt: START_MS, endsAt: at(1500)};

  it('reads the whole length at the start and counts down by whole seconds, rounded up', () => {
    assert.equal(remainingSeconds(focus, at(0)), 1500);
    assert.equal(remainingSeconds(focus, at(0.001)), 1500);
    assert.equal(remainingSeconds(focus, at(1)), 1499);
    assert.equal(remainingSeconds(focus, at(1499.5)), 1);
    assert.equal(remainingSeconds(focus, at(1500)), 0);
  });

  it('never reads more than the phase nor less than nothing', () => {
    assert.equal(remainingSeconds(focus, at(-20)), 1500);
    assert.equal(remainingSeconds(focus, at(2000)), 0);
  });

  it('reads like a kitchen timer', () => {
    assert.equal(formatRemaining(1500), '25:00');
    assert.equal(formatRemaining(59), '00:59');
    assert.equal(formatRemaining(0), '00:00');
    assert.equal(formatRemaining(7200), '2:00:00');
    assert.equal(formatRemaining(3599.9), '59:59');
    assert.equal(formatRemaining(-3), '00:00');
  });

  it('fills the ring by the share that has passed', () => {
    assert.equal(elapsedShare(focus, at(0)), 0);
    assert.equal(elapsedShare(focus, at(750)), 0.5);
    assert.equal(elapsedShare(focus, at(9999)), 1);
    assert.equal(elapsedShare(focus, at(-5)), 0);
  });

  it('ticks just after the reading changes', () => {
    assert.equal(msToNextSecond(focus, at(0)), 1015);
    assert.equal(msToNextSecond(focus, at(0.25)), 765);
    assert.equal(msToNextSecond(focus, at(1499.9)), 115);
    assert.equal(msToNextSecond(focus, at(1500)), 1000);
    // After that wait, the reading is one less.
    const now = at(0.25);
    assert.equal(remainingSeconds(focus, now + msToNextSecond(focus, now)), remainingSeconds(focus, now) - 1);
  });
});

describe("the server's clock", () => {
  const SERVER = '2026-11-24T09:00:00Z';
  const SERVER_MS = Date.parse(SERVER);

  it('is unknown before the first reading', () => {
    assert.equal(offsetOf(unknownClock()), null);
    assert.equal(serverMsAt(unknownClock(), 1000), null);
  });

  it('runs from a frame as at least its serverTime when it arrived, plus a little for the way', () => {
    const clock = withReading(unknownClock(), SERVER, null, 5000);
    assert.equal(clock.low, SERVER_MS - 5000);
    assert.equal(clock.high, Infinity);
    assert.equal(serverMsAt(clock, 5000), SERVER_MS + LATENCY_GUESS_MS);
    assert.equal(serverMsAt(clock, 65_000), SERVER_MS + 60_000 + LATENCY_GUESS_MS);
  });

  it('narrows with an answer that had a round trip, and takes the middle when that is closer', () => {
    // Asked at 1000, answered at 1010: the server read 09:00:00 between them.
    const clock = withReading(unknownClock(), SERVER, 1000, 1010);
    assert.deepEqual(clock, {low: SERVER_MS - 1010, high: SERVER_MS - 1000});
    assert.equal(serverMsAt(clock, 1005), SERVER_MS);
  });

  it('keeps the narrowest range all readings agree on', () => {
    let clock = withReading(unknownClock(), SERVER, 1000, 1400);   // [S-1400, S-1000]
    clock = withReading(clock, iso(SERVER_MS + 1000), null, 2100);    // low S-1100
    assert.deepEqual(clock, {low: SERVER_MS - 1100, high: SERVER_MS - 1000});
    clock = withReading(clock, iso(SERVER_MS + 1000), null, 2300);    // a slower frame: low S-1300, changes nothing
    assert.deepEqual(clock, {low: SERVER_MS - 1100, high: SERVER_MS - 1000});
  });

  it('believes a new reading that disagrees with the old (the device slept, or the server was set)', () => {
    let clock = withReading(unknownClock(), SERVER, 1000, 1010);
    // The local clock stood still an hour while the device slept: the server is an hour further on.
    clock = withReading(clock, iso(SERVER_MS + 3_600_000 + 100), null, 1110);
    assert.equal(clock.low, SERVER_MS + 3_600_000 - 1010);
    assert.equal(clock.high, Infinity);
  });

  it('never reads the device calendar: a monotonic clock from anywhere gives the same server time', () => {
    const a = withReading(unknownClock(), SERVER, 10, 20);
    const b = withReading(unknownClock(), SERVER, 9_000_010, 9_000_020);
    assert.equal(serverMsAt(a, 15 + 60_000), serverMsAt(b, 9_000_015 + 60_000));
  });

  it('ignores a missing or broken time', () => {
    const clock = withReading(unknownClock(), SERVER, 1000, 1010);
    assert.deepEqual(withReading(clock, undefined, null, 5000), clock);
    assert.deepEqual(withReading(clock, 'later', 2000, 2010), clock);
  });
});

describe('words', () => {
  it('name each phase', () => {
    assert.equal(phaseName('focus'), '집중');
    assert.equal(phaseName('break'), '휴식');
    assert.equal(phaseName('longBreak'), '긴 휴식');
    assert.equal(phaseLabel('longBreak', 4), '긴 휴식 · 4회차');
  });

  it('say lengths in minutes and seconds', () => {
    assert.equal(lengthWords(1_500_000), '25분');
    assert.equal(lengthWords(90_000), '1분 30초');
    assert.equal(lengthWords(45_000), '45초');
  });

  it('say what comes next and how much is left', () => {
    const cycle = readPomodoro(pomodoro());
    const focus = shownPhase(cycle, at(1));
    assert.equal(nextWords(cycle, focus), '다음: 휴식 5분');
    assert.equal(nextWords(cycle, shownPhase(cycle, at(6000))), '다음: 긴 휴식 15분');
    assert.equal(ringWords(focus, at(60.5)), '집중 1회차, 24분 남았어요');
  });

  it('announce each phase in 해요체', () => {
    const phase = (kind, seconds) => ({kind, round: 2, startsAt: 0, endsAt: seconds * 1000});
    assert.deepEqual(announcement(phase('break', 300)), {title: '휴식 시간이에요', body: '2회차 집중을 마쳤어요. 5분 동안 함께 쉬어요.'});
    assert.equal(announcement(phase('focus', 1500)).title, '집중 시간이에요');
    assert.match(announcement(phase('focus', 1500)).body, /25분 동안 집중해요\.$/);
    assert.equal(announcement(phase('longBreak', 900)).title, '긴 휴식 시간이에요');
  });
});

describe("the owner's form", () => {
  const body = (focus, rest, longRest, rounds) =>
    ({focusSeconds: focus, breakSeconds: rest, longBreakSeconds: longRest, roundsBeforeLongBreak: rounds});

  it('reads minutes and rounds into the body PUT /pomodoro takes', () => {
    assert.deepEqual(readLengths({focus: '25', break: '5', longBreak: '15', rounds: '4'}), {ok: true, body: body(1500, 300, 900, 4)});
  });

  it('takes the defaults for an empty long break or rounds box', () => {
    assert.deepEqual(readLengths({focus: ' 50 ', break: '10', longBreak: '', rounds: ''}), {ok: true, body: body(3000, 600, 900, 4)});
    assert.deepEqual(readLengths({focus: '50', break: '10', longBreak: '0', rounds: '1'}), {ok: true, body: body(3000, 600, 0, 1)});
  });

  it('takes the limits themselves', () => {
    assert.ok(readLengths({focus: '1', break: '1', longBreak: '0', rounds: '1'}).ok);
    assert.ok(readLengths({focus: '120', break: '60', longBreak: '60', rounds: '10'}).ok);
  });

  it('refuses, field by field, what the server would refuse', () => {
    const read = readLengths({focus: '0', break: '61', longBreak: '-1', rounds: '11'});
    assert.equal(read.ok, false);
    assert.deepEqual(Object.keys(read.errors).sort(), ['break', 'focus', 'longBreak', 'rounds']);
    assert.match(read.errors.focus, /1~120분/);
    assert.match(read.errors.break, /1~60분/);
    assert.match(read.errors.longBreak, /0~60분/);
    assert.match(read.errors.rounds, /1~10회/);
    assert.equal(readLengths({focus: '121', break: '5'}).ok, false);
    assert.equal(readLengths({focus: '2.5', break: '5'}).errors.focus, read.errors.focus, 'the same words as for 0');
    assert.equal(readLengths({focus: '이십', break: '5'}).ok, false);
  });

  it('needs the focus and the break', () => {
    const read = readLengths({focus: '', break: ' '});
    assert.deepEqual(read.errors, {focus: '집중 시간을 입력해 주세요.', break: '휴식 시간을 입력해 주세요.'});
  });

  it("puts the server's 400 next to the fields it names", () => {
    const {fields, other} = serverErrors([
      {field: 'focusSeconds', message: 'must be whole seconds from 60 to 7200'},
      {field: 'roundsBeforeLongBreak', message: 'must be 1 to 10'},
      {field: 'body', message: 'is not JSON'},
    ]);
    assert.deepEqual(Object.keys(fields), ['focus', 'rounds']);
    assert.equal(fields.focus, readLengths({focus: '0', break: '5'}).errors.focus, 'the words the form shows itself');
    assert.match(fields.rounds, /1~10회/);
    assert.deepEqual(other, ['body: is not JSON']);
    assert.deepEqual(serverErrors(undefined), {fields: {}, other: []});
  });

  it("fills in a running cycle's lengths, when they are whole minutes", () => {
    assert.deepEqual(lengthsOf(readPomodoro(pomodoro({focus: 3000, rest: 600, longRest: 0, rounds: 2}))),
      {focus: 50, break: 10, longBreak: 0, rounds: 2});
    assert.equal(lengthsOf(readPomodoro(pomodoro({focus: 90}))), null);
  });
});
