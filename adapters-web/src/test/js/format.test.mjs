import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {formatDate, formatDuration, formatHours, formatTime} from '../../main/resources/public/app/format.js';

describe('formatDuration', () => {
  it('shows hours, minutes and seconds with two digits each', () => {
    assert.equal(formatDuration(0), '00:00:00');
    assert.equal(formatDuration(59), '00:00:59');
    assert.equal(formatDuration(61), '00:01:01');
    assert.equal(formatDuration(3661), '01:01:01');
    assert.equal(formatDuration(86_399), '23:59:59');
  });

  it('counts hours past a day instead of wrapping round', () => {
    assert.equal(formatDuration(86_400), '24:00:00');
    assert.equal(formatDuration(90_061), '25:01:01');
    assert.equal(formatDuration(360_000), '100:00:00');
  });

  it('drops the fraction of a running second and never shows less than zero', () => {
    assert.equal(formatDuration(59.999), '00:00:59');
    assert.equal(formatDuration(-0.4), '00:00:00');
    assert.equal(formatDuration(-3600), '00:00:00');
  });
});

describe('formatHours', () => {
  it('says seconds under a minute, minutes under an hour, then hours and minutes', () => {
    assert.equal(formatHours(0), '0초');
    assert.equal(formatHours(59.9), '59초');
    assert.equal(formatHours(60), '1분');
    assert.equal(formatHours(3599), '59분');
    assert.equal(formatHours(3600), '1시간 0분');
    assert.equal(formatHours(3600 * 7 + 60 * 3 + 59), '7시간 3분');
  });

  it('keeps counting hours past a day', () => {
    assert.equal(formatHours(25 * 3600), '25시간 0분');
    assert.equal(formatHours(100 * 3600 + 120), '100시간 2분');
  });
});

describe('formatTime and formatDate', () => {
  const instant = '2026-03-09T15:04:00Z';   // 00:04 on the 10th in Seoul, 15:04 on the 9th in UTC

  it('read the clock in the zone they are given', () => {
    assert.match(formatTime(instant, 'Asia/Seoul'), /\b12:04\b/);
    assert.match(formatTime(instant, 'UTC'), /\b3:04\b/);
    assert.notEqual(formatTime(instant, 'Asia/Seoul'), formatTime(instant, 'UTC'));
  });

  it('keep the time in one piece: no space a line could break at', () => {
    const time = formatTime(instant, 'Asia/Seoul');
    assert.doesNotMatch(time, /[ \t\n]/);
    assert.match(time, /^\S+\u00a012:04$/u);   // "오전 12:04" (or "AM 12:04" where node lacks Korean)
  });

  it('put an instant just past midnight in Seoul on the next calendar day', () => {
    assert.match(formatDate(instant, 'Asia/Seoul'), /2026\D+3\D+10\b/);
    assert.match(formatDate(instant, 'UTC'), /2026\D+3\D+9\b/);
  });

  it('show nothing for a missing date', () => {
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(''), '');
    assert.equal(formatDate(undefined, 'UTC'), '');
  });

  it('default to the zone the runtime is in', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.equal(formatTime(instant), formatTime(instant, zone));
    assert.equal(formatDate(instant), formatDate(instant, zone));
  });
});
