package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.testing.AbstractStudyLedgerContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The contract, plus what the open entries in {@code study_open_sessions} must survive: a crash
 * between any two writes of one call (planted here by writing one of them directly), and a
 * database from before the entries existed.
 */
class MongoStudyLedgerTest extends AbstractStudyLedgerContract {

    private MongoDatabase database;

    @Override
    protected StudyLedger createLedger() {
        database = TestMongo.freshDatabase();
        return new MongoStudyLedger(database);
    }

    private MongoCollection<Document> openEntries() {
        return database.getCollection("study_open_sessions");
    }

    private MongoCollection<Document> storedSessions() {
        return database.getCollection("study_sessions");
    }

    private static Document entryOf(StudySession session) {
        return new Document("_id", session.id()).append("roomId", session.roomId().value()).append("userId", session.userId().value())
                .append("startedAt", Date.from(session.startedAt()));
    }

    @Test
    void onlyOpenSessionsHaveAnEntryAndAHeartbeatWritesOnlyTheSession() {
        StudySession ended = StudySession.start(kim, room, T0);
        StudySession running = StudySession.start(lee, room, T0);
        ledger.begin(ended);
        ledger.begin(running);
        ledger.heartbeat(running.id(), T0.plusSeconds(15));
        ledger.end(ended.id(), T0.plusSeconds(20));

        List<Document> entries = openEntries().find().into(new java.util.ArrayList<>());
        assertEquals(List.of(running.id()), entries.stream().map(d -> d.getString("_id")).toList());
        assertEquals(entryOf(running), entries.getFirst(), "the entry is as begin() wrote it: heartbeats move only the session");
        assertEquals(Date.from(T0.plusSeconds(15)), storedSessions().find(eq("_id", running.id())).first().getDate("lastHeartbeatAt"));
    }

    @Test
    void aNodesBeatIsOneWriteToItsOwnDocumentNotOneWritePerSession() {
        List<StudySession> held = List.of(StudySession.start(kim, room, T0), StudySession.start(lee, room, T0),
                StudySession.start(UserId.newId(), otherRoom, T0));
        held.forEach(ledger::begin);

        ledger.beatEveryHeld(held.stream().map(StudySession::id).toList(), T0.plusSeconds(15));
        ledger.beatEveryHeld(held.stream().map(StudySession::id).toList(), T0.plusSeconds(30));

        assertEquals(1, database.getCollection("study_beats").countDocuments(), "one document for this node");
        assertEquals(Date.from(T0.plusSeconds(30)), database.getCollection("study_beats").find().first().getDate("at"));
        for (StudySession session : held) {
            assertEquals(Date.from(T0), storedSessions().find(eq("_id", session.id())).first().getDate("lastHeartbeatAt"),
                    "the session documents were not written");
        }
        assertEquals(T0.plusSeconds(30), ledger.ofUser(kim, T0, T0.plusSeconds(60)).getFirst().lastHeartbeatAt());
    }

    @Test
    void theSessionsOfANodeThatDiedGoStaleAtItsLastBeatAndItsDocumentGoesOnceTheyEnded() {
        StudyLedger other = new MongoStudyLedger(database);   // a second node on the same database
        StudySession mine = StudySession.start(kim, room, T0);
        StudySession theirs = StudySession.start(lee, room, T0);
        ledger.begin(mine);
        other.begin(theirs);
        ledger.beatEveryHeld(List.of(mine.id()), T0.plusSeconds(15));
        other.beatEveryHeld(List.of(theirs.id()), T0.plusSeconds(15));
        ledger.beatEveryHeld(List.of(mine.id()), T0.plusSeconds(30));
        ledger.beatEveryHeld(List.of(mine.id()), T0.plusSeconds(45));
        // The other node died after its beat at 15 s.

        List<StudySession> stale = ledger.openWithHeartbeatBefore(T0.plusSeconds(40));
        assertEquals(List.of(theirs.id()), stale.stream().map(StudySession::id).toList());
        assertEquals(T0.plusSeconds(15), stale.getFirst().lastHeartbeatAt());
        assertEquals(2, database.getCollection("study_beats").countDocuments(), "kept while an open session names it");

        assertEquals(Optional.of(T0.plusSeconds(15)), ledger.end(theirs.id(), T0.plusSeconds(15)).orElseThrow().endedAt());
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(40)));
        assertEquals(1, database.getCollection("study_beats").countDocuments(), "the dead node's document is gone");
        assertEquals(T0.plusSeconds(45), ledger.ofUser(kim, T0, T0.plusSeconds(60)).getFirst().lastHeartbeatAt(), "this node's stays");
    }

    @Test
    void aSessionLetGoKeepsItsLastNodeBeatInItsOwnDocument() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        ledger.beatEveryHeld(List.of(session.id()), T0.plusSeconds(15));
        ledger.beatEveryHeld(List.of(), T0.plusSeconds(30));

        Document stored = storedSessions().find(eq("_id", session.id())).first();
        assertEquals(Date.from(T0.plusSeconds(15)), stored.getDate("lastHeartbeatAt"));
        assertEquals(null, stored.getString(NodeBeats.BEATER), "no node's beat carries it any more");
        assertEquals(T0.plusSeconds(15), ledger.inRoom(room, T0, T0.plusSeconds(60)).getFirst().lastHeartbeatAt());
    }

    @Test
    void anEntryWhoseSessionWasNeverWrittenIsDroppedNotReturned() {
        // begin() crashed after its first write.
        StudySession lost = StudySession.start(kim, room, T0);
        openEntries().insertOne(entryOf(lost));

        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(60)));
        assertEquals(1, openEntries().countDocuments(), "kept a while: the session's insert may only be late");
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plus(MongoStudyLedger.MISSING_SESSION_GRACE).plusSeconds(60)));
        assertEquals(0, openEntries().countDocuments());
        assertEquals(Optional.empty(), ledger.end(lost.id(), T0.plusSeconds(60)));
    }

    @Test
    void aSessionWrittenLateAfterItsEntryIsStillReaped() {
        // begin() stalled between its two writes (or its node's clock runs late) while a reaper looked.
        StudySession late = StudySession.start(kim, room, T0);
        openEntries().insertOne(entryOf(late));
        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(60)));

        storedSessions().insertOne(MongoStudyLedger.document(late));

        assertEquals(List.of(late.id()), ledger.openWithHeartbeatBefore(T0.plusSeconds(120)).stream().map(StudySession::id).toList());
    }

    @Test
    void anEntryWhoseSessionAlreadyEndedIsDroppedNotReturned() {
        // end() crashed after ending the session, before removing its entry.
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        ledger.end(session.id(), T0.plusSeconds(30));
        openEntries().insertOne(entryOf(session));

        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(60)));
        assertEquals(0, openEntries().countDocuments());
        assertEquals(Optional.of(T0.plusSeconds(30)), ledger.inRoom(room, T0, T0.plusSeconds(60)).getFirst().endedAt(),
                "the session keeps its one end");
    }

    @Test
    void theReaperJudgesASessionByTheLedgersOwnHeartbeat() {
        StudySession session = StudySession.start(kim, room, T0);
        ledger.begin(session);
        storedSessions().updateOne(eq("_id", session.id()), set("lastHeartbeatAt", Date.from(T0.plusSeconds(50))));

        assertEquals(List.of(), ledger.openWithHeartbeatBefore(T0.plusSeconds(45)));
        StudySession stale = ledger.openWithHeartbeatBefore(T0.plusSeconds(95)).getFirst();
        assertEquals(T0.plusSeconds(50), stale.lastHeartbeatAt(), "closed at the last heartbeat the ledger acknowledged");
    }

    @Test
    void openSessionsFromBeforeTheEntriesAreCopiedOnceAtStartAndReaped() {
        MongoDatabase old = TestMongo.freshDatabase();
        StudySession open1 = StudySession.start(kim, room, T0);
        StudySession open2 = new StudySession(StudySession.start(lee, otherRoom, T0).id(), lee, otherRoom, T0, T0.plusSeconds(15),
                Optional.empty());
        StudySession finished = new StudySession(StudySession.start(kim, room, T0).id(), kim, room, T0, T0.plusSeconds(10),
                Optional.of(T0.plusSeconds(10)));
        // Written as a version without open entries wrote them.
        old.getCollection("study_sessions").insertMany(List.of(MongoStudyLedger.document(open1), MongoStudyLedger.document(open2),
                MongoStudyLedger.document(finished)));

        StudyLedger upgraded = new MongoStudyLedger(old);

        assertEquals(2, old.getCollection("study_open_sessions").countDocuments());
        assertNotNull(old.getCollection("migrations").find(eq("_id", MongoStudyLedger.SEEDED)).first());
        List<StudySession> stale = upgraded.openWithHeartbeatBefore(T0.plusSeconds(60));
        assertEquals(List.of(open1.id(), open2.id()).stream().sorted().toList(), stale.stream().map(StudySession::id).sorted().toList());
        stale.forEach(s -> assertEquals(Optional.of(s.lastHeartbeatAt()), upgraded.end(s.id(), s.lastHeartbeatAt()).orElseThrow().endedAt()));
        assertEquals(0, old.getCollection("study_open_sessions").countDocuments());

        // Once done, a start does not scan the ledger again: a session written behind the adapter's back stays unseen.
        StudySession planted = StudySession.start(UserId.newId(), room, T0);
        old.getCollection("study_sessions").insertOne(MongoStudyLedger.document(planted));
        StudyLedger restarted = new MongoStudyLedger(old);
        assertEquals(List.of(), restarted.openWithHeartbeatBefore(T0.plusSeconds(99999)));
    }

    @Test
    void copyingAgainAfterACrashBeforeTheMarkerKeepsOneEntryPerSession() {
        MongoDatabase old = TestMongo.freshDatabase();
        StudySession open = StudySession.start(kim, room, T0);
        old.getCollection("study_sessions").insertOne(MongoStudyLedger.document(open));
        new MongoStudyLedger(old);
        old.getCollection("migrations").deleteMany(new Document());

        StudyLedger again = new MongoStudyLedger(old);

        assertEquals(1, old.getCollection("study_open_sessions").countDocuments());
        assertEquals(List.of(open.id()), again.openWithHeartbeatBefore(T0.plusSeconds(60)).stream().map(StudySession::id).toList());
    }
}
