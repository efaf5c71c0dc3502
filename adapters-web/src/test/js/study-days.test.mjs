import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {addDays, heatLevel, heatmap, weekdayOf, yearEndingOn}
  from '../../main/resources/public/app/study-days.js';

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
      {date: '2026-03-08', seconds: 7200, level: 1, goalMet: false},
      {date: '2026-03-09', seconds: 0, level: 0, goalMet: false},
      {date: '2026-03-10', seconds: 90_000, level: 4, goalMet: false},
      {date: '2026-03-11', seconds: 0, level: 0, goalMet: false},
    ]);
  });

  it('marks the days that met the goal of their time, and counts them', () => {
    const days = [
      {date: '2026-03-08', seconds: 7200, goalMet: true},
      {date: '2026-03-09', seconds: 600, goalMet: false},
      {date: '2026-03-10', seconds: 3600},                   // an older answer without the field
      {date: '2026-03-12', seconds: 4000, goalMet: true},    // outside the range asked for
    ];
    const {cells, goalsMet} = heatmap(days, '2026-03-08', '2026-03-11');
    assert.deepEqual(cells.map((c) => [c.date, c.goalMet]),
      [['2026-03-08', true], ['2026-03-09', false], ['2026-03-10', false], ['2026-03-11', false]]);
    assert.equal(goalsMet, 1, 'only the days shown');
  });
});
