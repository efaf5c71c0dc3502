package kr.co.stupy.adapter.mongo.image;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageStore.StoredImage;
import kr.co.stupy.application.image.ImageUpload;
import org.bson.Document;
import org.bson.types.Binary;

/** A picture to and from its document in {@code images}: the key as {@code _id}, the bytes as BSON binary. */
final class ImageMapper {

    private ImageMapper() {
    }

    static Document toDocument(String key, ImageUpload image, Instant createdAt) {
        return new Document("_id", key)
                .append("format", image.format().mediaType())
                .append("size", image.bytes().length)
                .append("data", new Binary(image.bytes()))
                .append("createdAt", Date.from(createdAt));
    }

    static StoredImage toImage(Document doc) {
        String mediaType = doc.getString("format");
        ImageFormat format = Arrays.stream(ImageFormat.values())
                .filter(f -> f.mediaType().equals(mediaType))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("image " + doc.get("_id") + " has an unknown format " + mediaType));
        return new StoredImage(doc.get("data", Binary.class).getData(), format);
    }
}
