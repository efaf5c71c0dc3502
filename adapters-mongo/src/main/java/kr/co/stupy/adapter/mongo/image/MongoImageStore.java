package kr.co.stupy.adapter.mongo.image;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.application.image.ImageKeys;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import org.bson.Document;

/**
 * Pictures in {@code images}, one document per picture whose {@code _id} is its key, so every node
 * on the same database serves every picture. A store is one acknowledged insert under the
 * database's write concern, so a picture is as durable as the profile or room that points at it.
 * A key is checked against {@link ImageKeys}' shape before it is used, and then only ever as the
 * string value of {@code _id}: a key from a URL cannot become a query operator.
 */
public final class MongoImageStore implements ImageStore {

    private final MongoCollection<Document> images;
    private final Clock clock;

    public MongoImageStore(MongoDatabase database, Clock clock) {
        this.images = database.getCollection("images");
        this.clock = clock;
    }

    @Override
    public String store(ImageUpload image) {
        String key = ImageKeys.newKey(image.format());
        images.insertOne(ImageMapper.toDocument(key, image, clock.instant()));
        return key;
    }

    /**
     * Stores a picture under a key it already has (pictures kept as files before they moved into
     * the database). False when the key is already taken, whoever took it; the stored one stays.
     */
    public boolean storeIfAbsent(String key, ImageUpload image) {
        if (ImageKeys.formatOf(key).filter(image.format()::equals).isEmpty()) {
            throw new IllegalArgumentException("not a key for a " + image.format() + " picture: " + key);
        }
        try {
            images.insertOne(ImageMapper.toDocument(key, image, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** True when a picture is stored under the key; reads no bytes. */
    @Override
    public boolean contains(String key) {
        return ImageKeys.formatOf(key).isPresent()
                && images.find(eq("_id", key)).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public Optional<StoredImage> load(String key) {
        if (ImageKeys.formatOf(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(images.find(eq("_id", key)).first()).map(ImageMapper::toImage);
    }

    @Override
    public void delete(String key) {
        if (ImageKeys.formatOf(key).isPresent()) {
            images.deleteOne(eq("_id", key));
        }
    }
}
