package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Each room member's study per UTC quarter hour ({@link QuarterHours}): what a room leaderboard in a
 * zone other than the configured one reads. Such a board sums a handful of members' quarters into
 * that zone's study days and caps them, instead of reading every session the room ever had.
 */
public interface MemberQuarterHours extends RebuiltFromLedger<Map<MemberQuarterHours.MemberKey, QuarterHours>> {

    /** Adds one finished session's {@link QuarterHours#of quarter hours} to its user as a member of its room; negative takes them back. */
    void add(UserId userId, RoomId roomId, QuarterHours quarters);

    /**
     * The members' quarter hours in the room stored under the UTC dates {@code [firstUtcDate, lastUtcDate]};
     * members without any are absent. Reads at most members × dates by key, so callers keep both small
     * (a board: ten members, a month's dates at most).
     */
    Map<UserId, QuarterHours> ofMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate, LocalDate lastUtcDate);

    /**
     * Every quarter hour the members have in the room, for an all-time board in another zone: which
     * UTC dates a member studied on is not known beforehand, so implementations keep the dates of each
     * member and read only those, never another member's or another room's.
     */
    Map<UserId, QuarterHours> allOfMembers(RoomId roomId, Collection<UserId> members);

    /** Forgets the quarter hours of every member of a deleted room (its users' own are taken back by the caller). */
    void deleteRoom(RoomId roomId);

    /** Every room member's quarter hours as a board would read them (a rebuild repairs what a board would miss). */
    @Override
    Map<MemberKey, QuarterHours> all();

    /** A user as a member of one room: whose quarter hours a board in another zone reads. */
    record MemberKey(String roomId, String userId) {
        public MemberKey {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(userId, "userId");
        }
    }
}
