package kr.co.stupy.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Rooms for tests. */
public final class RoomFixtures {

    private RoomFixtures() {
    }

    public static Room room(UserId owner, String title, String description, Instant createdAt, String... tags) {
        return Room.open(RoomId.newId(), owner, new RoomTitle(title), new RoomDescription(description), Optional.empty(),
                Hashtags.of(List.of(tags)), Optional.empty(), Optional.empty(), createdAt);
    }

    public static Room room(UserId owner, Instant createdAt) {
        return room(owner, "study", "we study", createdAt);
    }
}
