// The live room's chat: the welcome's recent messages, then `chat` frames; older messages load
// as the user scrolls up. Own messages stay "pending" until the server echoes them back with the
// same clientMsgId, and are sent again after a reconnect (the server stores each clientMsgId once).
// Who came and went is told quietly: each run of such notices is one presence row (presence.js).
import {field, h, uuid} from '../dom.js';
import {formatTime} from '../format.js';
import {api, enc, query} from '../api.js';
import {showError} from '../ui.js';
import {Outbox} from './outbox.js';
import {chatRows} from './presence.js';

const PAGE = 30;
const NEAR_BOTTOM_PX = 80;

/**
 * @param {{roomId: string, send: function(object): boolean}} options
 *   send(frame) sends one frame on the live socket; false when it is not connected.
 */
export function createChat({roomId, send}) {
  const messages = new Map();     // message id → message
  const views = new Map();        // message id → its element (not for presence notices: their rows are redrawn)
  let ordered = [];               // every message shown, in id order (ids grow with time)
  const outbox = new Outbox();    // mine, sent and not yet echoed
  let me = null;                  // my user id
  let hasMore = true;
  let loadingOlder = false;
  let started = false;
  let destroyed = false;

  const sentinel = h('div', {class: 'sentinel', 'aria-hidden': 'true'});
  const status = h('p', {class: 'muted chat-status', hidden: true});
  const list = h('div', {class: 'chat-list'});
  const pendingBox = h('div', {class: 'chat-pending'});
  const log = h('div', {class: 'chat-log', role: 'log', 'aria-label': '채팅', tabindex: '0'}, sentinel, status, list, pendingBox);
  const input = h('input', {type: 'text', testid: 'chat-input', maxlength: '1000', autocomplete: 'off', placeholder: '메시지를 입력해요',
    enterkeyhint: 'send'});
  const sendButton = h('button', {type: 'submit', class: 'primary', testid: 'chat-send', 'aria-label': '메시지 보내기'}, '보내기');
  const form = h('form', {class: 'chat-form', on: {submit: (e) => { e.preventDefault(); submit(); }}},
    field('메시지', input), sendButton);
  form.querySelector('.field').classList.add('chat-field');
  const el = h('section', {class: 'card chat', 'aria-label': '채팅'}, h('h2', {}, '채팅'), log, form);

  const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  const toBottom = () => { log.scrollTop = log.scrollHeight; };

  function render(message) {
    const mine = me !== null && message.userId === me && !message.system;
    if (message.system) {
      return h('div', {class: 'msg system', testid: 'chat-message', data: {messageId: message.id, userId: message.userId}},
        message.text);
    }
    return h('div', {class: ['msg', mine ? 'mine' : null], testid: 'chat-message', data: {messageId: message.id, userId: message.userId}},
      h('span', {class: 'who'}, message.nickname || '(알 수 없음)'),
      h('span', {class: 'text'}, message.text),
      ' ',
      h('time', {class: 'when', datetime: message.sentAt}, message.sentAt ? formatTime(message.sentAt) : ''));
  }

  /** Puts a message in id order; false when it was already shown. Call {@link redraw} after. */
  function insert(message) {
    if (!message?.id || messages.has(message.id)) return false;
    messages.set(message.id, message);
    // Usually the newest: look from the end.
    let at = ordered.length;
    while (at > 0 && ordered[at - 1].id > message.id) at--;
    ordered.splice(at, 0, message);
    return true;
  }

  /** Draws the rows again: messages keep their elements, each run of presence notices is one quiet row. */
  function redraw() {
    const top = log.scrollTop;
    const rows = chatRows(ordered).map((row) => {
      if (row.type === 'presence') {
        return h('div', {class: 'msg presence', testid: 'chat-presence', data: {messageId: row.id, count: row.ids.length}}, row.text);
      }
      let view = views.get(row.message.id);
      if (!view) {
        view = render(row.message);
        views.set(row.message.id, view);
      }
      return view;
    });
    list.replaceChildren(...rows);
    if (log.scrollTop !== top) log.scrollTop = top;
  }

  function acknowledge(message) {
    if (message.clientMsgId) outbox.acknowledge(message.clientMsgId)?.view?.remove();
  }

  /** One new message from a `chat` frame. */
  function add(message) {
    const stay = nearBottom();
    acknowledge(message);
    const added = insert(message);
    if (added) redraw();
    if (added && (stay || message.userId === me)) toBottom();
  }

  /** A welcome (first or after a reconnect): recent messages come newest first. */
  function welcome(frame) {
    me = frame.you?.userId ?? me;
    const recent = [...(frame.recentMessages ?? [])].reverse();
    const first = !started;
    const stay = first || nearBottom();
    recent.forEach((m) => { acknowledge(m); insert(m); });
    redraw();
    if (first) hasMore = recent.length > 0;
    if (stay) toBottom();
    // Whatever was typed while offline, or sent but never echoed, goes (again) with the same id.
    resendPending();
    if (first) {
      started = true;
      observer.observe(sentinel);
    }
  }

  function submit() {
    const text = input.value.trim();
    if (!text) return;
    const clientMsgId = uuid();
    const el = h('div', {class: 'msg mine pending', testid: 'chat-pending', 'aria-label': '보내는 중'},
      h('span', {class: 'who'}, '나'), h('span', {class: 'text'}, text), ' ', h('span', {class: 'when'}, '보내는 중…'));
    const frame = outbox.add(clientMsgId, text, el);
    pendingBox.append(el);
    input.value = '';
    toBottom();
    send(frame);
  }

  /** Sends the unacknowledged messages again (after a RATE_LIMITED error has cooled down). */
  function resendPending() {
    outbox.frames().forEach((frame) => send(frame));
  }

  async function loadOlder() {
    if (loadingOlder || !hasMore || destroyed) return;
    const oldest = ordered[0]?.id;
    if (!oldest) {
      hasMore = false;
      return;
    }
    loadingOlder = true;
    status.hidden = false;
    status.textContent = '이전 메시지를 불러오는 중…';
    try {
      const page = await api.get(`/api/rooms/${enc(roomId)}/messages${query({before: oldest, limit: PAGE})}`);
      if (destroyed) return;
      const fromBottom = log.scrollHeight - log.scrollTop;
      (page.items ?? []).forEach(insert);
      redraw();
      // Keep what the user was reading where it was.
      log.scrollTop = log.scrollHeight - fromBottom;
      hasMore = Boolean(page.nextCursor) && (page.items ?? []).length > 0;
    } catch (error) {
      hasMore = false;
      // Refused because the user was removed or the room is gone: the live notice already says so.
      if (error.status !== 403 && error.status !== 404) showError(error);
    } finally {
      loadingOlder = false;
      status.hidden = hasMore;
      status.textContent = hasMore ? '' : '처음 메시지까지 모두 봤어요.';
    }
    // The observer only fires on a change: if the top is still in view, keep going.
    if (hasMore && !destroyed && sentinelVisible()) loadOlder();
  }

  function sentinelVisible() {
    const box = log.getBoundingClientRect();
    const top = sentinel.getBoundingClientRect();
    return box.height > 0 && top.bottom >= box.top && top.top <= box.bottom;
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadOlder();
  }, {root: log, rootMargin: '120px 0px 0px 0px'});

  function destroy() {
    destroyed = true;
    observer.disconnect();
  }

  /** The user can no longer be in this room (kicked, room gone): keep what is shown, ask for nothing more. */
  function end() {
    hasMore = false;
    observer.disconnect();
    input.disabled = true;
    sendButton.disabled = true;
  }

  return {el, welcome, add, resendPending, destroy, end};
}
