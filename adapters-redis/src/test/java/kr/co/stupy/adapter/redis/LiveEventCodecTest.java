package kr.co.stupy.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

/** Every kind of live event survives the trip through the bus unchanged. */
class LiveEventCodecTest {

    final LiveEventCodec codec = new LiveEventCodec();
    final Instant at = Instant.parse("2026-11-24T03:00:00.123456789Z");
    final UserId kim = UserId.newId();
    final RoomId room = RoomId.newId();

    @Test
    void everyEventRoundTrips() {
        List<LiveEvent> events = List.of(
                new LiveEvent.PeerJoined(new LivePeer(ConnectionId.newId(), kim, "김공부", Optional.of("/images/a.png"), at)),
                new LiveEvent.PeerJoined(new LivePeer(ConnectionId.newId(), kim, "김공부", Optional.empty(), at)),
                new LiveEvent.PeerJoined(new LivePeer(ConnectionId.newId(), kim, "김공부", Optional.empty(), at,
                        new StudyState(StudyStatus.BREAK, Optional.of(new Subject("토익 \"LC\"")), at.plusSeconds(9)))),
                new LiveEvent.PeerStatus(ConnectionId.newId(), kim, new StudyState(StudyStatus.BREAK, Optional.empty(), at)),
                new LiveEvent.PeerStatus(ConnectionId.newId(), kim, StudyState.studying(Optional.of(new Subject("수학")), at)),
                new LiveEvent.PeerLeft(ConnectionId.newId(), kim),
                new LiveEvent.ChatPosted(new RoomMessage(ChatMessage.byMember(room, kim, new MessageText("안녕 \"<b>\" 🙂"),
                        new ClientMessageId("c-1"), at), "김공부")),
                new LiveEvent.ChatPosted(new RoomMessage(ChatMessage.notice(room, kim, new MessageText("김공부 님이 나갔어요"), at),
                        RoomMessage.LEFT_USER)),
                new LiveEvent.Signal(ConnectionId.newId(), kim, "candidate",
                        new SignalPayload("{\"candidate\":\"a=1\",\"sdpMLineIndex\":0,\"nested\":{\"list\":[1,\"two\",true,\"안녕 \\\"x\\\"\"]}}")),
                new LiveEvent.StudyUpdate(List.of(new LeaderboardEntry(kim, "김공부", Optional.empty(), 3600, true, 42,
                                Optional.of(StudyState.studying(Optional.of(new Subject("수학")), at))),
                        new LeaderboardEntry(UserId.newId(), "박", Optional.empty(), 60, true, 0,
                                Optional.of(new StudyState(StudyStatus.BREAK, Optional.empty(), at))),
                        new LeaderboardEntry(UserId.newId(), "이", Optional.of("/i.png"), 0, false, 0))),
                new LiveEvent.Kicked(), new LiveEvent.Left(), new LiveEvent.RoomClosed(), new LiveEvent.Replaced());
        for (LiveEvent event : events) {
            var envelope = new LiveEventCodec.Envelope(List.of(ConnectionId.newId(), ConnectionId.newId()), event);
            assertEquals(envelope, codec.decode(codec.encode(envelope)), event.getClass().getSimpleName());
        }
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode("{not json"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("{\"to\":[],\"event\":{\"t\":\"dance\"}}"));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new LiveEventCodec.Envelope(List.of(ConnectionId.newId()),
                LiveEvent.PomodoroUpdate.of(Optional.empty(), at))), "each node tells its own connections of the pomodoro");
    }
}
