// How the statistics screen words its figures: time by subject, and where you stand in the user
// ranking. Pure.
import {formatHours} from './format.js';

const NO_SUBJECT = '과목 없음';

/**
 * The rows of "time by subject", most time first: {subject (null for none), label, seconds,
 * share (whole percent of the total, the rows' shares need not add to exactly 100)}. Subjects
 * with no time are left out.
 */
export function subjectRows(bySubject) {
  const rows = (Array.isArray(bySubject) ? bySubject : [])
    .filter((row) => Number(row?.seconds) > 0)
    .map((row) => ({subject: typeof row.subject === 'string' && row.subject !== '' ? row.subject : null, seconds: Number(row.seconds)}));
  const total = rows.reduce((sum, row) => sum + row.seconds, 0);
  return rows
    .sort((a, b) => b.seconds - a.seconds || (a.subject === null) - (b.subject === null)
      || String(a.subject).localeCompare(String(b.subject), 'ko'))
    .map((row) => ({...row, label: row.subject ?? NO_SUBJECT, share: total > 0 ? Math.round((row.seconds * 100) / total) : 0}));
}

/**
 * The ranking's percentile as the screen writes it: the share of ranked users (you among them) you
 * are ahead of or tied with, in percent, as the server sends it (it has cut it down to one decimal
 * already: 100 for a first place); null when there is none.
 */
export function percentOf(percentile) {
  if (percentile === null || percentile === undefined || !Number.isFinite(Number(percentile))) return null;
  return Number(percentile);
}

/** "내 순위" in words: your rank, time and percentile, or that you have no rank in the period. */
export function myRankText(me, periodLabel) {
  if (!me || me.rank === null || me.rank === undefined) {
    return `${periodLabel} 아직 순위에 없어요. 공부를 시작하면 순위에 올라요.`;
  }
  const parts = [`${periodLabel} ${me.rank}위`, formatHours(Number(me.studySeconds) || 0)];
  const percent = percentOf(me.percentile);
  if (percent !== null) parts.push(`공부한 사람의 ${percent}%와 같거나 앞서요`);
  return parts.join(' · ');
}

/** "2026-03-09" → "3월 9일 공부일 기준": which study day "today" is, as the server counts it; empty for no date. */
export function studyDayLabel(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return match ? `${Number(match[2])}월 ${Number(match[3])}일 공부일 기준` : '';
}
