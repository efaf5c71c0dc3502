package kr.co.stupy.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreWellFormedUniqueAndSortByTime() {
        Set<String> seen = new HashSet<>();
        String previous = Ids.newId(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = 1; i <= 1000; i++) {
            String id = Ids.newId(Instant.parse("2026-01-01T00:00:00Z").plusMillis(i));
            assertTrue(Ids.isWellFormed(id), id);
            assertEquals(Ids.LENGTH, id.length());
            assertTrue(id.compareTo(previous) > 0, "ids of later instants sort after earlier ones");
            assertTrue(seen.add(id));
            previous = id;
        }
    }

    @Test
    void idsOfOneMillisecondSortInTheOrderTheyWereMade() {
        Instant sameMillisecond = Instant.parse("2026-11-24T09:00:00.123Z");
        String previous = Ids.newId(sameMillisecond);
        for (int i = 0; i < 10_000; i++) {
            String next = Ids.newId(sameMillisecond);
            assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
            previous = next;
        }
    }

    @Test
    void refusesAnythingElse() {
        assertFalse(Ids.isWellFormed(null));
        assertFalse(Ids.isWellFormed(""));
        assertFalse(Ids.isWellFormed("abc"));
        assertFalse(Ids.isWellFormed("0".repeat(25) + "I"));
        assertFalse(Ids.isWellFormed("8" + "0".repeat(25)));
        assertFalse(Ids.isWellFormed("{\"$gt\":\"\"}"));
        assertTrue(UserId.parse("../etc/passwd").isEmpty());
    }
}
