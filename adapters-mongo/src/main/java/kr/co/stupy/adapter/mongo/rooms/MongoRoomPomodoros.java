package kr.co.stupy.adapter.mongo.rooms;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.RoomPomodoros;
import kr.co.stupy.shared.RoomId;
import org.bson.Document;

/**
 * Pomodoros in {@code room_pomodoros}, one document per room ({@code _id} the room id): a start
 * replaces the whole document in one write, so a reader sees one start or the other, never a mix.
 */
public final class MongoRoomPomodoros implements RoomPomodoros {

    private final MongoCollection<Document> pomodoros;

    public MongoRoomPomodoros(MongoDatabase database) {
        this.pomodoros = database.getCollection("room_pomodoros");
    }

    @Override
    public void start(RoomId roomId, Pomodoro pomodoro) {
        Document document = new Document("_id", roomId.value())
                .append("startedAt", Date.from(pomodoro.startedAt()))
                .append("focusSeconds", pomodoro.focus().toSeconds())
                .append("breakSeconds", pomodoro.shortBreak().toSeconds())
                .append("longBreakSeconds", pomodoro.longBreak().toSeconds())
                .append("roundsBeforeLongBreak", pomodoro.roundsBeforeLongBreak());
        pomodoros.replaceOne(eq("_id", roomId.value()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean stop(RoomId roomId) {
        return pomodoros.deleteOne(eq("_id", roomId.value())).getDeletedCount() > 0;
    }

    @Override
    public Optional<Pomodoro> of(RoomId roomId) {
        return Optional.ofNullable(pomodoros.find(eq("_id", roomId.value())).first()).map(MongoRoomPomodoros::pomodoro);
    }

    @Override
    public Map<RoomId, Pomodoro> of(Collection<RoomId> rooms) {
        Map<RoomId, Pomodoro> found = new HashMap<>();
        if (!rooms.isEmpty()) {
            pomodoros.find(in("_id", rooms.stream().map(RoomId::value).toList()))
                    .forEach(doc -> found.put(new RoomId(doc.getString("_id")), pomodoro(doc)));
        }
        return found;
    }

    private static Pomodoro pomodoro(Document doc) {
        return new Pomodoro(doc.getDate("startedAt").toInstant(), Duration.ofSeconds(number(doc, "focusSeconds")),
                Duration.ofSeconds(number(doc, "breakSeconds")), Duration.ofSeconds(number(doc, "longBreakSeconds")),
                (int) number(doc, "roundsBeforeLongBreak"));
    }

    private static long number(Document doc, String field) {
        return ((Number) doc.get(field)).longValue();
    }
}
