// The chat messages sent but not yet echoed back by the server, oldest first. Each keeps the
// clientMsgId it was first sent with, so sending it again (after a reconnect, or once a rate limit
// has cooled down) is stored once however often it goes. Pure: what a message looks like on
// screen is the caller's, kept here only so it leaves with the message.

export const chatFrame = (clientMsgId, text) => ({type: 'chat', clientMsgId, text});

export class Outbox {
  #waiting = new Map();   // clientMsgId → {text, view}, in the order they were first sent

  /** Queues a message and returns its frame; an id already waiting keeps its place and its text. */
  add(clientMsgId, text, view = null) {
    const waiting = this.#waiting.get(clientMsgId);
    if (waiting) return chatFrame(clientMsgId, waiting.text);
    this.#waiting.set(clientMsgId, {text, view});
    return chatFrame(clientMsgId, text);
  }

  /** The server echoed a message: what waited for it (gone from the queue now), or undefined. */
  acknowledge(clientMsgId) {
    const waiting = this.#waiting.get(clientMsgId);
    this.#waiting.delete(clientMsgId);
    return waiting;
  }

  /** The frames still to be confirmed, oldest first. */
  frames() {
    return [...this.#waiting].map(([clientMsgId, {text}]) => chatFrame(clientMsgId, text));
  }

  get size() {
    return this.#waiting.size;
  }
}
