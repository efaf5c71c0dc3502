// The live leaderboard: today from the socket (welcome and `study` frames), this week and all
// time from the leaderboard route. Live members' times run on between updates (board-clocks.js).
import {h, replace} from '../dom.js';
import {formatDuration, timeZone} from '../format.js';
import {api, enc, query} from '../api.js';
import {formErrors} from '../ui.js';
import {rankOf, secondsAt, startClocks, stopClock, stopClocks} from './board-clocks.js';

const TABS = [
  {period: 'day', label: '오늘'},
  {period: 'week', label: '이번 주'},
  {period: 'all', label: '전체'},
];

/**
 * @param {{roomId: string, onKick: function(object): void}} options
 *   onKick(entry) is offered on other members' rows when {@link setViewer} says we own the room.
 */
export function createBoard({roomId, onKick}) {
  let period = 'day';
  let day = [];                // clocks of the latest day board from the socket, running since it arrived
  let shown = [];              // {clock, timeEl} of the board on screen
  let shownPeriod = null;      // whose board that is
  let me = null;
  let owner = false;
  let destroyed = false;
  let fetchSeq = 0;

  const list = h('ol', {class: 'board', 'aria-label': '공부 시간 순위'});
  const message = h('p', {class: 'muted', hidden: true});
  const tabButtons = TABS.map((tab) => h('button', {
    type: 'button', role: 'tab', class: 'small', data: {period: tab.period}, testid: `board-${tab.period}`,
    'aria-selected': String(tab.period === period), tabindex: tab.period === period ? '0' : '-1',
    on: {click: () => select(tab.period), keydown: arrows},
  }, tab.label));
  const tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': '기간'}, tabButtons);
  const el = h('section', {class: 'card board-card', 'aria-label': '공부 시간 순위'}, h('h2', {}, '공부 시간'), tabs, message, list);

  function arrows(event) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.period === period);
    const next = TABS[(i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    select(next.period);
    tabButtons.find((b) => b.dataset.period === next.period)?.focus();
  }

  function select(next) {
    period = next;
    tabButtons.forEach((b) => {
      b.setAttribute('aria-selected', String(b.dataset.period === period));
      b.tabIndex = b.dataset.period === period ? 0 : -1;
    });
    redraw();
  }

  /** Today comes from the socket; the other periods are read from the leaderboard route. */
  function redraw() {
    if (period === 'day') show(day, 'day'); else refetch();
  }

  async function refetch() {
    const mine = ++fetchSeq;
    const wanted = period;
    try {
      const page = await api.get(`/api/rooms/${enc(roomId)}/leaderboard${query({period: wanted, tz: timeZone()})}`);
      if (destroyed || mine !== fetchSeq || wanted !== period) return;
      message.hidden = true;
      const previous = shownPeriod === wanted ? shown.map((row) => row.clock) : [];
      show(startClocks(page.items ?? [], performance.now(), previous), wanted);
    } catch (error) {
      if (destroyed || mine !== fetchSeq) return;
      formErrors(message, error);
    }
  }

  function show(clocks, forPeriod) {
    const entries = clocks.map((clock) => clock.entry);
    const now = performance.now();
    shownPeriod = forPeriod;
    shown = clocks.map((clock) => ({clock, timeEl: null}));
    replace(list, shown.map((row, i) => {
      const {entry} = row.clock;
      row.timeEl = h('span', {class: 'time', 'aria-label': '공부 시간'}, formatDuration(secondsAt(row.clock, now)));
      const isMe = entry.userId === me;
      return h('li', {testid: 'leaderboard-row', data: {userId: entry.userId, live: String(Boolean(entry.live))}, class: isMe ? 'me' : null},
        h('span', {class: 'rank'}, `${rankOf(entries, i)}`),
        h('span', {class: 'who'}, entry.nickname || '(알 수 없음)', isMe ? ' (나)' : ''),
        entry.live ? h('span', {class: 'badge live'}, '공부 중') : null,
        row.timeEl,
        owner && !isMe ? h('button', {type: 'button', class: 'small danger', testid: 'member-kick',
          'aria-label': `${entry.nickname} 님 내보내기`, on: {click: () => onKick(entry)}}, '내보내기') : null);
    }));
  }

  function tick() {
    const now = performance.now();
    for (const row of shown) {
      if (row.clock.entry.live) row.timeEl.textContent = formatDuration(secondsAt(row.clock, now));
    }
  }
  const timer = setInterval(tick, 1000);

  return {
    el,
    /** Who is looking: their own row is marked, and an owner gets the kick buttons. */
    setViewer(userId, isOwner) {
      me = userId;
      owner = Boolean(isOwner);
    },
    /** A day board from the socket; the other periods are fetched again as they changed too. */
    setDay(entries) {
      day = startClocks(entries ?? [], performance.now(), day);
      redraw();
    },
    /** We lost the connection: stop the clocks where they are, since nobody's time is known until the next welcome. */
    offline() {
      const now = performance.now();
      day = stopClocks(day, now);
      for (const row of shown) {
        if (!row.clock.entry.live) continue;
        row.clock = stopClock(row.clock, now);
        row.timeEl.textContent = formatDuration(secondsAt(row.clock, now));
        const li = row.timeEl.closest('li');
        li.dataset.live = 'false';
        li.querySelector('.badge.live')?.remove();
      }
    },
    destroy() {
      destroyed = true;
      clearInterval(timer);
    },
  };
}
