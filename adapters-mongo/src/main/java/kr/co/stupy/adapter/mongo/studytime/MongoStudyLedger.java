package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in {@code study_sessions}. Ending is a {@code findOneAndUpdate} on {@code endedAt: null},
 * so exactly one caller ends a session, whether the connection closed or a reaper found it stale.
 * <p>
 * Every open session is also an entry in {@code study_open_sessions} (same {@code _id}, its room,
 * user and start), because the reaper asks every 15 s for open sessions that stopped beating and the
 * embedded store ignores secondary indexes: asked of {@code study_sessions} that question scans every
 * session ever recorded (36 s at 5.5 million); asked of the open entries it reads the few sessions
 * open now by {@code _id}. {@code study_sessions} stays the truth, heartbeats included; an entry only
 * says "look here", so a heartbeat stays one write, and a node's periodic beat of every session it
 * holds is one write in all ({@link NodeBeats}):
 * <ul>
 *   <li>{@link #begin} writes the entry <em>before</em> the session, so a crash between the two
 *       writes leaves an entry without a session (garbage, dropped by the reaper), never an open
 *       session no reaper can find.</li>
 *   <li>{@link #end} removes the entry after the session's conditional end succeeded; a crash in
 *       between leaves an entry of an ended session, which the reaper drops.</li>
 *   <li>{@link #openWithHeartbeatBefore} reads the entries and their sessions in one {@code _id $in},
 *       drops entries whose session ended (or has been missing for {@link #MISSING_SESSION_GRACE}),
 *       and returns the sessions whose own last heartbeat is before the cutoff.</li>
 * </ul>
 * Each write is one single-document operation; nothing needs a transaction.
 */
public final class MongoStudyLedger implements StudyLedger {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStudyLedger.class);
    /** The marker in {@code migrations} saying open sessions recorded before the open entries existed were copied in. */
    static final String SEEDED = "study_open_sessions.seeded";

    /** How long an entry whose session cannot be found is kept, in case that session's insert is merely late. */
    static final Duration MISSING_SESSION_GRACE = Duration.ofMinutes(10);

    /** Sessions beaten by one update. */
    static final int HEARTBEAT_SLICE = 1_000;

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> open;
    private final NodeBeats nodeBeats;

    /**
     * Declares the indexes and, the first time it meets a database from before the open entries,
     * copies that database's open sessions into them with one scan of the ledger. A marker records
     * that this was done: without it every clean start (no one live, no entries) would scan the whole
     * ledger again. Nodes of an older version must not keep running once one node of this version has
     * started: sessions they begin would get no entry.
     */
    public MongoStudyLedger(MongoDatabase database) {
        this.sessions = database.getCollection("study_sessions");
        this.open = database.getCollection("study_open_sessions");
        this.nodeBeats = new NodeBeats(database.getCollection("study_beats"), sessions);
        sessions.createIndex(Indexes.ascending("roomId", "startedAt"), new IndexOptions().name("by_room_time"));
        sessions.createIndex(Indexes.ascending("userId", "startedAt"), new IndexOptions().name("by_user_time"));
        // Read once, by the seeding below; kept so real MongoDB answers that scan from the index.
        sessions.createIndex(Indexes.ascending("endedAt", "lastHeartbeatAt"), new IndexOptions().name("open_by_heartbeat"));
        seedOpenEntriesOnce(database.getCollection("migrations"));
    }

    /** A session as stored; public so a bulk loader (the statistics benchmark) writes exactly what {@link #begin} would. */
    public static Document document(StudySession session) {
        return StudySessionMapper.toDocument(session);
    }

    @Override
    public void begin(StudySession session) {
        // Entry first (see the class comment). If the session insert fails the entry stays: its ack may
        // have been lost after the session was written, and a wrongly kept entry only costs the reaper a look.
        open.insertOne(openEntry(session));
        sessions.insertOne(nodeBeats.stamp(StudySessionMapper.toDocument(session)));
        nodeBeats.began(session.id());
    }

    @Override
    public boolean heartbeat(String sessionId, Instant at) {
        Date when = Date.from(at);
        return sessions.updateOne(and(eq("_id", sessionId), eq("endedAt", null), lt("lastHeartbeatAt", when)),
                set("lastHeartbeatAt", when)).getModifiedCount() == 1;
    }

    /** One update for a node's whole beat, in slices so no single command grows without bound. */
    @Override
    public int heartbeatAll(Collection<String> sessionIds, Instant at) {
        Date when = Date.from(at);
        List<String> ids = List.copyOf(sessionIds);
        int moved = 0;
        for (int from = 0; from < ids.size(); from += HEARTBEAT_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_SLICE));
            moved += (int) sessions.updateMany(and(in("_id", slice), eq("endedAt", null), lt("lastHeartbeatAt", when)),
                    set("lastHeartbeatAt", when)).getModifiedCount();
        }
        return moved;
    }

    /** One write to this node's document in {@code study_beats}, however many sessions it holds (see {@link NodeBeats}). */
    @Override
    public void beatEveryHeld(Collection<String> held, Instant at) {
        nodeBeats.beat(held, at);
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
        if (ended == null) {
            return Optional.empty();
        }
        // Only the caller that ended the session removes its entry; an ended session never opens again.
        open.deleteOne(eq("_id", sessionId));
        nodeBeats.ended(sessionId);
        return Optional.of(StudySessionMapper.toSession(ended));
    }

    @Override
    public List<StudySession> openWithHeartbeatBefore(Instant cutoff) {
        List<String> candidates = new ArrayList<>();
        open.find().sort(Sorts.ascending("startedAt", "_id")).forEach(entry -> candidates.add(entry.getString("_id")));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Document> storedById = new HashMap<>();
        sessions.find(in("_id", candidates)).forEach(stored -> storedById.put(stored.getString("_id"), stored));
        List<Document> stillOpen = new ArrayList<>();
        for (String id : candidates) {
            Document stored = storedById.get(id);
            if (stored == null) {
                // A begin that crashed before writing its session, or a deleted room. But a begin on a node whose clock
                // runs late, or whose second write is stalled, looks the same for a while: deleting its entry then
                // would hide its session from every reaper for good, so only entries long past any such delay go.
                open.deleteOne(and(eq("_id", id), lt("startedAt", Date.from(cutoff.minus(MISSING_SESSION_GRACE)))));
                continue;
            }
            if (stored.getDate("endedAt") != null) {
                // An end that crashed before removing the entry: an ended session never opens again, so it goes at once.
                open.deleteOne(eq("_id", id));
                continue;
            }
            stillOpen.add(stored);
        }
        return nodeBeats.readOpen(stillOpen, cutoff).stream().filter(session -> session.lastHeartbeatAt().isBefore(cutoff)).toList();
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
        long deleted = sessions.deleteMany(eq("roomId", roomId.value())).getDeletedCount();
        // After the sessions: a crash in between leaves entries without sessions, which the reaper drops after the grace.
        open.deleteMany(eq("roomId", roomId.value()));
        return deleted;
    }

    private void seedOpenEntriesOnce(MongoCollection<Document> migrations) {
        if (migrations.find(eq("_id", SEEDED)).first() != null) {
            return;
        }
        long seeded = 0;
        for (Document stored : sessions.find(eq("endedAt", null))) {
            try {
                open.insertOne(openEntry(StudySessionMapper.toSession(stored)));
                seeded++;
            } catch (MongoWriteException e) {
                // Another node starting at the same time, or a session begun since, already has its entry.
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        // The marker goes last: a crash before it only means the next start seeds again, skipping what exists.
        migrations.updateOne(eq("_id", SEEDED), Updates.combine(Updates.setOnInsert("at", new Date()),
                Updates.setOnInsert("entries", seeded)), new UpdateOptions().upsert(true));
        if (seeded > 0) {
            LOG.info("study ledger: copied {} open session(s) recorded before study_open_sessions existed into it", seeded);
        }
    }

    private static Document openEntry(StudySession session) {
        return new Document("_id", session.id())
                .append("roomId", session.roomId().value())
                .append("userId", session.userId().value())
                .append("startedAt", Date.from(session.startedAt()));
    }

    private static Bson overlapping(Instant from, Instant to) {
        return and(lt("startedAt", Date.from(to)), or(eq("endedAt", null), gt("endedAt", Date.from(from))));
    }

    private List<StudySession> find(Bson filter) {
        return nodeBeats.read(sessions.find(filter).sort(Sorts.ascending("startedAt", "_id")).into(new ArrayList<>()));
    }
}
