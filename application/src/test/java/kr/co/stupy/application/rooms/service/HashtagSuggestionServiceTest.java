package kr.co.stupy.application.rooms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;
import kr.co.stupy.rooms.InMemoryRooms;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.MutableClock;
import org.junit.jupiter.api.Test;

class HashtagSuggestionServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    private final InMemoryRooms rooms = new InMemoryRooms();
    private final MutableClock clock = new MutableClock(T0);
    private final HashtagSuggestionService suggestions = new HashtagSuggestionService(rooms, clock);

    @Test
    void suggestsTheMostUsedTagsAndSeesNewRoomsOnceTheAnswerIsStale() {
        rooms.insert(RoomFixtures.room(UserId.newId(), "a", "a", T0, "자격증", "자바"));
        rooms.insert(RoomFixtures.room(UserId.newId(), "b", "b", T0, "자격증"));
        assertEquals(List.of("자격증:2", "자바:1"), names(suggestions.suggest(new HashtagPrefix("자"), 8)));
        assertEquals(List.of("자격증:2"), names(suggestions.suggest(new HashtagPrefix("#자"), 1)), "a shorter answer from the same count");

        Room third = RoomFixtures.room(UserId.newId(), "c", "c", T0, "자바", "자소서");
        rooms.insert(third);
        assertEquals(List.of("자격증:2", "자바:1"), names(suggestions.suggest(new HashtagPrefix("자"), 8)), "still fresh");

        clock.advance(HashtagSuggestionService.FRESH_FOR);
        assertEquals(List.of("자격증:2", "자바:2", "자소서:1"), names(suggestions.suggest(new HashtagPrefix("자"), 8)));
        assertEquals(List.of("자소서:1"), names(suggestions.suggest(new HashtagPrefix("자소"), 8)), "each prefix counted on its own");
    }

    @Test
    void refusesALimitOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> suggestions.suggest(HashtagPrefix.ANY, 0));
        assertThrows(IllegalArgumentException.class, () -> suggestions.suggest(HashtagPrefix.ANY, 21));
    }

    private static List<String> names(List<HashtagUse> uses) {
        return uses.stream().map(use -> use.tag().value() + ":" + use.rooms()).toList();
    }
}
