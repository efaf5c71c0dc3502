package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;

/**
 * A room as others see it: the room, who is live in it now, and its study figures taken at one
 * instant with the running sessions included: the all-time total, today's total and the rank by the
 * all-time total (1 + rooms with more; equal totals share a rank).
 */
public record RoomView(Room room, List<LiveMember> studyingNow, long totalStudySeconds, long todayStudySeconds, long rank) {

    /** A member live in the room: who, and whether they study or rest. */
    public record LiveMember(UserId userId, String nickname, Optional<String> profileImage, StudyState state) {
        public LiveMember {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(profileImage, "profileImage");
            Objects.requireNonNull(state, "state");
        }
    }

    public RoomView {
        Objects.requireNonNull(room, "room");
        studyingNow = List.copyOf(studyingNow);
        if (rank < 1 || totalStudySeconds < room.totalStudySeconds() || todayStudySeconds < 0) {
            throw new IllegalArgumentException("ranks start at 1, and the running sessions only add to the stored total");
        }
    }

    public int liveCount() {
        return studyingNow.size();
    }

    public boolean live() {
        return !studyingNow.isEmpty();
    }
}
