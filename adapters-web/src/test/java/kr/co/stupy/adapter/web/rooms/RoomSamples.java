package kr.co.stupy.adapter.web.rooms;

import kr.co.stupy.studytime.StudyState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomFixtures;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Rooms the stubbed room in-ports answer with. */
public final class RoomSamples {

    static final Instant JOINED_AT = Instant.parse("2026-11-24T10:00:00Z");
    static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$ZGlnZXN0";

    private RoomSamples() {
    }

    /** A locked room with every optional value set: two members, one ban, a picture and an open-chat link. */
    static Room everythingSet(UserId owner, UserId member, UserId banned) {
        return Room.restore(RoomId.newId(), new RoomTitle("Algorithms"), new RoomDescription("one problem a day"),
                Optional.of(new PasswordHash(PASSWORD_HASH)), List.of(new Hashtag("java"), new Hashtag("algo")),
                Optional.of(new OpenChatUrl("https://open.kakao.com/o/abc")), 6, Optional.of("room-picture"), owner,
                List.of(new Member(owner, WebFixtures.CREATED_AT), new Member(member, JOINED_AT)),
                List.of(new Ban(banned, JOINED_AT)), WebFixtures.CREATED_AT, 7200, 3);
    }

    /** An open room of one member and nothing optional. */
    static Room plain(UserId owner) {
        return RoomFixtures.room(owner, WebFixtures.CREATED_AT);
    }

    static RoomView view(Room room) {
        return view(room, 2, 7);
    }

    /** A view with {@code live} members studying (no subject) and the room's stored figures. */
    public static RoomView view(Room room, int live, long rank) {
        List<RoomView.LiveMember> members = java.util.stream.IntStream.range(0, live)
                .mapToObj(i -> new RoomView.LiveMember(UserId.newId(), "live-" + i, Optional.empty(),
                        StudyState.studying(Optional.empty(), WebFixtures.CREATED_AT)))
                .toList();
        return new RoomView(room, members, room.totalStudySeconds(), 0, rank);
    }
}
