package kr.co.stupy.application.studytime.port.in;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/** What room cards show of study right now: who is live, today's total and the time running now. */
public interface RoomStudyNowQuery {

    /**
     * The figures of {@code rooms}, all taken at one instant, and the running seconds of every room
     * anyone studies in now (what a live rank compares with; it may be up to a second old).
     */
    RoomsNow studyNow(Collection<RoomId> rooms);

    record LiveMember(UserId userId, StudyState state) {
        public LiveMember {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * @param live           who is live in the room, first arrived first
     * @param todaySeconds   the room's study day so far (configured zone and day start), running sessions included
     * @param runningSeconds what the sessions running now have counted: the room's all-time total is its stored total plus this
     */
    record RoomNow(List<LiveMember> live, long todaySeconds, long runningSeconds) {
        public static final RoomNow QUIET = new RoomNow(List.of(), 0, 0);

        public RoomNow {
            live = List.copyOf(live);
            if (todaySeconds < 0 || runningSeconds < 0) {
                throw new IllegalArgumentException("time is never negative");
            }
        }
    }

    record RoomsNow(Map<RoomId, RoomNow> rooms, Map<RoomId, Long> runningEverywhere) {
        /** Nobody live anywhere. */
        public static final RoomsNow NOBODY = new RoomsNow(Map.of(), Map.of());

        public RoomsNow {
            rooms = Map.copyOf(rooms);
            runningEverywhere = Map.copyOf(runningEverywhere);
        }

        public RoomNow of(RoomId roomId) {
            return rooms.getOrDefault(roomId, RoomNow.QUIET);
        }
    }
}
