package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import kr.co.stupy.shared.RoomId;

/**
 * Study seconds summed per (room, study day) and per (room, day/week/month bucket), for the configured
 * zone and day start, so a period ranking reads one bucket instead of every room's every day. The
 * bucket totals are the room-day totals summed per bucket: {@link Totals#derived} makes them, so a
 * rebuild restores and checks them as well. Every change is atomic increments of single totals.
 */
public interface RoomPeriodTotals extends RebuiltFromLedger<RoomPeriodTotals.Totals> {

    /** Adds one finished session's seconds per study day to its room and the room's day, week and month buckets; negative takes them back. */
    void add(RoomId roomId, SortedMap<LocalDate, Long> secondsByDay);

    /** Each room's seconds in one day, week or month; rooms without study in it are absent. */
    Map<RoomId, Long> ofRooms(PeriodBucket bucket);

    /** The seconds of each of {@code rooms} on one study day (a page of room cards); rooms without study that day are absent. */
    Map<RoomId, Long> onDay(LocalDate day, Collection<RoomId> rooms);

    /** Forgets the per-day and per-bucket totals of a deleted room. */
    void deleteRoom(RoomId roomId);

    /** A key of one day total: a room's id and a study day. */
    record RoomDay(String roomId, LocalDate day) {
        public RoomDay {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A key of one bucket total: a room's seconds in one day, week or month. */
    record BucketKey(PeriodBucket bucket, String roomId) {
        public BucketKey {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(roomId, "roomId");
        }
    }

    /**
     * Room-day and bucket totals, zero totals left out, so two sets of totals compare with {@code equals}.
     * The bucket totals are stored apart from the room-day totals they sum, so stored totals carry both
     * and can disagree; totals computed from the ledger derive them.
     */
    record Totals(Map<RoomDay, Long> days, Map<BucketKey, Long> buckets) {
        public Totals {
            days = DayTotals.nonZero(days);
            buckets = DayTotals.nonZero(buckets);
        }

        /** Room-day totals with the bucket totals they make: what a ledger makes. */
        public static Totals derived(Map<RoomDay, Long> days) {
            return new Totals(days, bucketsOf(days));
        }

        /** Each room's day totals summed into the day, week and month buckets holding the day. */
        public static Map<BucketKey, Long> bucketsOf(Map<RoomDay, Long> roomDays) {
            return DayTotals.summedInto(roomDays, day -> PeriodBucket.allContaining(day.day()),
                    (day, bucket) -> new BucketKey(bucket, day.roomId()), seconds -> seconds);
        }
    }
}
