package kr.co.stupy.adapter.mongo.rooms;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.rooms.SearchCursor;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Rooms in {@code rooms}, one document each. Every change is a single conditional update on
 * {@code _id} and {@code version}, which both MongoDB and the embedded store apply atomically; study
 * time is a separate {@code $inc} that neither reads nor moves the version.
 */
public final class MongoRooms implements Rooms {

    private final MongoCollection<Document> rooms;

    public MongoRooms(MongoDatabase database) {
        this.rooms = database.getCollection("rooms");
        // What a real MongoDB needs for each query (the embedded store accepts and ignores them).
        rooms.createIndex(Indexes.descending("createdAt", "_id"), new IndexOptions().name("latest"));
        rooms.createIndex(Indexes.compoundIndex(Indexes.ascending("hasSeat"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("open"));
        rooms.createIndex(Indexes.descending("memberCount", "_id"), new IndexOptions().name("popular"));
        rooms.createIndex(Indexes.descending(RoomMapper.STUDY_SECONDS, "_id"), new IndexOptions().name("studied_and_rank"));
        rooms.createIndex(Indexes.compoundIndex(Indexes.ascending("hashtags"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("by_hashtag"));
        rooms.createIndex(Indexes.ascending("members.userId"), new IndexOptions().name("by_member"));
    }

    @Override
    public Optional<Room> byId(RoomId id) {
        return Optional.ofNullable(rooms.find(eq("_id", id.value())).first()).map(RoomMapper::toRoom);
    }

    @Override
    public void insert(Room room) {
        rooms.insertOne(RoomMapper.toDocument(room));
    }

    /** Loads many rooms in large batches, for imports and benchmarks; the rooms must be new. */
    public void insertAll(Collection<Room> batch) {
        if (!batch.isEmpty()) {
            rooms.insertMany(batch.stream().map(RoomMapper::toDocument).toList(), new InsertManyOptions().ordered(false));
        }
    }

    @Override
    public boolean update(Room expected, Room changed) {
        if (!expected.id().equals(changed.id())) {
            throw new IllegalArgumentException("a change keeps the room's id");
        }
        Bson update = Updates.combine(new Document("$set", RoomMapper.changeableFields(changed)),
                Updates.inc(RoomMapper.VERSION, 1L));
        return rooms.updateOne(and(eq("_id", expected.id().value()), eq(RoomMapper.VERSION, expected.version())), update)
                .getModifiedCount() == 1;
    }

    @Override
    public boolean delete(Room expected) {
        return rooms.deleteOne(and(eq("_id", expected.id().value()), eq(RoomMapper.VERSION, expected.version())))
                .getDeletedCount() == 1;
    }

    @Override
    public List<Room> ofMember(UserId userId) {
        List<Room> found = new ArrayList<>();
        rooms.find(eq("members.userId", userId.value())).forEach(doc -> found.add(RoomMapper.toRoom(doc)));
        found.sort(Comparator.comparing((Room room) -> room.member(userId).orElseThrow().joinedAt())
                .thenComparing(room -> room.id().value()));
        return found;
    }

    @Override
    public Page<Room> search(RoomSearch search, PageRequest page) {
        RoomSort sort = search.sort();
        Optional<SearchCursor> cursor = page.cursor().map(c -> SearchCursor.decode(c, sort));
        List<Bson> conditions = new ArrayList<>();
        // The user's text is quoted as a whole, so no character of it is read as a pattern, and it is
        // passed as a value, never as a query document, so it cannot become an operator.
        search.text().ifPresent(text -> conditions.add(Filters.regex("search", Pattern.quote(text.value()))));
        search.hashtag().ifPresent(tag -> conditions.add(eq("hashtags", tag.value())));
        if (sort == RoomSort.OPEN) {
            conditions.add(eq("hasSeat", true));
        }
        String field = sortField(sort);
        cursor.ifPresent(c -> {
            Object key = sortValue(sort, c.key());
            conditions.add(or(lt(field, key), and(eq(field, key), lt("_id", c.lastId().value()))));
        });
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<Room> found = new ArrayList<>(page.limit() + 1);
        rooms.find(filter).sort(Sorts.descending(field, "_id")).limit(page.limit() + 1)
                .forEach(doc -> found.add(RoomMapper.toRoom(doc)));
        if (found.size() <= page.limit()) {
            return Page.last(found);
        }
        List<Room> items = found.subList(0, page.limit());
        return new Page<>(items, Optional.of(SearchCursor.after(sort, items.getLast()).encode()));
    }

    @Override
    public Map<Long, Long> ranksOf(Set<Long> totalStudySeconds) {
        if (totalStudySeconds.isEmpty()) {
            return Map.of();
        }
        // One pass over the rooms with more time than the smallest asked for (an index range on a real
        // MongoDB, covered because only that field is read) counts "more than" for every value at once.
        List<Long> values = List.copyOf(totalStudySeconds);
        String field = "$" + RoomMapper.STUDY_SECONDS;
        Document counts = new Document("_id", null);
        for (int i = 0; i < values.size(); i++) {
            counts.append("c" + i, new Document("$sum",
                    new Document("$cond", List.of(new Document("$gt", List.of(field, values.get(i))), 1, 0))));
        }
        Document result = rooms.aggregate(List.of(
                Aggregates.match(gt(RoomMapper.STUDY_SECONDS, Collections.min(values))),
                Aggregates.project(Projections.fields(Projections.include(RoomMapper.STUDY_SECONDS), Projections.excludeId())),
                new Document("$group", counts))).first();
        Map<Long, Long> ranks = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            long more = result == null ? 0 : ((Number) result.get("c" + i)).longValue();
            ranks.put(values.get(i), more + 1);
        }
        return ranks;
    }

    @Override
    public boolean addStudySeconds(RoomId id, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("study time is only added");
        }
        return rooms.updateOne(eq("_id", id.value()), Updates.inc(RoomMapper.STUDY_SECONDS, seconds)).getMatchedCount() == 1;
    }

    private static String sortField(RoomSort sort) {
        return switch (sort) {
            case LATEST, OPEN -> "createdAt";
            case POPULAR -> "memberCount";
            case STUDIED -> RoomMapper.STUDY_SECONDS;
        };
    }

    private static Object sortValue(RoomSort sort, long key) {
        return switch (sort) {
            case LATEST, OPEN -> new Date(key);
            case POPULAR -> (int) key;
            case STUDIED -> key;
        };
    }
}
