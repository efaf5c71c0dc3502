package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a collection's documents to its file: as BSON. H2's default type
 * Java-serialised every document of a changed page at each commit (a new {@code ObjectOutputStream}
 * per document), a tenth of the server's CPU under chat load. Documents written that way by earlier
 * versions are still read: this type marks its own with a tag H2's type never writes and hands
 * everything else to it.
 */
final class BsonDocumentType extends ObjectDataType {

    /** {@link ObjectDataType} writes tags 0–119 only. */
    static final byte BSON_TAG = 125;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buffer, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON_TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return super.read(buffer);
        }
        buffer.get();
        // A BSON document starts with its own length (little-endian int32), the tag's byte excluded.
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + length);
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? estimate(value) : super.getMemory(value);
    }

    /** Heap bytes, roughly, for the page cache's accounting; H2's own estimate serialised a sample. */
    private static int estimate(Object value) {
        return switch (value) {
            case null -> 8;
            case String text -> 40 + text.length();
            case byte[] bytes -> 16 + bytes.length;
            case Map<?, ?> map -> {
                int size = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
                }
                yield size;
            }
            case Collection<?> values -> {
                int size = 40;
                for (Object element : values) {
                    size += 8 + estimate(element);
                }
                yield size;
            }
            default -> 24;
        };
    }
}
