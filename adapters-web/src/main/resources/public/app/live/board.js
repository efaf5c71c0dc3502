// The live leaderboard: today from the socket (welcome and `study` frames), this week and all
// time from the leaderboard route (read again after `study` frames, at most once every
// REFETCH_MS). Every board follows the server's study days: the route is asked without a zone.
// Live members' times run on between updates (board-clocks.js), and stand still while they are on
// a break; every live member's row shows who studies what, and who rests.
import {h, replace} from '../dom.js';
import {formatDuration} from '../format.js';
import {api, enc, query} from '../api.js';
import {formErrors} from '../ui.js';
import {rankOf, runs, secondsAt, startClocks, stopClock, stopClocks, withClockStatus} from './board-clocks.js';
import {paintStatus} from './statuses.js';

const TABS = [
  {period: 'day', label: '오늘'},
  {period: 'week', label: '이번 주'},
  {period: 'all', label: '전체'},
];

/**
 * The week and all-time boards are read again after a change of the day's (a `study` frame), but
 * no more often than this: a pomodoro phase puts a whole room on a break at once, a burst of frames.
 */
const REFETCH_MS = 2000;

/**
 * @param {{roomId: string, onKick: function(object): void, statusOf?: function(string): ({status: string, subject: (string|null)}|undefined)}} options
 *   onKick(entry) is offered on other members' rows when {@link setViewer} says we own the room;
 *   statusOf(userId) tells a live member's status where an entry does not carry it (the
 *   leaderboard route's week and all-time boards).
 */
export function createBoard({roomId, onKick, statusOf = () => undefined}) {
  let period = 'day';
  let day = [];                // clocks of the latest day board from the socket, running since it arrived
  let shown = [];              // {clock, timeEl} of the board on screen
  let shownPeriod = null;      // whose board that is
  let me = null;
  let owner = false;
  let destroyed = false;
  let fetchSeq = 0;
  let refetchTimer = null;     // a read of the week or all-time board after `study` frames, due

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
    cancelRefetch();
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

  /** Reads the board again once, REFETCH_MS after the first of the changes since the last such read. */
  function refetchLater() {
    if (refetchTimer !== null) return;
    refetchTimer = setTimeout(() => {
      refetchTimer = null;
      if (!destroyed && period !== 'day') refetch();
    }, REFETCH_MS);
  }

  function cancelRefetch() {
    clearTimeout(refetchTimer);
    refetchTimer = null;
  }

  async function refetch() {
    const mine = ++fetchSeq;
    const wanted = period;
    try {
      const page = await api.get(`/api/rooms/${enc(roomId)}/leaderboard${query({period: wanted})}`);
      if (destroyed || mine !== fetchSeq || wanted !== period) return;
      message.hidden = true;
      const previous = shownPeriod === wanted ? shown.map((row) => row.clock) : [];
      show(startClocks(withStatuses(page.items ?? []), performance.now(), previous), wanted);
    } catch (error) {
      if (destroyed || mine !== fetchSeq) return;
      formErrors(message, error);
    }
  }

  /** Entries with the status of each live member, from the socket where the entry has none. */
  function withStatuses(entries) {
    return entries.map((entry) => {
      if (!entry.live || entry.status) return entry;
      const known = statusOf(entry.userId);
      return known ? {...entry, status: known.status, subject: known.subject ?? null} : entry;
    });
  }

  function show(clocks, forPeriod) {
    const entries = clocks.map((clock) => clock.entry);
    const now = performance.now();
    shownPeriod = forPeriod;
    shown = clocks.map((clock) => ({clock, timeEl: null, statusEl: null}));
    replace(list, shown.map((row, i) => {
      const {entry} = row.clock;
      row.timeEl = h('span', {class: 'time', 'aria-label': '공부 시간'}, formatDuration(secondsAt(row.clock, now)));
      const isMe = entry.userId === me;
      // A live member's status badge; a member who is not live has none.
      if (entry.live) {
        row.statusEl = h('span', {testid: 'peer-status', data: {userId: entry.userId}});
        paintStatus(row.statusEl, entry.status, entry.subject);
      }
      return h('li', {testid: 'leaderboard-row', data: {userId: entry.userId, live: String(Boolean(entry.live))}, class: isMe ? 'me' : null},
        h('span', {class: 'rank'}, `${rankOf(entries, i)}`),
        h('span', {class: 'who'}, entry.nickname || '(알 수 없음)', isMe ? ' (나)' : ''),
        row.statusEl,
        row.timeEl,
        owner && !isMe ? h('button', {type: 'button', class: 'small danger', testid: 'member-kick',
          'aria-label': `${entry.nickname} 님 내보내기`, on: {click: () => onKick(entry)}}, '내보내기') : null);
    }));
  }

  function tick() {
    const now = performance.now();
    for (const row of shown) {
      if (runs(row.clock.entry)) row.timeEl.textContent = formatDuration(secondsAt(row.clock, now));
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
    /** A day board from the socket; the other periods are fetched again (shortly) as they changed too. */
    setDay(entries) {
      day = startClocks(withStatuses(entries ?? []), performance.now(), day);
      if (period === 'day') show(day, 'day'); else refetchLater();
    },
    /**
     * A member took or ended a break, or named a subject (`peer-status`): their clock stops or runs
     * on now, on every board, without waiting for the next snapshot.
     */
    setStatus(userId, status, subject) {
      const now = performance.now();
      day = day.map((clock) => (clock.entry.userId === userId ? withClockStatus(clock, status, subject, now) : clock));
      for (const row of shown) {
        if (row.clock.entry.userId !== userId || !row.clock.entry.live) continue;
        row.clock = withClockStatus(row.clock, status, subject, now);
        row.timeEl.textContent = formatDuration(secondsAt(row.clock, now));
        paintStatus(row.statusEl, row.clock.entry.status, row.clock.entry.subject);
      }
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
        row.statusEl?.remove();   // not live now: no status
        row.statusEl = null;
      }
    },
    destroy() {
      destroyed = true;
      clearInterval(timer);
      cancelRefetch();
    },
  };
}
