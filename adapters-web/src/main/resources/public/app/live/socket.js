// The live room's WebSocket: a fresh single-use ticket for every attempt, a ping every 15 s,
// reconnects by itself after a dropped connection, and tells the screen in plain terms why it
// stopped when it will not come back by itself (see "Realtime" in API.md for the close codes).
import {api, ApiError, enc} from '../api.js';

const PING_MS = 15_000;
// A socket that neither opens nor fails (a node stopping mid-handshake) is given up after this long.
const WELCOME_TIMEOUT_MS = 10_000;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
const MAX_TICKET_REFUSALS = 3;

/**
 * Why the connection ended for good (until the user asks again):
 * kicked, left, not-member, closed, replaced, full, forbidden, not-found, ticket, signed-out.
 * @typedef {{reason: string, code?: number, detail?: string}} Ended
 */

export class LiveSocket {
  /**
   * @param {string} roomId
   * @param {{onWelcome: function(object), onFrame: function(object), onDown: function(), onReconnecting: function({attempt:number, delayMs:number}), onEnded: function(Ended)}} handlers
   *   onDown: the connection just dropped (the connection id is gone; peers must be torn down).
   */
  constructor(roomId, handlers) {
    this.roomId = roomId;
    this.handlers = handlers;
    this.ws = null;
    this.stopped = true;
    this.attempt = 0;
    this.ticketRefusals = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.lastEndFrame = null;
    this.generation = 0;
    this.onOnline = () => {
      if (!this.stopped && this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
        this.connect();
      }
    };
    window.addEventListener('online', this.onOnline);
  }

  get open() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN && this.welcomed;
  }

  /** Starts (or starts again after it ended) with a fresh backoff. */
  start() {
    this.stopped = false;
    this.attempt = 0;
    this.ticketRefusals = 0;
    this.clearTimers();
    this.connect();
  }

  /** Sends one frame; false when there is no open, welcomed connection to send it on. */
  send(frame) {
    if (!this.open) return false;
    try {
      this.ws.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  /** Leaves for good: closes normally (1000) and never reconnects. */
  stop() {
    this.stopped = true;
    this.generation++;
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      try { ws.close(1000, 'leaving'); } catch { /* already closing */ }
    }
  }

  destroy() {
    this.stop();
    window.removeEventListener('online', this.onOnline);
  }

  clearTimers() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.welcomeTimer);
    clearInterval(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }

  async connect() {
    const mine = ++this.generation;
    let ticket;
    try {
      ticket = (await api.post(`/api/rooms/${enc(this.roomId)}/live-ticket`)).ticket;
    } catch (error) {
      if (mine !== this.generation || this.stopped) return;
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 401) return this.end({reason: 'signed-out'});
      if (status === 403) return this.end({reason: 'forbidden', detail: error.code});
      if (status === 404) return this.end({reason: 'not-found', detail: error.code});
      return this.retryLater();
    }
    if (mine !== this.generation || this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let ws;
    try {
      ws = new WebSocket(`${scheme}://${location.host}/ws/rooms/${enc(this.roomId)}?ticket=${enc(ticket)}`);
    } catch {
      this.retryLater();
      return;
    }
    this.ws = ws;
    this.welcomed = false;
    this.lastEndFrame = null;
    clearTimeout(this.welcomeTimer);
    this.welcomeTimer = setTimeout(() => {
      // close() on a socket still connecting ends in onclose with 1006, which retries.
      if (ws === this.ws && !this.welcomed) ws.close();
    }, WELCOME_TIMEOUT_MS);
    ws.onmessage = (event) => {
      if (ws !== this.ws) return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!frame || typeof frame.type !== 'string') return;
      if (frame.type === 'welcome') {
        this.welcomed = true;
        clearTimeout(this.welcomeTimer);
        this.attempt = 0;
        this.ticketRefusals = 0;
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({type: 'ping'}), PING_MS);
        this.handlers.onWelcome(frame);
        return;
      }
      if (['kicked', 'left', 'room-closed', 'replaced'].includes(frame.type)) {
        this.lastEndFrame = frame.type;
      }
      if (frame.type !== 'pong') this.handlers.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (ws !== this.ws) return;
      this.ws = null;
      const wasWelcomed = this.welcomed;
      this.welcomed = false;
      clearInterval(this.pingTimer);
      this.pingTimer = null;
      if (this.stopped) return;
      if (wasWelcomed) this.handlers.onDown();
      this.closed(event.code, wasWelcomed);
    };
    ws.onerror = () => { /* onclose follows with the code */ };
  }

  closed(code, wasWelcomed) {
    const frame = this.lastEndFrame;
    if (frame === 'kicked') return this.end({reason: 'kicked', code});
    if (frame === 'left') return this.end({reason: 'left', code});
    if (code === 4403) return this.end({reason: 'not-member', code});
    if (frame === 'room-closed' || code === 4404) return this.end({reason: 'closed', code});
    if (frame === 'replaced' || code === 4409) return this.end({reason: 'replaced', code});
    if (code === 4429) return this.end({reason: 'full', code});
    if (code === 4401) {
      // A ticket can expire between issue and use on a slow link: ask for another, a few times.
      this.ticketRefusals++;
      if (this.ticketRefusals > MAX_TICKET_REFUSALS) return this.end({reason: 'ticket', code});
      return this.retryLater(this.ticketRefusals === 1 ? 0 : undefined);
    }
    if (code === 1001 && wasWelcomed) {
      // The server node is stopping: another one takes us at once.
      return this.retryLater(0);
    }
    return this.retryLater();
  }

  retryLater(delayMs) {
    if (this.stopped) return;
    const delay = delayMs ?? BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    this.handlers.onReconnecting({attempt: this.attempt, delayMs: delay});
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  end(ended) {
    this.stopped = true;
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      try { ws.close(1000, 'ended'); } catch { /* already closing */ }
    }
    this.handlers.onEnded(ended);
  }
}
