package kr.co.stupy.application.studytime.port.in;

import java.util.List;
import java.util.Objects;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.StudyPeriod;

/**
 * Rooms by the study time in them during the period (the configured zone and day start), the sessions
 * running now included, most first, rooms without any left out. Equal times share a rank (1, 1, 3); for {@code ALL} the
 * time is the room's {@code totalStudySeconds} and the rank is exactly the room's {@code rank}.
 */
public interface RoomRankingQuery {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /** At most {@code limit} (1 to 100) rooms; {@code VALIDATION_FAILED} otherwise. */
    List<RankedRoom> ranking(StudyPeriod period, int limit);

    record RankedRoom(long rank, RoomId roomId, long studySeconds) {
        public RankedRoom {
            Objects.requireNonNull(roomId, "roomId");
            if (rank < 1 || studySeconds < 0) {
                throw new IllegalArgumentException("ranks start at 1 and time is never negative");
            }
        }
    }
}
