package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Sessions in {@code study_sessions}. Ending is a {@code findOneAndUpdate} on {@code endedAt: null},
 * so exactly one caller ends a session, whether the connection closed or a reaper found it stale.
 */
public final class MongoStudyLedger implements StudyLedger {

    private final MongoCollection<Document> sessions;

    public MongoStudyLedger(MongoDatabase database) {
        this.sessions = database.getCollection("study_sessions");
        sessions.createIndex(Indexes.ascending("roomId", "startedAt"), new IndexOptions().name("by_room_time"));
        sessions.createIndex(Indexes.ascending("userId", "startedAt"), new IndexOptions().name("by_user_time"));
        sessions.createIndex(Indexes.ascending("endedAt", "lastHeartbeatAt"), new IndexOptions().name("open_by_heartbeat"));
    }

    /** A session as stored; public so a bulk loader (the statistics benchmark) writes exactly what {@link #begin} would. */
    public static Document document(StudySession session) {
        return StudySessionMapper.toDocument(session);
    }

    @Override
    public void begin(StudySession session) {
        sessions.insertOne(StudySessionMapper.toDocument(session));
    }

    @Override
    public boolean heartbeat(String sessionId, Instant at) {
        return sessions.updateOne(and(eq("_id", sessionId), eq("endedAt", null), lt("lastHeartbeatAt", Date.from(at))),
                set("lastHeartbeatAt", Date.from(at))).getModifiedCount() == 1;
    }

    @Override
    public Optional<StudySession> end(String sessionId, Instant at) {
        Document current = sessions.find(and(eq("_id", sessionId), eq("endedAt", null))).first();
        if (current == null) {
            return Optional.empty();
        }
        Instant started = current.getDate("startedAt").toInstant();
        Date end = Date.from(at.isBefore(started) ? started : at);
        Document ended = sessions.findOneAndUpdate(and(eq("_id", sessionId), eq("endedAt", null)),
                Updates.combine(set("endedAt", end), max("lastHeartbeatAt", end)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(ended).map(StudySessionMapper::toSession);
    }

    @Override
    public List<StudySession> openWithHeartbeatBefore(Instant cutoff) {
        return find(and(eq("endedAt", null), lt("lastHeartbeatAt", Date.from(cutoff))));
    }

    @Override
    public List<StudySession> inRoom(RoomId roomId, Instant from, Instant to) {
        return find(and(eq("roomId", roomId.value()), overlapping(from, to)));
    }

    @Override
    public List<StudySession> ofUser(UserId userId, Instant from, Instant to) {
        return find(and(eq("userId", userId.value()), overlapping(from, to)));
    }

    @Override
    public void forEachFinished(java.util.function.Consumer<StudySession> action) {
        // Streamed in batches by the cursor: a rebuild of years of history never holds every session at once.
        sessions.find(com.mongodb.client.model.Filters.ne("endedAt", null)).batchSize(5_000)
                .forEach(doc -> action.accept(StudySessionMapper.toSession(doc)));
    }

    @Override
    public long deleteRoom(RoomId roomId) {
        return sessions.deleteMany(eq("roomId", roomId.value())).getDeletedCount();
    }

    private static Bson overlapping(Instant from, Instant to) {
        return and(lt("startedAt", Date.from(to)), or(eq("endedAt", null), gt("endedAt", Date.from(from))));
    }

    private List<StudySession> find(Bson filter) {
        List<StudySession> found = new ArrayList<>();
        sessions.find(filter).sort(Sorts.ascending("startedAt", "_id")).forEach(doc -> found.add(StudySessionMapper.toSession(doc)));
        return found;
    }
}
