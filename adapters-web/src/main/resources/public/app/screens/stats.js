// Statistics: today against the daily goal (and the goal itself), totals and streaks, a year
// heatmap of daily study time with the days that met the goal, time by subject, the user ranking
// with your own place, and the room rankings by period.
//
// "Today" is the server's study day: the date GET /api/users/me/today answers, which follows the
// server's zone and day start (05:00 by default, so at 01:00 it is still yesterday). The device's
// calendar and clock are never asked; the routes are asked without a zone, so every figure here
// follows the same study days as the server's live clocks.
import {field, h, replace} from '../dom.js';
import {formatHours} from '../format.js';
import {api, describe, query} from '../api.js';
import {heatmap as heatmapCells, yearEndingOn} from '../study-days.js';
import {goalPercent, parseGoal} from '../study-clock.js';
import {myRankText, studyDayLabel, subjectRows} from '../stats-figures.js';
import {noteGoal, onToday, refreshToday, today as todayFigures, todaySeconds} from '../today.js';
import {empty, loading, toast} from '../ui.js';

const ROOM_PERIODS = [['day', '오늘'], ['week', '이번 주'], ['month', '이번 달'], ['all', '전체']];
const USER_PERIODS = [['day', '오늘'], ['week', '이번 주'], ['month', '이번 달']];

export default async function render(view) {
  let alive = true;
  const stops = [];
  view.append(h('h1', {}, '공부 통계'));
  const mine = h('section', {class: 'card stack', 'aria-label': '나의 공부'});
  const users = h('section', {class: 'card stack', 'aria-label': '공부 순위'});
  const rankings = h('section', {class: 'card stack', 'aria-label': '스터디 순위'});
  view.append(h('div', {class: 'stack'}, mine, users, rankings));
  const isAlive = () => alive;
  await Promise.all([personal(mine, isAlive, stops), userRanking(users, isAlive), roomRankings(rankings, isAlive)]);
  return () => {
    alive = false;
    stops.forEach((stop) => stop());
  };
}

async function personal(box, alive, stops) {
  // Drawn again after the goal changes: the clocks of the last drawing stop first.
  const running = [];
  const stopRunning = () => {
    running.forEach((stop) => stop());
    running.length = 0;
  };
  stops.push(stopRunning);

  async function draw() {
    loading(box);
    let today;
    let stats;
    let from;
    let to;
    try {
      today = await refreshToday();
      ({from, to} = yearEndingOn(today.date));
      stats = await api.get(`/api/users/me/stats${query({from, to})}`);
    } catch (e) {
      if (alive()) replace(box, h('p', {class: 'form-error', role: 'alert'}, describe(e)));
      return;
    }
    if (!alive()) return;

    // Today's figures run on with the app's study clock while you are live elsewhere (another tab).
    const todayValue = h('div', {class: 'number', testid: 'stats-today'});
    const todayNote = h('small', {class: 'muted', testid: 'stats-today-date', data: {date: today.date}}, studyDayLabel(today.date));
    const goalValue = h('div', {class: 'number', testid: 'stats-goal'});
    const goalNote = h('small', {class: 'muted'});
    const paintToday = () => {
      const figures = todayFigures();
      const seconds = todaySeconds() ?? 0;
      todayValue.textContent = formatHours(seconds);
      todayValue.dataset.seconds = String(Math.floor(seconds));
      const percent = goalPercent(seconds, figures?.goalMinutes);
      if (percent === null) {
        goalValue.textContent = '목표 없음';
        goalNote.textContent = '아래에서 하루 목표를 정해 보세요.';
      } else {
        goalValue.textContent = `${percent}%`;
        goalNote.textContent = percent >= 100 ? `하루 목표 ${formatHours(figures.goalMinutes * 60)} 달성!`
          : `하루 목표 ${formatHours(figures.goalMinutes * 60)}`;
      }
    };
    paintToday();
    const ticker = setInterval(paintToday, 1000);
    running.push(() => clearInterval(ticker), onToday(paintToday));

    replace(box,
      h('h2', {}, '나의 공부'),
      h('div', {class: 'numbers'},
        number('오늘', todayValue, null, todayNote),
        number('목표 달성', goalValue, null, goalNote),
        number('최근 1년', formatHours(stats.totalSeconds), 'stats-total'),
        number('연속 공부', `${stats.currentStreakDays}일`, 'stats-streak', `최장 ${stats.longestStreakDays}일`),
        number('목표 연속 달성', `${stats.goalStreakDays ?? 0}일`, 'stats-goal-streak',
          stats.goalMinutes ? `목표를 채운 날이 이어진 날 수` : '목표를 정하면 셀 수 있어요')),
      goalForm(today.goalMinutes, async () => {
        // The goal changes today's progress and the streak of the days that met it: read both again.
        if (!alive()) return;
        stopRunning();
        await draw();
      }),
      heatmap(stats.days ?? [], from, to),
      bySubject(stats.bySubject, today.bySubject));
  }

  await draw();
}

function number(label, value, testid, note) {
  return h('div', {class: 'card'},
    h('div', {class: 'muted'}, label),
    value instanceof Node ? value : h('div', {class: 'number', testid}, value),
    note instanceof Node ? note : note ? h('small', {class: 'muted'}, note) : null);
}

/** The daily goal: minutes from 30 to 960, or empty for none. */
function goalForm(goalMinutes, saved) {
  const input = h('input', {type: 'text', inputmode: 'numeric', testid: 'goal-input', maxlength: 3, autocomplete: 'off',
    value: goalMinutes ? String(goalMinutes) : '', placeholder: '예: 120'});
  const save = h('button', {type: 'submit', class: 'primary', testid: 'goal-save'}, '목표 저장');
  const problem = h('p', {class: 'form-error', role: 'alert', testid: 'goal-error', hidden: true});
  const form = h('form', {class: 'goal-form', novalidate: true, on: {submit: async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const read = parseGoal(input.value);
    if (!read.ok) {
      problem.textContent = read.message;
      problem.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    problem.hidden = true;
    input.removeAttribute('aria-invalid');
    save.disabled = true;
    try {
      await api.put('/api/users/me/goal', {dailyMinutes: read.minutes});
      noteGoal(read.minutes);   // an answer of today on its way may be from before the new goal
      toast(read.minutes === null ? '하루 목표를 지웠어요.' : `하루 목표를 ${formatHours(read.minutes * 60)}으로 정했어요.`, 'ok');
      await saved();
    } catch (error) {
      problem.textContent = describe(error);
      problem.hidden = false;
    } finally {
      save.disabled = false;
    }
  }}},
  h('h3', {}, '하루 목표'),
  h('div', {class: 'goal-row'},
    field('하루 목표 (분)', input, '30분에서 960분(16시간) 사이로 정해요. 비워 두고 저장하면 목표를 지워요.'),
    save),
  problem);
  return form;
}

function heatmap(days, from, to) {
  const {blanks, cells, studied, goalsMet} = heatmapCells(days, from, to);
  const grid = h('div', {class: 'heatmap', role: 'img', testid: 'stats-heatmap',
    'aria-label': `최근 1년 동안 ${studied}일 공부했고, ${goalsMet}일 목표를 채웠어요`});
  for (let i = 0; i < blanks; i++) grid.append(h('span', {class: 'cell blank'}));
  for (const {date, seconds, level, goalMet} of cells) {
    grid.append(h('span', {class: ['cell', level > 0 && `l${level}`, goalMet && 'goal-met'],
      title: `${date}: ${formatHours(seconds)}${goalMet ? ' · 목표 달성' : ''}`,
      data: {date, seconds, goalMet: goalMet ? 'true' : null}}));
  }
  // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
  const wrap = h('div', {class: 'heatmap-wrap', tabindex: 0, role: 'region', 'aria-label': '하루 공부 시간 (옆으로 넘겨 볼 수 있어요)'}, grid);
  // The newest weeks matter most: on a narrow phone start scrolled to the right end.
  requestAnimationFrame(() => { wrap.scrollLeft = wrap.scrollWidth; });
  return h('div', {}, h('h3', {}, '하루 공부 시간'), wrap,
    h('p', {class: 'muted heatmap-legend'}, '진할수록 오래 공부한 날이에요. ',
      h('span', {class: 'legend-goal', 'aria-hidden': 'true'}), ' 테두리가 있는 날은 목표를 채운 날이에요.'));
}

/** Time by subject over the year, and today's. */
function bySubject(yearRows, todayRows) {
  const list = (rows, testid, label) => {
    const shown = subjectRows(rows);
    if (shown.length === 0) return h('div', {testid, class: 'subjects'}, empty(`${label} 기록된 공부 시간이 없어요.`));
    return h('ul', {class: 'subjects', testid, 'aria-label': `${label} 과목별 공부 시간`},
      shown.map((row) => h('li', {testid: 'subject-row', data: {subject: row.subject ?? '', seconds: row.seconds},
        class: row.subject === null ? 'none' : null},
      h('span', {class: 'subject-name'}, row.label),
      h('span', {class: 'subject-bar', 'aria-hidden': 'true'}, barOf(row.share)),
      h('span', {class: 'subject-time'}, formatHours(row.seconds)),
      h('span', {class: 'muted subject-share'}, `${row.share}%`))));
  };
  return h('div', {class: 'by-subject'},
    h('h3', {}, '과목별 공부 시간'),
    h('p', {class: 'muted'}, '라이브 스터디에서 정한 과목으로 모여요. 과목을 정하지 않은 시간은 "과목 없음"이에요.'),
    h('h4', {}, '최근 1년'),
    list(yearRows, 'stats-by-subject', '최근 1년 동안'),
    h('h4', {}, '오늘'),
    list(todayRows, 'stats-today-by-subject', '오늘'));
}

function barOf(share) {
  const bar = h('span', {class: 'fill'});
  bar.style.width = `${Math.max(2, Math.min(100, share))}%`;
  return bar;
}

/** Tabs of periods that load a list each; the first one is shown at once. */
function periodTabs(periods, first, show) {
  const tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': '기간'});
  let current = first;
  const select = (period) => {
    current = period;
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.period === period)));
    return show(period, () => current === period);
  };
  periods.forEach(([period, label]) => tabs.append(h('button', {type: 'button', role: 'tab', class: 'small', data: {period},
    'aria-selected': String(period === first), on: {click: () => select(period)}}, label)));
  return {tabs, select};
}

async function userRanking(box, alive) {
  const list = h('ol', {class: 'ranking users', testid: 'user-ranking'});
  const me = h('p', {class: 'my-rank', testid: 'my-rank', 'aria-live': 'polite'});
  // Who we are, to mark our own row: asked once, alongside the first ranking rather than before it.
  const whoAmI = api.get('/api/users/me').then((user) => user?.id ?? null, () => null);   // unknown: rows go unmarked
  const show = async (period, stillCurrent) => {
    loading(list);
    me.textContent = '';
    try {
      const [answer, myId] = await Promise.all([api.get(`/api/rankings/users${query({period, limit: 50})}`), whoAmI]);
      if (!alive() || !stillCurrent()) return;
      const label = USER_PERIODS.find(([p]) => p === period)[1];
      me.textContent = myRankText(answer.me, label);
      me.dataset.rank = answer.me?.rank ?? '';
      me.dataset.period = period;
      me.classList.toggle('unranked', answer.me?.rank == null);
      const items = answer.items ?? [];
      replace(list, items.length === 0
        ? h('li', {class: 'empty muted'}, '이 기간에 공부한 사람이 아직 없어요.')
        : items.map((item) => h('li', {testid: 'user-rank-row', data: {userId: item.userId, rank: item.rank},
          class: item.userId === myId ? 'me' : null},
        h('strong', {class: 'rank'}, `${item.rank}위`),
        h('span', {class: 'title'}, item.nickname || '(알 수 없음)', item.userId === myId ? ' (나)' : ''),
        item.live ? h('span', {class: 'badge live'}, '공부 중') : null,
        h('span', {class: 'muted'}, formatHours(item.studySeconds ?? 0)))));
    } catch (e) {
      if (alive() && stillCurrent()) replace(list, h('li', {class: 'form-error', role: 'alert'}, describe(e)));
    }
  };
  const {tabs, select} = periodTabs(USER_PERIODS, 'day', show);
  replace(box, h('h2', {}, '공부 순위'), tabs, me, list);
  await select('day');
}

async function roomRankings(box, alive) {
  const list = h('ol', {class: 'ranking', testid: 'stats-ranking'});
  const show = async (period, stillCurrent) => {
    loading(list);
    try {
      const {items} = await api.get(`/api/rankings/rooms${query({period, limit: 20})}`);
      if (!alive() || !stillCurrent()) return;
      replace(list, items.length === 0
        ? h('li', {class: 'empty muted'}, '이 기간에 공부한 스터디가 아직 없어요.')
        : items.map((item) => h('li', {testid: 'ranking-row', data: {roomId: item.room.id}},
          h('strong', {}, `${item.rank}위`),
          h('span', {class: 'title'}, item.room.title),
          h('span', {class: 'muted'}, formatHours(item.studySeconds)))));
    } catch (e) {
      if (alive() && stillCurrent()) replace(list, h('li', {class: 'form-error', role: 'alert'}, describe(e)));
    }
  };
  const {tabs, select} = periodTabs(ROOM_PERIODS, 'week', show);
  replace(box, h('h2', {}, '스터디 순위'), tabs, list);
  await select('week');
}
