package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A unique index of the embedded store ({@code _id_} and every unique index the adapters declare),
 * kept in memory and rebuilt from the documents when the database opens, like {@link OrderedIndex}.
 * mongo-java-server keeps unique indexes in an H2 map keyed by {@link KeyValue}, which is not
 * {@link Comparable}, so H2 compared two keys by Java-serialising both: every look-up by {@code _id}
 * (each heartbeat, each conditional update, each insert's uniqueness check) serialised about 2 log n
 * objects, a quarter of the server's CPU under chat load. Here keys compare value by value in
 * MongoDB's order. The documents stay the durable truth; an index is derived from them.
 */
final class MemoryUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final Comparator<KeyValue> KEY_ORDER = MemoryUniqueIndex::compare;

    private final ConcurrentSkipListMap<KeyValue, Object> positions = new ConcurrentSkipListMap<>(KEY_ORDER);

    MemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positions.clear();
    }

    /** MongoDB's order of values, key by key; a shorter key sorts first. */
    static int compare(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = ValueComparator.asc().compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
