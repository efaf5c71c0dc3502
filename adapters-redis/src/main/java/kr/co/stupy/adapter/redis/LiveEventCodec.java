package kr.co.stupy.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;

/**
 * {@link LiveEvent}s as they cross the bus: {@code {"to":[connectionId...],"at":micros,"event":{"t":...}}},
 * where {@code at} (microseconds since the epoch, on the publishing node's clock) is when it was
 * published, so the receiving node can time the fan-out; a node that does not know it ignores it.
 * Written out field by field rather than by reflection, so the domain types stay free of JSON
 * annotations and a renamed field cannot silently change the wire format between node versions.
 */
final class LiveEventCodec {

    /** One publication: an event for some connections of one node, published at {@code sentAtMicros} (0: not said). */
    record Envelope(List<ConnectionId> to, LiveEvent event, long sentAtMicros) {
        Envelope(List<ConnectionId> to, LiveEvent event) {
            this(to, event, 0);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();

    String encode(Envelope envelope) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode to = root.putArray("to");
        envelope.to().forEach(id -> to.add(id.value()));
        if (envelope.sentAtMicros() > 0) {
            root.put("at", envelope.sentAtMicros());
        }
        root.set("event", event(envelope.event()));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Envelope decode(String text) {
        try {
            JsonNode root = mapper.readTree(text);
            List<ConnectionId> to = new ArrayList<>();
            root.get("to").forEach(id -> to.add(new ConnectionId(id.asText())));
            return new Envelope(to, event(root.get("event")), root.path("at").asLong(0));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a live event: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode event(LiveEvent event) {
        ObjectNode n = mapper.createObjectNode();
        switch (event) {
            case LiveEvent.PeerJoined(LivePeer peer) -> {
                n.put("t", "peer-joined");
                putPeer(n.putObject("peer"), peer);
            }
            case LiveEvent.PeerStatus(ConnectionId connectionId, UserId userId, StudyState state) -> {
                n.put("t", "peer-status");
                n.put("connectionId", connectionId.value());
                n.put("userId", userId.value());
                putState(n, state);
            }
            case LiveEvent.PeerLeft(ConnectionId connectionId, UserId userId) -> {
                n.put("t", "peer-left");
                n.put("connectionId", connectionId.value());
                n.put("userId", userId.value());
            }
            case LiveEvent.ChatPosted(RoomMessage posted) -> {
                n.put("t", "chat");
                ChatMessage m = posted.message();
                n.put("nickname", posted.nickname());
                ObjectNode o = n.putObject("message");
                o.put("id", m.id());
                o.put("roomId", m.roomId().value());
                o.put("userId", m.userId().value());
                o.put("text", m.text().value());
                o.put("system", m.system());
                o.put("clientMsgId", m.clientMsgId().map(ClientMessageId::value).orElse(null));
                o.put("sentAt", m.sentAt().toString());
            }
            case LiveEvent.Signal(ConnectionId from, UserId fromUserId, String kind, SignalPayload payload) -> {
                n.put("t", "signal");
                n.put("from", from.value());
                n.put("fromUserId", fromUserId.value());
                n.put("kind", kind);
                n.putRawValue("payload", new RawValue(payload.json()));
            }
            case LiveEvent.StudyUpdate(List<LeaderboardEntry> leaderboard) -> {
                n.put("t", "study");
                ArrayNode entries = n.putArray("leaderboard");
                leaderboard.forEach(entry -> putEntry(entries.addObject(), entry));
            }
            case LiveEvent.PomodoroUpdate update -> throw new IllegalArgumentException(
                    "a pomodoro update is told by the node that holds the connection, never published on the bus");
            case LiveEvent.Kicked k -> n.put("t", "kicked");
            case LiveEvent.Left l -> n.put("t", "left");
            case LiveEvent.RoomClosed c -> n.put("t", "room-closed");
            case LiveEvent.Replaced r -> n.put("t", "replaced");
        }
        return n;
    }

    private LiveEvent event(JsonNode n) {
        return switch (n.path("t").asText()) {
            case "peer-joined" -> {
                JsonNode p = n.get("peer");
                yield new LiveEvent.PeerJoined(new LivePeer(new ConnectionId(p.get("connectionId").asText()),
                        new UserId(p.get("userId").asText()), p.get("nickname").asText(), optional(p, "profileImage"),
                        Instant.parse(p.get("since").asText()),
                        state(p).orElseGet(() -> StudyState.studying(Optional.empty(), Instant.parse(p.get("since").asText())))));
            }
            case "peer-status" -> new LiveEvent.PeerStatus(new ConnectionId(n.get("connectionId").asText()),
                    new UserId(n.get("userId").asText()), state(n).orElseThrow());
            case "peer-left" -> new LiveEvent.PeerLeft(new ConnectionId(n.get("connectionId").asText()), new UserId(n.get("userId").asText()));
            case "chat" -> {
                JsonNode o = n.get("message");
                ChatMessage message = new ChatMessage(o.get("id").asText(), new RoomId(o.get("roomId").asText()),
                        new UserId(o.get("userId").asText()), new MessageText(o.get("text").asText()), o.get("system").asBoolean(),
                        optional(o, "clientMsgId").map(ClientMessageId::new), Instant.parse(o.get("sentAt").asText()));
                yield new LiveEvent.ChatPosted(new RoomMessage(message, n.get("nickname").asText()));
            }
            case "signal" -> new LiveEvent.Signal(new ConnectionId(n.get("from").asText()), new UserId(n.get("fromUserId").asText()),
                    n.get("kind").asText(), new SignalPayload(n.get("payload").toString()));
            case "study" -> {
                List<LeaderboardEntry> entries = new ArrayList<>();
                for (JsonNode o : n.get("leaderboard")) {
                    entries.add(new LeaderboardEntry(new UserId(o.get("userId").asText()), o.get("nickname").asText(),
                            optional(o, "profileImage"), o.get("studySeconds").asLong(), o.get("live").asBoolean(),
                            o.get("liveSeconds").asLong(), state(o)));
                }
                yield new LiveEvent.StudyUpdate(entries);
            }
            case "kicked" -> new LiveEvent.Kicked();
            case "left" -> new LiveEvent.Left();
            case "room-closed" -> new LiveEvent.RoomClosed();
            case "replaced" -> new LiveEvent.Replaced();
            default -> throw new IllegalArgumentException("unknown live event type '" + n.path("t").asText() + "'");
        };
    }

    private static void putPeer(ObjectNode p, LivePeer peer) {
        p.put("connectionId", peer.connectionId().value());
        p.put("userId", peer.userId().value());
        p.put("nickname", peer.nickname());
        p.put("profileImage", peer.profileImage().orElse(null));
        p.put("since", peer.since().toString());
        putState(p, peer.state());
    }

    private static void putEntry(ObjectNode o, LeaderboardEntry e) {
        o.put("userId", e.userId().value());
        o.put("nickname", e.nickname());
        o.put("profileImage", e.profileImage().orElse(null));
        o.put("studySeconds", e.studySeconds());
        o.put("live", e.live());
        o.put("liveSeconds", e.liveSeconds());
        e.state().ifPresent(state -> putState(o, state));
    }

    private static void putState(ObjectNode node, StudyState state) {
        node.put("status", state.status().key());
        node.put("subject", state.subject().map(Subject::name).orElse(null));
        node.put("statusSince", state.since().toString());
    }

    /** The state a node wrote with {@link #putState}; empty when there is none (an entry of someone not live). */
    private static Optional<StudyState> state(JsonNode node) {
        Optional<String> status = optional(node, "status");
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudyState(StudyStatus.ofKey(status.get()).orElseThrow(() -> new IllegalArgumentException("unknown status")),
                optional(node, "subject").map(Subject::new), Instant.parse(node.get("statusSince").asText())));
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
