import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {myRankText, percentOf, studyDayLabel, subjectRows} from '../../main/resources/public/app/stats-figures.js';

describe('time by subject', () => {
  it('lists most time first, with no subject named 과목 없음', () => {
    const rows = subjectRows([{subject: '영어', seconds: 600}, {subject: null, seconds: 1800}, {subject: '수학', seconds: 3600}]);
    assert.deepEqual(rows.map((r) => [r.label, r.seconds, r.share]),
      [['수학', 3600, 60], ['과목 없음', 1800, 30], ['영어', 600, 10]]);
    assert.equal(rows[1].subject, null);
  });

  it('leaves out subjects without time, and reads a missing list as empty', () => {
    assert.deepEqual(subjectRows([{subject: '국어', seconds: 0}]), []);
    assert.deepEqual(subjectRows(undefined), []);
    assert.deepEqual(subjectRows(null), []);
  });

  it('puts a named subject before 과목 없음 when their times are equal', () => {
    const rows = subjectRows([{subject: null, seconds: 60}, {subject: '과학', seconds: 60}]);
    assert.deepEqual(rows.map((r) => r.label), ['과학', '과목 없음']);
  });
});

describe('my place in the ranking', () => {
  it('reads the percentile in percent, as the server sends it', () => {
    assert.equal(percentOf(100), 100);
    assert.equal(percentOf(33.3), 33.3);
    assert.equal(percentOf(0.1), 0.1, 'the last of a thousand is not 10 %');
    assert.equal(percentOf(50.0), 50);
    assert.equal(percentOf(0), 0);
    assert.equal(percentOf(null), null);
    assert.equal(percentOf(undefined), null);
  });

  it('says the rank, the time and the percentile', () => {
    assert.equal(myRankText({rank: 2, studySeconds: 5400, percentile: 66.6}, '이번 주'),
      '이번 주 2위 · 1시간 30분 · 공부한 사람의 66.6%와 같거나 앞서요');
    assert.equal(myRankText({rank: 1, studySeconds: 30, percentile: null}, '오늘'), '오늘 1위 · 30초');
  });

  it('says so when you have no rank', () => {
    assert.match(myRankText({rank: null, studySeconds: 0, percentile: null}, '오늘'), /아직 순위에 없어요/);
    assert.match(myRankText(undefined, '이번 달'), /^이번 달 아직 순위에 없어요/);
  });
});

describe('studyDayLabel', () => {
  it('names the month and day of the study day', () => {
    assert.equal(studyDayLabel('2026-03-09'), '3월 9일 공부일 기준');
    assert.equal(studyDayLabel('2026-12-31'), '12월 31일 공부일 기준');
  });

  it('is empty without a date', () => {
    assert.equal(studyDayLabel(null), '');
    assert.equal(studyDayLabel('어제'), '');
  });
});
