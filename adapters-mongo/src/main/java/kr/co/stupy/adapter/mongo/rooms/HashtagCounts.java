package kr.co.stupy.adapter.mongo.rooms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts the tags on rooms that start with a prefix, in one aggregation. The prefix is a range of
 * plain values on the tag index ({@code [prefix, prefix with its last character raised)}), never a
 * pattern; the range is applied again after unwinding, because on an array it may be met by two
 * different tags of one room.
 */
final class HashtagCounts {

    private final MongoCollection<Document> rooms;

    HashtagCounts(MongoCollection<Document> rooms) {
        this.rooms = rooms;
    }

    List<HashtagUse> startingWith(HashtagPrefix prefix, int limit) {
        List<Bson> pipeline = new ArrayList<>();
        Optional<Bson> range = range(prefix);
        range.ifPresent(r -> pipeline.add(Aggregates.match(r)));
        pipeline.add(Aggregates.unwind("$hashtags"));
        range.ifPresent(r -> pipeline.add(Aggregates.match(r)));
        pipeline.add(Aggregates.group("$hashtags", Accumulators.sum("rooms", 1)));
        pipeline.add(Aggregates.sort(Sorts.orderBy(Sorts.descending("rooms"), Sorts.ascending("_id"))));
        pipeline.add(Aggregates.limit(limit));
        List<HashtagUse> uses = new ArrayList<>();
        rooms.aggregate(pipeline).forEach(doc -> uses.add(new HashtagUse(new Hashtag(doc.getString("_id")),
                ((Number) doc.get("rooms")).longValue())));
        return uses;
    }

    private static Optional<Bson> range(HashtagPrefix prefix) {
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String from = prefix.value();
        return Optional.of(upperBound(from)
                .map(to -> Filters.and(Filters.gte("hashtags", from), Filters.lt("hashtags", to)))
                .orElseGet(() -> Filters.gte("hashtags", from)));
    }

    /**
     * The least string above every string that starts with {@code prefix}: its last character raised
     * by one (past the surrogates, which are no characters of their own). The difference is then in
     * the prefix itself, so the bound holds in UTF-8 byte order (MongoDB) and UTF-16 order (the
     * embedded store) alike.
     */
    static Optional<String> upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        if (next > Character.MAX_CODE_POINT) {
            return Optional.empty();
        }
        return Optional.of(prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next));
    }
}
