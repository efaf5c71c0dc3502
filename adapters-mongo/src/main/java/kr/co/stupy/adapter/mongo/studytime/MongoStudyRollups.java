package kr.co.stupy.adapter.mongo.studytime;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kr.co.stupy.studytime.StudyRollups;
import org.bson.Document;

/**
 * Every roll-up read model in one MongoDB database, each in collections of its own:
 * {@link MongoUserDayTotals}, {@link MongoRoomPeriodTotals}, {@link MongoMemberTotals},
 * {@link MongoUserQuarterHours}, {@link MongoMemberQuarterHours} and {@link MongoUserPeriodTotals}. The
 * read models hold only {@code _id} lookups on their hot paths, except the user ranking's reads of the top
 * of a bucket and counts over it, which go through an index of their own.
 */
public final class MongoStudyRollups {

    /** How many documents one bulk insert or one {@code _id $in} read takes. */
    static final int BATCH = 5_000;

    private MongoStudyRollups() {
    }

    /** The roll-ups of {@code database}, their indexes made if missing. */
    public static StudyRollups in(MongoDatabase database) {
        return new StudyRollups(new MongoUserDayTotals(database), new MongoRoomPeriodTotals(database), new MongoMemberTotals(database),
                new MongoUserQuarterHours(database), new MongoMemberQuarterHours(database), new MongoUserPeriodTotals(database));
    }

    /**
     * Inserts in batches of documents already in {@code _id} order: the embedded store keeps documents
     * in a B-tree by {@code _id} and writes every page an insert touched at each commit, so keys in
     * order touch only the tree's right edge, while scattered keys rewrite (and first read back) about
     * a page per document. Documents are made batch by batch, so millions of totals never sit in
     * memory as documents at once. Public for the rebuild's bulk loaders (the benchmarks).
     */
    public static <T> void insertInOrder(MongoCollection<Document> collection, List<T> sorted, Function<T, Document> document) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (T item : sorted) {
            batch.add(document.apply(item));
            if (batch.size() == BATCH) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }
}
