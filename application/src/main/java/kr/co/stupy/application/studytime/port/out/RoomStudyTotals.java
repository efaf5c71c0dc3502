package kr.co.stupy.application.studytime.port.out;

import kr.co.stupy.shared.RoomId;

/** Where a finished session's counted seconds go, so a room's total (and its rank) grows as its members study. */
public interface RoomStudyTotals {
    void add(RoomId roomId, long seconds);
}
