package kr.co.stupy.studytime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours.MemberKey;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.QuarterHours;
import org.junit.jupiter.api.Test;

/** What every {@link MemberQuarterHours} promises. Extend it once per implementation. */
public abstract class AbstractMemberQuarterHoursContract extends RollupContract<MemberQuarterHours> {

    private MemberKey member(RoomId where, UserId who) {
        return new MemberKey(where.value(), who.value());
    }

    @Test
    void memberQuarterHoursAreKeptPerRoomAndReadByUtcDateOrAllTime() {
        rollup.add(kim, room, LATE);
        rollup.add(kim, room, OLD);
        rollup.add(kim, otherRoom, MINUTE);
        rollup.add(lee, room, MINUTE);
        UserId stranger = UserId.newId();

        assertEquals(Map.of(kim, LATE.storedUnder(D1, D1), lee, MINUTE), rollup.ofMembers(room, List.of(kim, lee, stranger), D1, D1));
        assertEquals(Map.of(kim, LATE), rollup.ofMembers(room, List.of(kim), D1, D2));
        assertEquals(Map.of(kim, OLD), rollup.ofMembers(room, List.of(kim, lee), YEAR_BEFORE, YEAR_BEFORE));
        assertEquals(Map.of(), rollup.ofMembers(room, List.of(kim, lee), D2.plusDays(1), D2.plusDays(40)));
        assertEquals(Map.of(kim, LATE.plus(OLD), lee, MINUTE), rollup.allOfMembers(room, List.of(kim, lee, stranger)),
                "all time finds a year-old date too");
        assertEquals(Map.of(kim, MINUTE), rollup.allOfMembers(otherRoom, List.of(kim, lee)));
        assertEquals(Map.of(lee, MINUTE), rollup.allOfMembers(room, List.of(lee)), "only the members asked for");
        assertEquals(Map.of(), rollup.allOfMembers(room, List.of()));
        assertEquals(Map.of(member(room, kim), LATE.plus(OLD), member(room, lee), MINUTE, member(otherRoom, kim), MINUTE), rollup.all());
    }

    @Test
    void deletingARoomForgetsItsMembersQuarterHours() {
        rollup.add(kim, room, LATE);
        rollup.add(kim, room, OLD);
        rollup.add(kim, otherRoom, MINUTE);

        rollup.add(kim, room, LATE.negated());   // given back to nothing, the documents still exist until the room goes
        rollup.add(kim, room, OLD.negated());
        rollup.deleteRoom(room);

        assertEquals(Map.of(), rollup.ofMembers(room, List.of(kim), D1, D2));
        assertEquals(Map.of(), rollup.allOfMembers(room, List.of(kim)));
        assertEquals(Map.of(kim, MINUTE), rollup.allOfMembers(otherRoom, List.of(kim)));
        assertEquals(Map.of(member(otherRoom, kim), MINUTE), rollup.all());
    }

    @Test
    void memberQuarterHoursAreReplacedAndReadBackAsStored() {
        rollup.add(kim, room, LATE);
        Map<MemberKey, QuarterHours> rebuilt = Map.of(member(room, lee), LATE.plus(OLD), member(otherRoom, kim), MINUTE);

        rollup.replaceAll(rebuilt);

        assertEquals(rebuilt, rollup.all());
        assertEquals(Map.of(lee, LATE.plus(OLD)), rollup.allOfMembers(room, List.of(kim, lee)));
        assertEquals(Map.of(lee, OLD), rollup.ofMembers(room, List.of(kim, lee), YEAR_BEFORE, YEAR_BEFORE));
        assertEquals(Map.of(kim, MINUTE), rollup.ofMembers(otherRoom, List.of(kim, lee), D1, D2));

        // Added after a rebuild, a new date is found by all time like the rebuilt ones.
        Instant later = D2.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        QuarterHours added = QuarterHours.of(later, later.plusSeconds(30));
        rollup.add(lee, room, added);
        assertEquals(Map.of(lee, LATE.plus(OLD).plus(added)), rollup.allOfMembers(room, List.of(lee)));
    }

    @Test
    void concurrentQuarterHoursAreNeverLost() {
        concurrently(8, 5, () -> rollup.add(kim, room, LATE));
        QuarterHours all = timesLate(8 * 5);
        assertEquals(Map.of(kim, all), rollup.allOfMembers(room, List.of(kim)));
    }
}
