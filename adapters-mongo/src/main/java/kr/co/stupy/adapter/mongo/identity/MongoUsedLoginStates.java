package kr.co.stupy.adapter.mongo.identity;

import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;
import org.bson.Document;

/**
 * Spent login states in {@code login_states}, one document per nonce with the nonce as {@code _id}:
 * the unique {@code _id} makes "first use wins" hold across nodes, and a duplicate key is a replay.
 * A TTL index removes old entries on a real MongoDB; the embedded store ignores TTL indexes, so
 * expired entries are also removed here, a grace period after their expiry so that a node whose
 * clock runs behind still sees them.
 */
public final class MongoUsedLoginStates implements UsedLoginStates {

    private static final Duration GRACE = Duration.ofMinutes(10);

    private final MongoCollection<Document> states;
    private final Clock clock;

    public MongoUsedLoginStates(MongoDatabase database, Clock clock) {
        this.states = database.getCollection("login_states");
        this.clock = clock;
        states.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiry").expireAfter(GRACE.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public boolean markUsed(String nonce, Instant expiresAt) {
        states.deleteMany(lt("expiresAt", Date.from(clock.instant().minus(GRACE))));
        try {
            states.insertOne(new Document("_id", nonce).append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }
}
