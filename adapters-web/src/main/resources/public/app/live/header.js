// The live room's header line: members, who is live, and whether we own the room. Pure.

/**
 * The number of members as the freshest frame tells it: the day board (welcome, `study`) lists
 * every member of the room, so it follows joins, leaves and kicks; the room's count before any board.
 */
export function memberCount(room, board) {
  if (Array.isArray(board) && board.length > 0) return board.length;
  return Number.isInteger(room?.memberCount) ? room.memberCount : null;
}

/** "멤버 3/6명 · 라이브 2/4명 · 내가 방장", or "연결 안 됨" in place of the live count while offline. */
export function headerLine({room = null, board = null, connected = false, liveCount = 1, maxLive = 4, owner = false} = {}) {
  const parts = [];
  const members = memberCount(room, board);
  if (members != null) parts.push(`멤버 ${members}/${room?.maxMembers ?? '?'}명`);
  parts.push(connected ? `라이브 ${liveCount}/${maxLive}명` : '연결 안 됨');
  if (owner) parts.push('내가 방장');
  return parts.join(' · ');
}
