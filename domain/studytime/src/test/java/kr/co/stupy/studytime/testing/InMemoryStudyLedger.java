package kr.co.stupy.studytime.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;

/** {@link StudyLedger} in memory, for tests. */
public final class InMemoryStudyLedger implements StudyLedger {

    private final Map<String, StudySession> sessions = new ConcurrentHashMap<>();

    @Override
    public void begin(StudySession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("session " + session.id() + " exists");
        }
    }

    @Override
    public boolean heartbeat(String sessionId, Instant at) {
        boolean[] moved = {false};
        sessions.computeIfPresent(sessionId, (id, s) -> {
            if (!s.isOpen() || !at.isAfter(s.lastHeartbeatAt())) {
                return s;
            }
            moved[0] = true;
            return new StudySession(s.id(), s.userId(), s.roomId(), s.startedAt(), at, Optional.empty(), s.subject());
        });
        return moved[0];
    }

    @Override
    public Optional<StudySession> end(String sessionId, Instant at) {
        StudySession[] ended = {null};
        sessions.computeIfPresent(sessionId, (id, s) -> {
            if (!s.isOpen()) {
                return s;
            }
            Instant end = at.isBefore(s.startedAt()) ? s.startedAt() : at;
            ended[0] = new StudySession(s.id(), s.userId(), s.roomId(), s.startedAt(),
                    end.isAfter(s.lastHeartbeatAt()) ? end : s.lastHeartbeatAt(), Optional.of(end), s.subject());
            return ended[0];
        });
        return Optional.ofNullable(ended[0]);
    }

    @Override
    public List<StudySession> openWithHeartbeatBefore(Instant cutoff) {
        return select(s -> s.isOpen() && s.lastHeartbeatAt().isBefore(cutoff));
    }

    @Override
    public List<StudySession> inRoom(RoomId roomId, Instant from, Instant to) {
        return select(s -> s.roomId().equals(roomId) && overlaps(s, from, to));
    }

    @Override
    public List<StudySession> ofUser(UserId userId, Instant from, Instant to) {
        return select(s -> s.userId().equals(userId) && overlaps(s, from, to));
    }

    @Override
    public void forEachFinished(java.util.function.Consumer<StudySession> action) {
        select(s -> !s.isOpen()).forEach(action);
    }

    @Override
    public long deleteRoom(RoomId roomId) {
        List<StudySession> gone = select(s -> s.roomId().equals(roomId));
        gone.forEach(s -> sessions.remove(s.id()));
        return gone.size();
    }

    private List<StudySession> select(Predicate<StudySession> filter) {
        return sessions.values().stream().filter(filter).sorted(Comparator.comparing(StudySession::startedAt)).toList();
    }

    private static boolean overlaps(StudySession s, Instant from, Instant to) {
        return s.startedAt().isBefore(to) && s.endedAt().map(end -> end.isAfter(from)).orElse(true);
    }
}
