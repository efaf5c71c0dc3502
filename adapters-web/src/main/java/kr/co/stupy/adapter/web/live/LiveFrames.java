package kr.co.stupy.adapter.web.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kr.co.stupy.adapter.web.image.ImageUrls;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.Subject;

/** The JSON frames of the WebSocket contract, one mapping per event. */
public final class LiveFrames {

    public record Peer(String connectionId, String userId, String nickname, String profileImageUrl, Instant since, String status,
                       String subject) {
        static Peer of(LivePeer peer) {
            return new Peer(peer.connectionId().value(), peer.userId().value(), peer.nickname(),
                    peer.profileImage().map(ImageUrls::of).orElse(null), peer.since(), peer.state().status().key(),
                    subjectOf(peer.state()));
        }
    }



    public record Message(String id, String roomId, String userId, String nickname, String text, boolean system,
                          String clientMsgId, Instant sentAt) {
        public static Message of(RoomMessage live) {
            var m = live.message();
            return new Message(m.id(), m.roomId().value(), m.userId().value(), live.nickname(), m.text().value(), m.system(),
                    m.clientMsgId().map(ClientMessageId::value).orElse(null), m.sentAt());
        }
    }

    /** A leaderboard entry; {@code status} and {@code subject} are a live member's (null when not live). */
    public record Entry(String userId, String nickname, String profileImageUrl, long studySeconds, boolean live, long liveSeconds,
                        String status, String subject) {
        public static Entry of(LeaderboardEntry e) {
            return new Entry(e.userId().value(), e.nickname(), e.profileImage().map(ImageUrls::of).orElse(null),
                    e.studySeconds(), e.live(), e.liveSeconds(), e.state().map(s -> s.status().key()).orElse(null),
                    e.state().map(LiveFrames::subjectOf).orElse(null));
        }
    }

    static String subjectOf(StudyState state) {
        return state.subject().map(Subject::name).orElse(null);
    }

    private LiveFrames() {
    }

    static Map<String, Object> welcome(ConnectLiveUseCase.Welcome welcome, LiveRoomViews.Views views) {
        Map<String, Object> frame = typed("welcome");
        frame.put("connectionId", welcome.connectionId().value());
        frame.put("room", views.room());
        Map<String, Object> you = new LinkedHashMap<>(views.you());
        you.put("status", welcome.state().status().key());
        you.put("subject", subjectOf(welcome.state()));
        frame.put("you", you);
        frame.put("peers", welcome.peers().stream().map(Peer::of).toList());
        frame.put("recentMessages", welcome.recentMessages().stream().map(Message::of).toList());
        frame.put("leaderboard", entries(welcome.leaderboard()));
        frame.put("pomodoro", pomodoro(welcome.pomodoro()));
        frame.put("serverTime", welcome.serverTime());
        return frame;
    }

    /**
     * An event's frame as JSON text: every local recipient of the event is sent these same
     * characters. A {@code signal}, the most frequent frame while calls are set up and one whose
     * payload is JSON already, is written straight to text; every other frame is a map that
     * {@code encoder} writes.
     */
    static String text(LiveEvent event, Function<Map<String, Object>, String> encoder) {
        Map<String, Object> frame;
        switch (event) {
            case LiveEvent.Signal signal -> {
                return signal(signal);
            }
            case LiveEvent.PeerJoined joined -> frame = with("peer-joined", "peer", Peer.of(joined.peer()));
            case LiveEvent.PeerLeft left -> {
                frame = typed("peer-left");
                frame.put("connectionId", left.connectionId().value());
                frame.put("userId", left.userId().value());
            }
            case LiveEvent.ChatPosted posted -> frame = with("chat", "message", Message.of(posted.message()));
            case LiveEvent.PeerStatus status -> frame = peerStatus(status);
            case LiveEvent.PomodoroUpdate update -> frame = with("pomodoro", "pomodoro", pomodoro(update));
            case LiveEvent.StudyUpdate update -> frame = with("study", "leaderboard", entries(update.leaderboard()));
            case LiveEvent.Kicked kicked -> frame = typed("kicked");
            case LiveEvent.Left left -> frame = typed("left");
            case LiveEvent.RoomClosed closed -> frame = typed("room-closed");
            case LiveEvent.Replaced replaced -> frame = typed("replaced");
        }
        return encoder.apply(frame);
    }

    /** The {@code type} of the frame {@link #text} writes for the event (what the traffic counters are told). */
    static String typeOf(LiveEvent event) {
        return switch (event) {
            case LiveEvent.Signal signal -> "signal";
            case LiveEvent.PeerJoined joined -> "peer-joined";
            case LiveEvent.PeerLeft left -> "peer-left";
            case LiveEvent.ChatPosted posted -> "chat";
            case LiveEvent.PeerStatus status -> "peer-status";
            case LiveEvent.PomodoroUpdate update -> "pomodoro";
            case LiveEvent.StudyUpdate update -> "study";
            case LiveEvent.Kicked kicked -> "kicked";
            case LiveEvent.Left left -> "left";
            case LiveEvent.RoomClosed closed -> "room-closed";
            case LiveEvent.Replaced replaced -> "replaced";
        };
    }

    /** The pong, written once. */
    static final String PONG = "{\"type\":\"pong\"}";

    /** {@code {"type":"signal","from","fromUserId","kind","payload"}}, the payload relayed as the sender wrote it. */
    private static String signal(LiveEvent.Signal signal) {
        String payload = signal.payload().json();
        StringBuilder out = new StringBuilder(120 + payload.length());
        out.append("{\"type\":\"signal\",\"from\":");
        quoted(out, signal.from().value());
        out.append(",\"fromUserId\":");
        quoted(out, signal.fromUserId().value());
        out.append(",\"kind\":");
        quoted(out, signal.kind());
        return out.append(",\"payload\":").append(payload).append('}').toString();
    }

    private static void quoted(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }

    private static PomodoroResponse pomodoro(LiveEvent.PomodoroUpdate update) {
        return update.pomodoro().map(p -> PomodoroResponse.of(p, update.phase().orElseThrow(), update.serverTime())).orElse(null);
    }

    /** {@code peer-status}: {@code since} is when this state began. */
    private static Map<String, Object> peerStatus(LiveEvent.PeerStatus status) {
        Map<String, Object> frame = typed("peer-status");
        frame.put("connectionId", status.connectionId().value());
        frame.put("userId", status.userId().value());
        frame.put("status", status.state().status().key());
        frame.put("subject", subjectOf(status.state()));
        frame.put("since", status.state().since());
        return frame;
    }

    /** {@code error}; {@code answering} is the type of the client frame it answers, so a client can tell which ask failed. */
    static Map<String, Object> error(String code, String message, Optional<String> answering) {
        Map<String, Object> frame = typed("error");
        frame.put("code", code);
        frame.put("message", message);
        frame.put("frame", answering.filter(type -> !type.isEmpty()).orElse(null));
        return frame;
    }


    private static List<Entry> entries(List<LeaderboardEntry> entries) {
        return entries.stream().map(Entry::of).toList();
    }

    private static Map<String, Object> with(String type, String key, Object value) {
        Map<String, Object> frame = typed(type);
        frame.put(key, value);
        return frame;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        return frame;
    }
}
