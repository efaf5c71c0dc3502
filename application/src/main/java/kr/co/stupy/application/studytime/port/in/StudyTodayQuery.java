package kr.co.stupy.application.studytime.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.SubjectTimes;

/**
 * A student's own clock: the study day that holds now in {@code zone} (with the configured day start),
 * what they studied in it, by subject, against their goal, and what runs now. Every figure is taken at
 * {@code serverTime}, the running session included up to it.
 */
public interface StudyTodayQuery {

    StudyToday today(UserId userId, ZoneId zone);

    /**
     * @param sessionSeconds the running study session's counted seconds (since the last break or change
     *                       of subject); 0 on a break
     */
    record LiveStudy(RoomId roomId, StudyState state, long sessionSeconds) {
        public LiveStudy {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(state, "state");
        }
    }

    record StudyToday(LocalDate date, long studySeconds, Optional<DailyGoal> goal, SubjectTimes bySubject, Optional<LiveStudy> live,
                      Instant serverTime) {
        public StudyToday {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(bySubject, "bySubject");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(serverTime, "serverTime");
            if (bySubject.total() != studySeconds) {
                throw new IllegalArgumentException("the subjects add up to the day's study time");
            }
        }

        public boolean goalMet() {
            return goal.filter(g -> g.metBy(studySeconds)).isPresent();
        }
    }
}
