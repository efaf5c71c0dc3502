// Who came and went, told quietly: the server posts a system chat line for every entry and exit
// ("김공부 님이 들어왔어요", older ones "… 들어왔습니다"); a run of such lines becomes one presence
// row ("김공부, 이공부 님이 들어왔어요 · 박공부 님이 나갔어요"). Pure.

const PHRASES = {
  in: '들어왔어요',
  out: '나갔어요',
  quit: '방을 나갔어요',
  kicked: '방에서 내보내졌어요',
};
const MAX_NAMES = 3;

/** What a notice's words after "님이"/"님의" say, in either speech level; null for other notices. */
function kindOf(rest) {
  if (rest.startsWith('들어왔')) return 'in';
  if (rest.startsWith('방을 나갔')) return 'quit';
  if (rest.startsWith('방에서 내보내')) return 'kicked';
  if (rest.startsWith('나갔') || rest.startsWith('연결이 끊겼') || rest.startsWith('다른 곳에서 접속')) return 'out';
  return null;
}

/**
 * A system message about someone entering or leaving: {key, name, kind} ("in", "out" for a leave,
 * a dropped connection or a connection elsewhere, "quit" for leaving the room, "kicked"); null for
 * any other message.
 */
export function parsePresence(message) {
  if (!message?.system || typeof message.text !== 'string') return null;
  const match = /^(.+?) 님[이의] (.+)$/u.exec(message.text.trim());
  if (!match) return null;
  const kind = kindOf(match[2]);
  if (!kind) return null;
  const name = match[1];
  return {key: message.userId ?? name, name, kind};
}

/** "김, 이 님이 들어왔어요", or for many "김, 이, 박 님 외 2명이 들어왔어요". */
function line(list, phrase) {
  if (list.length <= MAX_NAMES) return `${list.join(', ')} 님이 ${phrase}`;
  return `${list.slice(0, MAX_NAMES).join(', ')} 님 외 ${list.length - MAX_NAMES}명이 ${phrase}`;
}

/**
 * The words of one run of presence notices (oldest first): each person once, as their last notice
 * says (out and back in reads "들어왔어요"), grouped by what happened, in the order it first did.
 */
export function presenceText(events) {
  const last = new Map();
  for (const event of events) {
    last.delete(event.key);   // a later notice moves the person to where it happened
    last.set(event.key, event);
  }
  const groups = new Map();
  for (const event of last.values()) {
    if (!groups.has(event.kind)) groups.set(event.kind, []);
    groups.get(event.kind).push(event.name);
  }
  return [...groups].map(([kind, who]) => line(who, PHRASES[kind])).join(' · ');
}

/**
 * The chat as rows, from messages in id order: {type: 'message', message} for each message but
 * presence notices, whose consecutive runs become {type: 'presence', id (the newest's), ids, text}.
 */
export function chatRows(messages) {
  const rows = [];
  let run = null;
  for (const message of messages) {
    const event = parsePresence(message);
    if (!event) {
      run = null;
      rows.push({type: 'message', message});
      continue;
    }
    if (!run) {
      run = {type: 'presence', id: message.id, ids: [], events: [], text: ''};
      rows.push(run);
    }
    run.ids.push(message.id);
    run.events.push(event);
    run.id = message.id;
    run.text = presenceText(run.events);
  }
  return rows.map((row) => (row.type === 'presence' ? {type: 'presence', id: row.id, ids: row.ids, text: row.text} : row));
}
