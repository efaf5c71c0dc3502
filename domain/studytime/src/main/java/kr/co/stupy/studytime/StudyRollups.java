package kr.co.stupy.studytime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Study seconds summed per (user, study day) and per (room, study day), for the configured zone and
 * day start, so a year of statistics or a ranking reads per-day totals instead of every session.
 * Totals are raw sums of the sessions' day pieces; the sixteen-hour cap is applied by the reader,
 * because it is a rule about the sum, not about one session. Every change is one atomic increment
 * of one document per key, so nodes finishing sessions at once never lose a second.
 */
public interface StudyRollups {

    /** Adds one finished session's seconds per study day to its user and its room; negative takes them back. */
    void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay);

    /** The user's summed seconds per day in {@code [first, last]}; days without study are absent. */
    SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last);

    /** Each room's seconds summed over {@code [first, last]}; rooms without study in it are absent. */
    Map<RoomId, Long> ofRooms(LocalDate first, LocalDate last);

    /** Forgets the per-day totals of a deleted room (its users' totals are taken back by the caller). */
    void deleteRoom(RoomId roomId);

    /** Every non-zero total, for comparing with a rebuild from the ledger. */
    Totals all();

    /** Replaces every total with {@code totals}: the rebuild. */
    void replaceAll(Totals totals);

    /** A key of one total: a user's or a room's id and a study day. */
    record DayKey(String ownerId, LocalDate day) {
        public DayKey {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** All totals, zero totals left out, so two sets of totals compare with {@code equals}. */
    record Totals(Map<DayKey, Long> users, Map<DayKey, Long> rooms) {
        public Totals {
            users = nonZero(users);
            rooms = nonZero(rooms);
        }

        private static Map<DayKey, Long> nonZero(Map<DayKey, Long> totals) {
            Map<DayKey, Long> kept = new java.util.HashMap<>();
            totals.forEach((key, seconds) -> {
                if (seconds != 0) {
                    kept.put(key, seconds);
                }
            });
            return Map.copyOf(kept);
        }

        /** The totals a ledger's finished sessions make, split by {@code policy}'s study days. */
        public static Totals of(Iterable<StudySession> finished, StudyDayPolicy policy) {
            Map<DayKey, Long> users = new java.util.HashMap<>();
            Map<DayKey, Long> rooms = new java.util.HashMap<>();
            for (StudySession session : finished) {
                StudyRollups.piecesOf(session, policy).forEach((day, seconds) -> {
                    users.merge(new DayKey(session.userId().value(), day), seconds, Long::sum);
                    rooms.merge(new DayKey(session.roomId().value(), day), seconds, Long::sum);
                });
            }
            return new Totals(users, rooms);
        }
    }

    /**
     * What a finished session adds per study day: nothing under the five-second minimum, otherwise
     * its span split at day starts exactly as {@link DailyStudy} splits it, so roll-ups and a
     * computation from sessions agree to the second.
     */
    static SortedMap<LocalDate, Long> piecesOf(StudySession session, StudyDayPolicy policy) {
        if (session.isOpen()) {
            throw new IllegalArgumentException("only a finished session is rolled up");
        }
        Instant end = session.endedAt().orElseThrow();
        if (session.counted(end).isZero()) {
            return new java.util.TreeMap<>();
        }
        return policy.split(session.startedAt(), end);
    }
}
