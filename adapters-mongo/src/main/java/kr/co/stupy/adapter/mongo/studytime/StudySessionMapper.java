package kr.co.stupy.adapter.mongo.studytime;

import java.util.Date;
import java.util.Optional;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.Subject;
import org.bson.Document;

/** {@link StudySession} to and from its document in {@code study_sessions}. */
final class StudySessionMapper {

    private StudySessionMapper() {
    }

    static Document toDocument(StudySession session) {
        return new Document("_id", session.id())
                .append("userId", session.userId().value())
                .append("roomId", session.roomId().value())
                .append("startedAt", Date.from(session.startedAt()))
                .append("lastHeartbeatAt", Date.from(session.lastHeartbeatAt()))
                .append("endedAt", session.endedAt().map(Date::from).orElse(null))
                .append("subject", session.subject().map(Subject::name).orElse(null));
    }

    static StudySession toSession(Document doc) {
        return new StudySession(doc.getString("_id"), new UserId(doc.getString("userId")), new RoomId(doc.getString("roomId")),
                doc.getDate("startedAt").toInstant(), doc.getDate("lastHeartbeatAt").toInstant(),
                Optional.ofNullable(doc.getDate("endedAt")).map(Date::toInstant),
                Optional.ofNullable(doc.getString("subject")).map(Subject::new));
    }
}
