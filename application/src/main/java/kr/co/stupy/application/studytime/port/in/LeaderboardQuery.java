package kr.co.stupy.application.studytime.port.in;

import java.time.ZoneId;
import java.util.List;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;

/** A room's members with their study time in a period, most first, the sessions running now included. */
public interface LeaderboardQuery {

    /** Members only: {@code ROOM_NOT_FOUND} or {@code 403 NOT_MEMBER} otherwise. */
    List<LeaderboardEntry> leaderboard(UserId asker, RoomId roomId, StudyPeriod period, ZoneId zone);

    /**
     * Today's board of a live room in the configured zone, for those already admitted to it: the
     * caller knows the members, so nothing is checked or read twice.
     */
    List<LeaderboardEntry> todayBoard(RoomId roomId, List<UserId> members);
}
