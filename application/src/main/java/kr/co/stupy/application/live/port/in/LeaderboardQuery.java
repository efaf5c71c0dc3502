package kr.co.stupy.application.live.port.in;

import java.time.ZoneId;
import java.util.List;
import kr.co.stupy.application.live.LeaderboardEntry;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;

/** Members only: every member with their study time in the period, most first. */
public interface LeaderboardQuery {
    List<LeaderboardEntry> leaderboard(UserId asker, RoomId roomId, StudyPeriod period, ZoneId zone);
}
