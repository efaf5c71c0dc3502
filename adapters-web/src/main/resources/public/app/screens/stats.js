// Statistics: totals and streaks, a year heatmap of daily study time, room rankings by period.
import {h, replace} from '../dom.js';
import {formatHours, timeZone} from '../format.js';
import {api, describe, query} from '../api.js';
import {heatmap as heatmapCells, studyDayOf, yearEndingOn} from '../study-days.js';
import {empty, loading} from '../ui.js';

// The server's study days begin at its STUPY_DAY_START, which the app is not told (the client
// config has no such field): "today" here stays the calendar day in the browser's zone.
const DAY_START = '00:00';
const PERIODS = [['day', '오늘'], ['week', '이번 주'], ['month', '이번 달'], ['all', '전체']];

export default async function render(view) {
  view.append(h('h1', {}, '공부 통계'));
  const mine = h('section', {class: 'card stack'});
  const rankings = h('section', {class: 'card stack'});
  view.append(h('div', {class: 'stack'}, mine, rankings));
  await Promise.all([personal(mine), roomRankings(rankings)]);
}

async function personal(box) {
  loading(box);
  const zone = timeZone();
  const {from, to} = yearEndingOn(studyDayOf(new Date(), zone, DAY_START));
  let stats;
  try {
    stats = await api.get(`/api/users/me/stats${query({from, to, tz: zone})}`);
  } catch (e) {
    replace(box, h('p', {class: 'form-error', role: 'alert'}, describe(e)));
    return;
  }
  const today = stats.days.find((d) => d.date === to)?.seconds ?? 0;
  replace(box,
    h('h2', {}, '나의 공부'),
    h('div', {class: 'numbers'},
      number('최근 1년', formatHours(stats.totalSeconds), 'stats-total'),
      number('오늘', formatHours(today)),
      number('연속 공부', `${stats.currentStreakDays}일`, 'stats-streak', `최장 ${stats.longestStreakDays}일`)),
    heatmap(stats.days, from, to));
}

function number(label, value, testid, note) {
  return h('div', {class: 'card'},
    h('div', {class: 'muted'}, label),
    h('div', {class: 'number', testid}, value),
    note ? h('small', {class: 'muted'}, note) : null);
}

function heatmap(days, from, to) {
  const {blanks, cells, studied} = heatmapCells(days, from, to);
  const grid = h('div', {class: 'heatmap', role: 'img', testid: 'stats-heatmap', 'aria-label': `최근 1년 동안 ${studied}일 공부했어요`});
  for (let i = 0; i < blanks; i++) grid.append(h('span', {class: 'cell blank'}));
  for (const {date, seconds, level} of cells) {
    grid.append(h('span', {class: ['cell', level > 0 && `l${level}`], title: `${date}: ${formatHours(seconds)}`, data: {date, seconds}}));
  }
  const wrap = h('div', {class: 'heatmap-wrap'}, grid);
  // The newest weeks matter most: on a narrow phone start scrolled to the right end.
  requestAnimationFrame(() => { wrap.scrollLeft = wrap.scrollWidth; });
  return h('div', {}, h('h3', {}, '하루 공부 시간'), wrap,
    h('p', {class: 'muted'}, '진할수록 오래 공부한 날이에요.'));
}

async function roomRankings(box) {
  const list = h('ol', {class: 'ranking', testid: 'stats-ranking'});
  const tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': '기간'});
  let current = 'week';
  const show = async (period) => {
    current = period;
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.period === period)));
    loading(list);
    try {
      const {items} = await api.get(`/api/rankings/rooms${query({period, limit: 20})}`);
      if (period !== current) return;
      replace(list, items.length === 0
        ? empty('이 기간에 공부한 스터디가 아직 없어요.')
        : items.map((item) => h('li', {testid: 'ranking-row', data: {roomId: item.room.id}},
          h('strong', {}, `${item.rank}위`),
          h('span', {class: 'title'}, item.room.title),
          h('span', {class: 'muted'}, formatHours(item.studySeconds)))));
    } catch (e) {
      replace(list, h('p', {class: 'form-error', role: 'alert'}, describe(e)));
    }
  };
  PERIODS.forEach(([period, label]) => tabs.append(h('button', {type: 'button', role: 'tab', class: 'small', data: {period},
    on: {click: () => show(period)}}, label)));
  replace(box, h('h2', {}, '스터디 순위'), tabs, list);
  await show(current);
}
