// The live leaderboard: today from the socket (welcome and `study` frames), this week and all
// time from the leaderboard route. Live members' times run on between updates.
import {formatDuration, h, replace, timeZone} from '../dom.js';
import {api, enc, query} from '../api.js';
import {formErrors} from '../ui.js';

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
  let day = [];                // the latest day board from the socket
  let shown = [];              // {entry, receivedAt, timeEl}
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
    if (period === 'day') show(day); else refetch();
  }

  async function refetch() {
    const mine = ++fetchSeq;
    const wanted = period;
    try {
      const page = await api.get(`/api/rooms/${enc(roomId)}/leaderboard${query({period: wanted, tz: timeZone()})}`);
      if (destroyed || mine !== fetchSeq || wanted !== period) return;
      message.hidden = true;
      show(page.items ?? []);
    } catch (error) {
      if (destroyed || mine !== fetchSeq) return;
      formErrors(message, error);
    }
  }

  function show(entries) {
    const receivedAt = performance.now();
    shown = entries.map((entry) => ({entry, receivedAt, timeEl: null}));
    replace(list, shown.map((row, i) => {
      const {entry} = row;
      row.timeEl = h('span', {class: 'time', 'aria-label': '공부 시간'}, formatDuration(entry.studySeconds));
      const isMe = entry.userId === me;
      return h('li', {testid: 'leaderboard-row', data: {userId: entry.userId, live: String(Boolean(entry.live))}, class: isMe ? 'me' : null},
        h('span', {class: 'rank'}, `${rankOf(entries, i)}`),
        h('span', {class: 'who'}, entry.nickname || '(알 수 없음)', isMe ? ' (나)' : ''),
        entry.live ? h('span', {class: 'badge live'}, '공부 중') : null,
        row.timeEl,
        owner && !isMe ? h('button', {type: 'button', class: 'small danger', testid: 'member-kick',
          'aria-label': `${entry.nickname} 님 내보내기`, on: {click: () => onKick(entry)}}, '내보내기') : null);
    }));
    tick();
  }

  /** Equal times share a rank, as in the room rankings. */
  function rankOf(entries, i) {
    let first = i;
    while (first > 0 && entries[first - 1].studySeconds === entries[i].studySeconds) first--;
    return first + 1;
  }

  function tick() {
    const now = performance.now();
    for (const row of shown) {
      if (!row.entry.live) continue;
      const elapsed = (now - row.receivedAt) / 1000;
      row.timeEl.textContent = formatDuration(row.entry.studySeconds + elapsed);
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
      day = entries ?? [];
      redraw();
    },
    /** We lost the connection: stop the clocks where they are, since nobody's time is known until the next welcome. */
    offline() {
      const now = performance.now();
      for (const row of shown) {
        if (!row.entry.live) continue;
        row.entry = {...row.entry, live: false, studySeconds: row.entry.studySeconds + (now - row.receivedAt) / 1000};
        row.timeEl.textContent = formatDuration(row.entry.studySeconds);
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
