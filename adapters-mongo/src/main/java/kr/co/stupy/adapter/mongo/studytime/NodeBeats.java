package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kr.co.stupy.studytime.StudySession;
import org.bson.Document;

/**
 * The node-wide beat of {@link MongoStudyLedger}: a node's periodic beat is one write to its own
 * document in {@code study_beats} ({@code {_id: beater, at}}), not one write per session it holds.
 * Each ledger instance (one per node process) is a beater. A session it holds names it in
 * {@code beater}; that session's last heartbeat, as every read returns it, is the later of its own
 * {@code lastHeartbeatAt} and its beater's {@code at}.
 * <ul>
 *   <li>A session the node lets go without ending it (left out of a beat) first gets the last
 *       node-wide beat written into its own {@code lastHeartbeatAt} and loses {@code beater}, in one
 *       conditional update, so it goes stale from the beat it really had.</li>
 *   <li>A node that dies leaves its document as it was: its sessions go stale at its last beat and
 *       the reaper ends them there, as before. The document goes once no open session names it.</li>
 * </ul>
 * A crash between any two writes leaves either a session beaten up to the previous node-wide beat
 * or one credited up to the beat that carried it, never past a beat the node gave.
 */
final class NodeBeats {

    static final String BEATER = "beater";
    private static final String AT = "at";
    /** Sessions changed by one update when sessions join or leave the node's beat. */
    private static final int SLICE = 1_000;

    private final MongoCollection<Document> beats;
    private final MongoCollection<Document> sessions;
    private final String beater = UUID.randomUUID().toString();
    /** Sessions whose documents name this beater, as far as this instance wrote them. */
    private final Set<String> carried = ConcurrentHashMap.newKeySet();
    /** The latest node-wide beat this instance wrote; guarded by {@code this}. */
    private Instant lastWritten;

    NodeBeats(MongoCollection<Document> beats, MongoCollection<Document> sessions) {
        this.beats = beats;
        this.sessions = sessions;
    }

    /** The field a session begun on this node starts with. */
    Document stamp(Document session) {
        return session.append(BEATER, beater);
    }

    /** Called once the stamped session is stored. */
    void began(String sessionId) {
        carried.add(sessionId);
    }

    void ended(String sessionId) {
        carried.remove(sessionId);
    }

    /** {@code held}: every open session this node holds now, alive at {@code at}. */
    synchronized void beat(Collection<String> held, Instant at) {
        Set<String> holding = new HashSet<>(held);
        List<String> letGo = carried.stream().filter(id -> !holding.contains(id)).toList();
        if (!letGo.isEmpty()) {
            var release = lastWritten == null ? unset(BEATER)
                    : Updates.combine(max("lastHeartbeatAt", Date.from(lastWritten)), unset(BEATER));
            inSlices(letGo, slice -> sessions.updateMany(and(in("_id", slice), eq(BEATER, beater), eq("endedAt", null)), release));
            letGo.forEach(carried::remove);
        }
        List<String> joining = holding.stream().filter(id -> !carried.contains(id)).toList();
        if (!joining.isEmpty()) {
            inSlices(joining, slice -> sessions.updateMany(and(in("_id", slice), eq("endedAt", null)), set(BEATER, beater)));
            carried.addAll(joining);
        }
        beats.updateOne(eq("_id", beater), max(AT, Date.from(at)), new UpdateOptions().upsert(true));
        lastWritten = lastWritten == null || at.isAfter(lastWritten) ? at : lastWritten;
    }

    /** Stored session documents as sessions, each open one with its beater's last beat applied. */
    List<StudySession> read(List<Document> stored) {
        Set<String> beaters = beatersNamedBy(stored);
        Map<String, Instant> beatOf = new HashMap<>();
        if (!beaters.isEmpty()) {
            beats.find(in("_id", beaters)).forEach(b -> beatOf.put(b.getString("_id"), b.getDate(AT).toInstant()));
        }
        return withBeats(stored, beatOf);
    }

    /**
     * The reaper's look at the open sessions: every node's beat is read once (a document per node),
     * applied, and the documents of nodes that stopped before {@code cutoff} and that no open
     * session names any more are removed, with a write only when there is one to remove.
     */
    List<StudySession> readOpen(List<Document> openSessions, Instant cutoff) {
        Map<String, Instant> beatOf = new HashMap<>();
        beats.find().forEach(b -> beatOf.put(b.getString("_id"), b.getDate(AT).toInstant()));
        Set<String> named = beatersNamedBy(openSessions);
        List<String> stopped = beatOf.entrySet().stream()
                .filter(beat -> beat.getValue().isBefore(cutoff) && !named.contains(beat.getKey())).map(Map.Entry::getKey).toList();
        if (!stopped.isEmpty()) {
            // Still before the cutoff when deleted: a node that beat meanwhile keeps its document.
            beats.deleteMany(and(in("_id", stopped), lt(AT, Date.from(cutoff))));
        }
        return withBeats(openSessions, beatOf);
    }

    private static Set<String> beatersNamedBy(Collection<Document> stored) {
        Set<String> beaters = new HashSet<>();
        for (Document doc : stored) {
            if (doc.getDate("endedAt") == null && doc.getString(BEATER) != null) {
                beaters.add(doc.getString(BEATER));
            }
        }
        return beaters;
    }

    private static List<StudySession> withBeats(List<Document> stored, Map<String, Instant> beatOf) {
        List<StudySession> read = new ArrayList<>(stored.size());
        for (Document doc : stored) {
            StudySession session = StudySessionMapper.toSession(doc);
            Instant nodeBeat = session.isOpen() ? beatOf.get(doc.getString(BEATER)) : null;
            read.add(nodeBeat != null && nodeBeat.isAfter(session.lastHeartbeatAt())
                    ? session.beatenAt(nodeBeat)
                    : session);
        }
        return read;
    }

    private static void inSlices(List<String> ids, Consumer<List<String>> action) {
        for (int from = 0; from < ids.size(); from += SLICE) {
            action.accept(ids.subList(from, Math.min(ids.size(), from + SLICE)));
        }
    }
}
