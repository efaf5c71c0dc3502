import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {addDays, heatLevel, heatmap, startOfStudyDay, studyDayOf, weekdayOf, yearEndingOn}
  from '../../main/resources/public/app/study-days.js';

const SEOUL = 'Asia/Seoul';        // UTC+9 all year
const NEW_YORK = 'America/New_York';  // clocks forward 2026-03-08 02:00, back 2026-11-01 02:00

describe('studyDayOf with the 05:00 day start', () => {
  it('counts the hours after midnight for the day before, until 05:00', () => {
    assert.equal(studyDayOf('2026-03-09T15:00:00Z', SEOUL, '05:00'), '2026-03-09');   // 00:00 on the 10th
    assert.equal(studyDayOf('2026-03-09T19:59:59.999Z', SEOUL, '05:00'), '2026-03-09'); // 04:59:59.999
    assert.equal(studyDayOf('2026-03-09T20:00:00Z', SEOUL, '05:00'), '2026-03-10');   // 05:00 sharp
    assert.equal(studyDayOf('2026-03-10T14:59:59Z', SEOUL, '05:00'), '2026-03-10');   // 23:59:59
  });

  it('differs from the calendar day only between midnight and the day start', () => {
    assert.equal(studyDayOf('2026-03-09T15:00:00Z', SEOUL), '2026-03-10');   // midnight starts the calendar day
    assert.equal(studyDayOf('2026-03-09T14:59:59Z', SEOUL), '2026-03-09');
    assert.equal(studyDayOf('2026-03-10T03:00:00Z', SEOUL, '05:00'), studyDayOf('2026-03-10T03:00:00Z', SEOUL));
  });

  it('steps back over month, year and leap day ends', () => {
    assert.equal(studyDayOf('2026-12-31T18:00:00Z', SEOUL, '05:00'), '2026-12-31');   // 03:00 on 1 January
    assert.equal(studyDayOf('2028-02-29T19:00:00Z', SEOUL, '05:00'), '2028-02-29');   // 04:00 on 1 March
    assert.equal(studyDayOf('2026-02-28T19:00:00Z', SEOUL, '05:00'), '2026-02-28');
  });

  it('reads the clock of the zone it is given', () => {
    const instant = '2026-07-01T08:59:00Z';   // 17:59 in Seoul, 04:59 in New York (summer time)
    assert.equal(studyDayOf(instant, SEOUL, '05:00'), '2026-07-01');
    assert.equal(studyDayOf(instant, NEW_YORK, '05:00'), '2026-06-30');
    assert.equal(studyDayOf('2026-07-01T09:00:00Z', NEW_YORK, '05:00'), '2026-07-01');
  });

  it('takes a Date, epoch milliseconds or an ISO string alike', () => {
    const iso = '2026-03-09T19:30:00Z';
    const expected = studyDayOf(iso, SEOUL, '05:00');
    assert.equal(studyDayOf(new Date(iso), SEOUL, '05:00'), expected);
    assert.equal(studyDayOf(Date.parse(iso), SEOUL, '05:00'), expected);
  });
});

describe('studyDayOf with other day starts', () => {
  it('puts a late start on the evening before the day it names', () => {
    assert.equal(studyDayOf('2026-03-09T14:50:00Z', SEOUL, '23:45'), '2026-03-09');   // 23:50 on the 9th
    assert.equal(studyDayOf('2026-03-09T14:40:00Z', SEOUL, '23:45'), '2026-03-08');   // 23:40 on the 9th
    assert.equal(studyDayOf('2026-03-10T01:00:00Z', SEOUL, '23:45'), '2026-03-09');   // 10:00 on the 10th
  });

  it('refuses a day start that is not HH:mm', () => {
    for (const bad of ['5:00', '24:00', '05:60', '05:00:00', '']) {
      assert.throws(() => studyDayOf('2026-03-09T00:00:00Z', SEOUL, bad), RangeError, bad);
    }
  });
});

describe('startOfStudyDay across daylight saving changes', () => {
  it('is the wall time in the zone on an ordinary day', () => {
    assert.equal(startOfStudyDay('2026-03-10', SEOUL, '05:00'), Date.parse('2026-03-09T20:00:00Z'));
    assert.equal(startOfStudyDay('2026-01-15', NEW_YORK, '05:00'), Date.parse('2026-01-15T10:00:00Z'));
    assert.equal(startOfStudyDay('2026-07-15', NEW_YORK, '05:00'), Date.parse('2026-07-15T09:00:00Z'));
  });

  it('moves a start the clocks skip later by the gap, as the server does', () => {
    // 02:30 does not exist on 8 March in New York: the day begins at 03:30 summer time.
    assert.equal(startOfStudyDay('2026-03-08', NEW_YORK, '02:30'), Date.parse('2026-03-08T07:30:00Z'));
    assert.equal(studyDayOf('2026-03-08T07:00:00Z', NEW_YORK, '02:30'), '2026-03-07');   // 03:00 EDT
    assert.equal(studyDayOf('2026-03-08T07:30:00Z', NEW_YORK, '02:30'), '2026-03-08');
  });

  it('takes the first of the two readings of a start the clocks pass twice', () => {
    // 01:30 happens twice on 1 November in New York: first in summer time (05:30 UTC), then in winter time.
    assert.equal(startOfStudyDay('2026-11-01', NEW_YORK, '01:30'), Date.parse('2026-11-01T05:30:00Z'));
    assert.equal(studyDayOf('2026-11-01T05:15:00Z', NEW_YORK, '01:30'), '2026-10-31');   // 01:15 EDT
    assert.equal(studyDayOf('2026-11-01T06:15:00Z', NEW_YORK, '01:30'), '2026-11-01');   // 01:15 EST, after the start
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap day ends', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-03-10', 0), '2026-03-10');
  });

  it('counts weekdays from Sunday', () => {
    assert.equal(weekdayOf('2026-03-08'), 0);
    assert.equal(weekdayOf('2026-03-10'), 2);
    assert.equal(weekdayOf('2026-03-14'), 6);
  });

  it('ends the heatmap year on today and begins it 364 days before', () => {
    assert.deepEqual(yearEndingOn('2026-03-10'), {from: '2025-03-11', to: '2026-03-10'});
    assert.deepEqual(yearEndingOn('2028-03-01'), {from: '2027-03-03', to: '2028-03-01'});   // over a leap day
  });
});

describe('heatmap', () => {
  it('grades a day by its share of the busiest day, from 1 to 4', () => {
    assert.equal(heatLevel(0, 3600), 0);
    assert.equal(heatLevel(1, 3600), 1);
    assert.equal(heatLevel(1800, 3600), 2);
    assert.equal(heatLevel(2700, 3600), 3);
    assert.equal(heatLevel(3599, 3600), 4);
    assert.equal(heatLevel(3600, 3600), 4);
    assert.equal(heatLevel(0, 0), 0);
  });

  it('has a cell for every day of the year, after blanks up to the first weekday', () => {
    const {from, to} = yearEndingOn('2028-03-01');
    const {blanks, cells} = heatmap([], from, to);
    assert.equal(cells.length, 365);
    assert.equal(blanks, 3);   // 3 March 2027 is a Wednesday
    assert.equal(cells[0].date, from);
    assert.equal(cells.at(-1).date, to);
    assert.ok(cells.some((c) => c.date === '2028-02-29'));
    assert.ok(cells.every((c) => c.seconds === 0 && c.level === 0));
  });

  it('fills in the days the answer holds and counts those studied', () => {
    const days = [
      {date: '2026-03-08', seconds: 7200},
      {date: '2026-03-09', seconds: 0},
      {date: '2026-03-10', seconds: 90_000},   // over 24 h: still one day's cell
    ];
    const {blanks, cells, studied} = heatmap(days, '2026-03-08', '2026-03-11');
    assert.equal(blanks, 0);
    assert.equal(studied, 2);
    assert.deepEqual(cells, [
      {date: '2026-03-08', seconds: 7200, level: 1},
      {date: '2026-03-09', seconds: 0, level: 0},
      {date: '2026-03-10', seconds: 90_000, level: 4},
      {date: '2026-03-11', seconds: 0, level: 0},
    ]);
  });
});
