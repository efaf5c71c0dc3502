package kr.co.stupy.adapter.mongo.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageKeys;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

class MongoImageStoreTest extends AbstractImageStoreContract {

    @Override
    protected ImageStore createStore() {
        return new MongoImageStore(TestMongo.freshDatabase(), Clock.systemUTC());
    }

    @Test
    void aPictureIsOneDocumentWithItsKeyAsId() {
        MongoDatabase database = TestMongo.freshDatabase();
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        String key = new MongoImageStore(database, Clock.fixed(now, ZoneOffset.UTC)).store(ImageUpload.of(PNG));

        Document doc = database.getCollection("images").find().first();
        assertEquals(key, doc.getString("_id"));
        assertEquals("image/png", doc.getString("format"));
        assertEquals(PNG.length, doc.getInteger("size"));
        assertArrayEquals(PNG, doc.get("data", Binary.class).getData());
        assertEquals(Date.from(now), doc.getDate("createdAt"));
    }

    @Test
    void aPictureStoredOnOneNodeIsServedAndDeletedThroughAnother() {
        MongoDatabase database = TestMongo.freshDatabase();
        var nodeA = new MongoImageStore(database, Clock.systemUTC());
        var nodeB = new MongoImageStore(database, Clock.systemUTC());

        String key = nodeA.store(ImageUpload.of(PNG));
        assertArrayEquals(PNG, nodeB.load(key).orElseThrow().bytes());

        nodeB.delete(key);
        assertTrue(nodeA.load(key).isEmpty());
    }

    @Test
    void aKeptKeyIsStoredOnceAndTheFirstPictureStays() {
        MongoDatabase database = TestMongo.freshDatabase();
        var images = new MongoImageStore(database, Clock.systemUTC());
        String key = ImageKeys.newKey(ImageFormat.PNG);

        assertFalse(images.contains(key));
        assertTrue(images.storeIfAbsent(key, ImageUpload.of(PNG)));
        byte[] other = PNG.clone();
        other[other.length - 1] ^= 1;
        assertFalse(images.storeIfAbsent(key, ImageUpload.of(other)));

        assertTrue(images.contains(key));
        assertArrayEquals(PNG, images.load(key).orElseThrow().bytes());
        assertEquals(1, database.getCollection("images").countDocuments());
    }

    @Test
    void aKeptKeyMustHaveTheShapeAndFormatOfAKey() {
        var images = new MongoImageStore(TestMongo.freshDatabase(), Clock.systemUTC());
        String gif = ImageKeys.newKey(ImageFormat.GIF);
        assertThrows(IllegalArgumentException.class, () -> images.storeIfAbsent(gif, ImageUpload.of(PNG)));
        assertThrows(IllegalArgumentException.class, () -> images.storeIfAbsent("../jwt.key", ImageUpload.of(PNG)));
        assertFalse(images.contains("{\"$ne\":null}"));
    }
}
