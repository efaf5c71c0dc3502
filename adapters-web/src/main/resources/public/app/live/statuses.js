// Who in the live room studies and who is on break, and what they study: from the welcome's
// `you` and `peers`, `peer-joined`, `peer-left` and `peer-status` frames (API.md, "Realtime").
// Plus our own status as the toggle and the subject box show it: what the server last confirmed,
// and what we asked for and it has not echoed yet. Pure: every function returns new values, but
// paintStatus, which draws a status on the badge it is given.

const STUDYING = 'studying';
export const BREAK = 'break';
export const SUBJECT_MAX = 20;

/** "break" stays "break"; anything else (missing, from an older server) is studying. */
export const normalStatus = (status) => (status === BREAK ? BREAK : STUDYING);

/** A subject as shown: a non-empty string, or null. */
const normalSubject = (subject) => (typeof subject === 'string' && subject.trim() !== '' ? subject : null);

function entry(connectionId, info) {
  return {connectionId, userId: info?.userId ?? null, status: normalStatus(info?.status),
    subject: normalSubject(info?.subject), since: info?.since ?? null};
}

/** Every live connection's status, by connection id, from a welcome frame: the peers, and us. */
export function statusesFromWelcome(frame) {
  const statuses = new Map();
  for (const peer of frame?.peers ?? []) {
    if (peer?.connectionId) statuses.set(peer.connectionId, entry(peer.connectionId, peer));
  }
  if (frame?.connectionId) {
    statuses.set(frame.connectionId, entry(frame.connectionId, {...frame.you, userId: frame.you?.userId}));
  }
  return statuses;
}

/** A peer joined (`peer-joined`'s peer). */
export function withPeer(statuses, peer) {
  if (!peer?.connectionId) return statuses;
  return new Map(statuses).set(peer.connectionId, entry(peer.connectionId, peer));
}

/** A peer left (`peer-left`). */
export function withoutPeer(statuses, connectionId) {
  if (!statuses.has(connectionId)) return statuses;
  const next = new Map(statuses);
  next.delete(connectionId);
  return next;
}

/** A `peer-status` frame: that connection's status and subject as they are now. */
export function withStatus(statuses, frame) {
  if (!frame?.connectionId) return statuses;
  const known = statuses.get(frame.connectionId);
  return new Map(statuses).set(frame.connectionId, entry(frame.connectionId,
    {...frame, userId: frame.userId ?? known?.userId}));
}

/** The status of a user's live connection (a user is live once at a time), or undefined. */
export function statusOfUser(statuses, userId) {
  let found;
  for (const value of statuses.values()) {
    if (value.userId === userId) found = value;   // the latest connection wins
  }
  return found;
}

/** How a status reads on a tile or a board row: "휴식 중", the subject, or "공부 중". */
export function statusLabel(status, subject) {
  if (normalStatus(status) === BREAK) return subject ? `휴식 중 · ${subject}` : '휴식 중';
  return normalSubject(subject) ?? '공부 중';
}

/**
 * A live member's status badge (`peer-status`, on a tile or a board row): `data-status` "studying"
 * or "break", and the words of {@link statusLabel}.
 */
export function paintStatus(el, status, subject) {
  const shown = normalStatus(status);
  el.dataset.status = shown;
  el.className = `badge peer-status ${shown === BREAK ? 'break' : 'studying'}`;
  el.textContent = statusLabel(shown, subject);
  el.title = el.textContent;
  el.hidden = false;
}

/**
 * Reads the subject box: {ok: true, subject} with the trimmed text, or null for an empty box (no
 * subject); {ok: false, message} for one too long.
 */
export function subjectFromInput(text) {
  const subject = String(text ?? '').trim();
  if (subject === '') return {ok: true, subject: null};
  if (subject.length > SUBJECT_MAX) return {ok: false, message: `과목은 ${SUBJECT_MAX}자까지 쓸 수 있어요.`};
  return {ok: true, subject};
}

/** The client `status` frame; the subject key only when the subject changes (omitted keeps it). */
export function statusFrame(status, subject) {
  const frame = {type: 'status', status: normalStatus(status)};
  if (subject !== undefined) frame.subject = subject;
  return frame;
}

// ---- our own status ----

/** Ours, before the welcome says otherwise: studying, no subject, nothing asked. */
export const initialMine = () => ({confirmed: {status: STUDYING, subject: null}, pending: null});

/** What the toggle and the subject box show: what we asked for while unconfirmed, else the server's. */
export const shownMine = (mine) => ({...mine.confirmed, ...(mine.pending ?? {})});

/** The server's word on us (the welcome's `you`, or a `peer-status` for our connection): settles what we asked. */
export function confirmMine(mine, info) {
  const confirmed = {status: normalStatus(info?.status), subject: normalSubject(info?.subject)};
  let pending = mine.pending;
  if (pending) {
    const rest = {...pending};
    if (rest.status === confirmed.status) delete rest.status;
    if ('subject' in rest && rest.subject === confirmed.subject) delete rest.subject;
    pending = Object.keys(rest).length > 0 ? rest : null;
  }
  return {confirmed, pending};
}

/**
 * We ask for a change ({status?, subject?}): the frame to send, and our status meanwhile. A frame
 * names the status always, and the subject only when it changes.
 */
export function requestMine(mine, change) {
  const shown = shownMine(mine);
  const status = normalStatus(change.status ?? shown.status);
  const pending = {...(mine.pending ?? {}), status};
  let subject;
  if ('subject' in change) {
    subject = normalSubject(change.subject);
    pending.subject = subject;
  }
  return {mine: {...mine, pending}, frame: statusFrame(status, subject)};
}

/** The server refused what we asked (an `error` frame): back to what it last confirmed. */
export const rejectMine = (mine) => ({...mine, pending: null});
