package kr.co.stupy.adapter.mongo.rooms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.rooms.SearchText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;

/**
 * {@link Room} to and from its document in {@code rooms}. Besides the room itself the document
 * carries fields only queries need: {@code search} (title, description and {@code #tags} folded to
 * lower case, because the embedded store has neither {@code $text} nor collations), {@code memberCount}
 * and {@code hasSeat} for the popular and open orders, {@code joinable} for rooms one may join now.
 * {@code derived} says which rules computed them, so a document written by older code is brought up
 * to date when the store starts.
 */
final class RoomMapper {

    static final String VERSION = "version";
    static final String STUDY_SECONDS = "totalStudySeconds";
    /** Wrong passwords refused since the password was set; absent means none. Only ever {@code $inc}-ed, or reset with a new password. */
    static final String REFUSED_PASSWORDS = "refusedPasswordAttempts";
    static final String PASSWORD = "password";
    static final String JOINABLE = "joinable";
    static final String DERIVED = "derived";
    /** Raised whenever a derived field's rule changes (2: tags searched, joinable added). */
    static final int DERIVED_RULES = 2;

    private RoomMapper() {
    }

    /** The whole document of a new room. */
    static Document toDocument(Room room) {
        Document doc = new Document("_id", room.id().value())
                .append("createdAt", Date.from(room.createdAt()))
                .append(STUDY_SECONDS, room.totalStudySeconds())
                .append(VERSION, room.version());
        doc.putAll(changeableFields(room));
        return doc;
    }

    /** Everything a change may touch, flattened for {@code $set}: not the id, creation time, study time or version. */
    static Document changeableFields(Room room) {
        Document fields = new Document();
        fields.append("title", room.title().value())
                .append("description", room.description().value())
                .append("search", SearchText.searchable(room))
                .append(PASSWORD, room.password().map(PasswordHash::encoded).orElse(null))
                .append("hashtags", room.hashtags().stream().map(Hashtag::value).toList())
                .append("openChatUrl", room.openChatUrl().map(OpenChatUrl::value).orElse(null))
                .append("maxMembers", room.maxMembers())
                .append("memberCount", room.memberCount())
                .append("hasSeat", room.hasFreeSeat())
                .append(JOINABLE, room.joinableByAnyone())
                .append(DERIVED, DERIVED_RULES)
                .append("image", room.image().orElse(null))
                .append("ownerId", room.ownerId().value())
                .append("members", room.members().stream()
                        .map(m -> new Document("userId", m.userId().value()).append("joinedAt", Date.from(m.joinedAt())))
                        .toList())
                .append("bans", room.bans().stream()
                        .map(b -> new Document("userId", b.userId().value()).append("bannedAt", Date.from(b.bannedAt())))
                        .toList());
        return fields;
    }

    static Room toRoom(Document doc) {
        return Room.restore(new RoomId(doc.getString("_id")),
                new RoomTitle(doc.getString("title")),
                new RoomDescription(doc.getString("description")),
                Optional.ofNullable(doc.getString(PASSWORD)).map(PasswordHash::new),
                doc.getList("hashtags", String.class).stream().map(Hashtag::new).toList(),
                Optional.ofNullable(doc.getString("openChatUrl")).map(OpenChatUrl::new),
                doc.getInteger("maxMembers"),
                Optional.ofNullable(doc.getString("image")),
                new UserId(doc.getString("ownerId")),
                members(doc.getList("members", Document.class)),
                bans(doc.getList("bans", Document.class)),
                doc.getDate("createdAt").toInstant(),
                ((Number) doc.get(STUDY_SECONDS)).longValue(),
                ((Number) doc.get(VERSION)).longValue());
    }

    /**
     * Recomputes the derived fields of every room written under older rules. Each is a conditional
     * update on the version read, so a change made meanwhile (which writes them anew) is never undone.
     */
    static void refreshDerivedFields(MongoCollection<Document> rooms) {
        for (Document doc : rooms.find(Filters.ne(DERIVED, DERIVED_RULES))) {
            Room room = toRoom(doc);
            rooms.updateOne(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq(VERSION, doc.get(VERSION))),
                    Updates.combine(Updates.set("search", SearchText.searchable(room)), Updates.set("hasSeat", room.hasFreeSeat()),
                            Updates.set(JOINABLE, room.joinableByAnyone()), Updates.set(DERIVED, DERIVED_RULES)));
        }
    }

    private static List<Member> members(List<Document> docs) {
        return docs.stream().map(m -> new Member(new UserId(m.getString("userId")), m.getDate("joinedAt").toInstant())).toList();
    }

    private static List<Ban> bans(List<Document> docs) {
        return docs.stream().map(b -> new Ban(new UserId(b.getString("userId")), b.getDate("bannedAt").toInstant())).toList();
    }
}
