package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A non-unique secondary index of the embedded store, kept in memory and rebuilt from the documents
 * when the database opens (mongo-java-server ignores such indexes, so every query that was not by
 * {@code _id} scanned its collection). Entries are the index's key values in the declared order and
 * directions, then the document's position, so walking them gives documents in the index's order;
 * an array value gives one entry per element, as a MongoDB multikey index does.
 *
 * <p>The index only narrows and orders: {@link IndexedH2Collection} still matches the whole query on
 * every document it reads, so an entry that a concurrent change has just moved costs a wasted read,
 * never a wrong answer.
 */
final class OrderedIndex extends Index<Object> {

    /** Bounds of a range of entries; they sort before or after every value, in either direction. */
    enum Bound { LOW, HIGH }

    record Entry(Object[] values, Object position) {
    }

    /**
     * The entries' first key values and positions in flat arrays, and the numeric ones sorted, as of
     * one count of changes: a scan of an array is several times faster than a walk of the skip list.
     * {@code sortedNumbers} is null when a value is a number a double cannot hold.
     */
    private record Snapshot(long version, Object[] firstKeys, Object[] positions, double[] sortedNumbers) {
    }

    private final boolean[] ascending;
    private final boolean[] multikey;
    private final NavigableSet<Entry> entries;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot snapshot;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.ascending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        this.multikey = new boolean[keys.size()];
        this.entries = new ConcurrentSkipListSet<>(entryOrder());
    }

    int size() {
        return ascending.length;
    }

    String field(int i) {
        return getKeys().get(i).getKey();
    }

    boolean ascending(int i) {
        return ascending[i];
    }

    /** True once some document held an array under key {@code i}: walking such a key is not a sort by it. */
    boolean multikey(int i) {
        return multikey[i];
    }

    boolean sparse() {
        return isSparse();
    }

    /**
     * Positions of the entries between two probes (inclusive), in index order or reversed. A probe has
     * a value or a {@link Bound} for every key and a bound for the position.
     */
    Stream<Object> walk(Object[] from, Object[] to, boolean reverse) {
        NavigableSet<Entry> range = between(from, to);
        return (reverse ? range.descendingSet() : range).stream().map(Entry::position);
    }

    /** The first key value of each entry between two probes, in index order: what a count reads, no document. */
    Stream<Object> firstKeys(Object[] from, Object[] to) {
        return between(from, to).stream().map(entry -> entry.values()[0]);
    }

    /** The {@code i}-th key value of each entry between two probes, in index order: what a count of a range after an equality prefix reads. */
    Stream<Object> keysAt(Object[] from, Object[] to, int i) {
        return between(from, to).stream().map(entry -> entry.values()[i]);
    }

    private NavigableSet<Entry> between(Object[] from, Object[] to) {
        Entry first = new Entry(from, Bound.LOW);
        Entry last = new Entry(to, Bound.HIGH);
        // A range that ends before it starts ({$gt: 9, $lt: 1}) matches nothing; the set would refuse it.
        if (entries.comparator().compare(first, last) > 0) {
            return java.util.Collections.emptyNavigableSet();
        }
        return entries.subSet(first, true, last, true);
    }

    /**
     * The numeric first key values, sorted ascending, so a count of a numeric range is two binary
     * searches (a room's rank asks one per room of a page); empty when a value is a number a double
     * cannot hold.
     */
    Optional<double[]> sortedNumbers() {
        return Optional.ofNullable(current().sortedNumbers());
    }

    /** Taken again after any change of this index's keys, which costs one pass over them. */
    private Snapshot current() {
        Snapshot taken = snapshot;
        long version = changes.get();
        if (taken != null && taken.version() == version) {
            return taken;
        }
        List<Entry> all = new java.util.ArrayList<>(entries);
        Object[] keys = new Object[all.size()];
        Object[] positions = new Object[all.size()];
        double[] numbers = new double[all.size()];
        int n = 0;
        boolean exact = true;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = all.get(i).values()[0];
            positions[i] = all.get(i).position();
            if (keys[i] instanceof Double d) {
                numbers[n++] = d;
            } else if (keys[i] instanceof Number) {
                exact = false;
            }
        }
        double[] sorted = null;
        if (exact) {
            sorted = java.util.Arrays.copyOf(numbers, n);
            java.util.Arrays.sort(sorted);
        }
        taken = new Snapshot(version, keys, positions, sorted);
        snapshot = taken;
        return taken;
    }

    /** Positions whose first key value passes {@code test}: a pass over the keys, no document read. */
    Stream<Object> scanFirstKey(Predicate<Object> test) {
        Snapshot taken = current();
        return java.util.stream.IntStream.range(0, taken.firstKeys().length)
                .filter(i -> test.test(taken.firstKeys()[i])).mapToObj(i -> taken.positions()[i]);
    }

    @Override
    public Object getPosition(Document document) {
        // The _id index answers where a document lives; this one is never asked alone.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: every document may be added.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        changes.incrementAndGet();
        for (Object[] values : keyValues(document)) {
            entries.add(new Entry(values, position));
        }
    }

    @Override
    public Object remove(Document document) {
        changes.incrementAndGet();
        Object position = positionOf(document);
        for (Object[] values : keyValues(document)) {
            entries.remove(new Entry(values, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: every change may be made.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        List<Object[]> before = keyValues(oldDocument);
        List<Object[]> after = keyValues(newDocument);
        if (sameKeys(before, after)) {
            return;
        }
        changes.incrementAndGet();
        // Add first, so a query walking meanwhile sees the document at one place or both, never at none.
        for (Object[] values : after) {
            entries.add(new Entry(values, position));
        }
        for (Object[] values : before) {
            if (after.stream().noneMatch(v -> compareValues(v, values) == 0)) {
                entries.remove(new Entry(values, position));
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        // Planned by IndexedH2Collection, which also knows the sort and the limit.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedH2Collection");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        changes.incrementAndGet();
        entries.clear();
    }

    private List<Object[]> keyValues(Document document) {
        if (isSparse() && keys().stream().allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValueCollectionAware(document, key)))) {
            return List.of();
        }
        for (int i = 0; i < ascending.length; i++) {
            if (Utils.getSubdocumentValueCollectionAware(document, field(i)) instanceof java.util.Collection<?>) {
                multikey[i] = true;
            }
        }
        Set<KeyValue> values = getKeyValues(document);
        return values.stream().map(value -> value.stream().toArray()).toList();
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    private static boolean sameKeys(List<Object[]> a, List<Object[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (compareValues(a.get(i), b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int compareValues(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private Comparator<Entry> entryOrder() {
        return (a, b) -> {
            for (int i = 0; i < ascending.length; i++) {
                int c = compare(a.values()[i], b.values()[i], ascending[i]);
                if (c != 0) {
                    return c;
                }
            }
            return compare(a.position(), b.position(), true);
        };
    }

    private static int compare(Object a, Object b, boolean ascending) {
        if (a instanceof Bound || b instanceof Bound) {
            return Integer.compare(rank(a), rank(b));
        }
        int c = compareValues(a, b);
        return ascending ? c : -c;
    }

    /** A query's number as the keys hold it (a double, as mongo-java-server normalizes), so probes take the fast path. */
    static Object asKey(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Long l && Math.abs(l) < 1L << 53) {
            return l.doubleValue();
        }
        return value;
    }

    /**
     * {@link ValueComparator#asc()}, with the cases an index compares millions of times (two strings,
     * two dates, two doubles) decided directly: the general comparator looks the BSON type order up
     * for every pair, which made walking an index slower than reading documents.
     */
    static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof java.time.Instant x && b instanceof java.time.Instant y) {
            return x.compareTo(y);
        }
        return ValueComparator.asc().compare(a, b);
    }

    private static int rank(Object value) {
        return value == Bound.LOW ? -1 : value == Bound.HIGH ? 1 : 0;
    }
}
