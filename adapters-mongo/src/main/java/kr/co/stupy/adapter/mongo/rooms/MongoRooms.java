package kr.co.stupy.adapter.mongo.rooms;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;
import kr.co.stupy.rooms.PasswordHash;
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
 * time and refused passwords are separate {@code $inc}s that neither read nor move the version.
 */
public final class MongoRooms implements Rooms {

    private final MongoDatabase database;
    private final MongoCollection<Document> rooms;
    private final HashtagCounts hashtagCounts;

    public MongoRooms(MongoDatabase database) {
        this.database = database;
        this.rooms = database.getCollection("rooms");
        this.hashtagCounts = new HashtagCounts(rooms);
        // What each query needs, on a real MongoDB and in the embedded store alike (which keeps them in memory).
        rooms.createIndex(Indexes.descending("createdAt", "_id"), new IndexOptions().name("latest"));
        rooms.createIndex(Indexes.compoundIndex(Indexes.ascending("hasSeat"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("open"));
        rooms.createIndex(Indexes.descending("memberCount", "_id"), new IndexOptions().name("popular"));
        rooms.createIndex(Indexes.descending(RoomMapper.STUDY_SECONDS, "_id"), new IndexOptions().name("studied_and_rank"));
        rooms.createIndex(Indexes.compoundIndex(Indexes.ascending("hashtags"), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("by_hashtag"));
        rooms.createIndex(Indexes.ascending("members.userId"), new IndexOptions().name("by_member"));
        // A keyword is an unanchored regex, which no index orders, but reading these keys is far cheaper
        // than reading every room: MongoDB scans this index, the embedded store its key list.
        rooms.createIndex(Indexes.ascending("search"), new IndexOptions().name("by_text"));
        rooms.createIndex(Indexes.compoundIndex(Indexes.ascending(RoomMapper.JOINABLE), Indexes.descending("createdAt", "_id")),
                new IndexOptions().name("joinable"));
        RoomMapper.refreshDerivedFields(rooms);
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
        Document set = RoomMapper.changeableFields(changed);
        if (!expected.password().equals(changed.password())) {
            // The version filter below makes sure the stored password is expected's, so this is a real change of password.
            set.append(RoomMapper.REFUSED_PASSWORDS, 0L);
        }
        Bson update = Updates.combine(new Document("$set", set), Updates.inc(RoomMapper.VERSION, 1L));
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
        if (search.joinableOnly()) {
            conditions.add(eq(RoomMapper.JOINABLE, true));
        }
        String field = sortField(sort);
        cursor.ifPresent(c -> {
            Object key = sortValue(sort, c.key());
            // The outer bound lets the store seek to the cursor in the sort's index instead of walking up to it.
            conditions.add(lte(field, key));
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
    public Map<RoomId, Long> studySecondsOf(Collection<RoomId> ids) {
        Map<RoomId, Long> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        rooms.find(Filters.in("_id", ids.stream().map(RoomId::value).toList()))
                .projection(Projections.include(RoomMapper.STUDY_SECONDS))
                .forEach(doc -> totals.put(new RoomId(doc.getString("_id")), ((Number) doc.get(RoomMapper.STUDY_SECONDS)).longValue()));
        return totals;
    }

    @Override
    public List<HashtagUse> hashtagsStartingWith(HashtagPrefix prefix, int limit) {
        return hashtagCounts.startingWith(prefix, limit);
    }

    @Override
    public Map<Long, Long> ranksOf(Set<Long> totalStudySeconds) {
        // Rooms with more time than each asked value, counted band by band from the highest value down:
        // each band is a count over one range of the studied index (COUNT_SCAN on MongoDB, the key list
        // in the embedded store), so together they read the index above the lowest value once, no document.
        List<Long> values = totalStudySeconds.stream().sorted(Comparator.reverseOrder()).toList();
        Map<Long, Long> ranks = new HashMap<>();
        long more = 0;
        Long above = null;
        for (long value : values) {
            Document band = new Document("$gt", value);
            if (above != null) {
                band.append("$lte", above);
            }
            more += count(new Document(RoomMapper.STUDY_SECONDS, band));
            ranks.put(value, more + 1);
            above = value;
        }
        return ranks;
    }

    /**
     * The {@code count} command rather than {@code countDocuments}: the driver runs the latter as an
     * aggregation, which the embedded store answers by reading every document.
     */
    private long count(Bson filter) {
        Document reply = database.runCommand(new Document("count", rooms.getNamespace().getCollectionName())
                .append("query", filter));
        return ((Number) reply.get("n")).longValue();
    }

    @Override
    public boolean addStudySeconds(RoomId id, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("study time is only added");
        }
        return rooms.updateOne(eq("_id", id.value()), Updates.inc(RoomMapper.STUDY_SECONDS, seconds)).getMatchedCount() == 1;
    }

    @Override
    public boolean countRefusedPassword(RoomId id, PasswordHash guessedAgainst) {
        return rooms.updateOne(and(eq("_id", id.value()), eq(RoomMapper.PASSWORD, guessedAgainst.encoded())),
                Updates.inc(RoomMapper.REFUSED_PASSWORDS, 1L)).getMatchedCount() == 1;
    }

    @Override
    public long refusedPasswordAttempts(RoomId id) {
        Document found = rooms.find(eq("_id", id.value())).projection(Projections.include(RoomMapper.REFUSED_PASSWORDS)).first();
        return found != null && found.get(RoomMapper.REFUSED_PASSWORDS) instanceof Number count ? count.longValue() : 0;
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
