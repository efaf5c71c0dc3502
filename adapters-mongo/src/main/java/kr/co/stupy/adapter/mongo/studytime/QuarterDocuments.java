package kr.co.stupy.adapter.mongo.studytime;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import kr.co.stupy.studytime.QuarterHours;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Quarter hours as users' and room members' documents hold them: one document per owner and UTC
 * date, holding {@code day: "yyyy-MM-dd"}, {@code s: {"<quarter 0-95>": seconds}} and
 * {@code c: {"<first quarter>_<quarters to the last>": seconds}} (see {@link QuarterHours}), grown by
 * {@code $inc} upserts.
 */
final class QuarterDocuments {

    private QuarterDocuments() {
    }

    /** The {@code $inc}s that add {@code quarters}, per UTC date their documents are kept under. */
    static SortedMap<LocalDate, List<Bson>> incrementsByDate(QuarterHours quarters) {
        SortedMap<LocalDate, List<Bson>> byDate = new TreeMap<>();
        quarters.seconds().forEach((quarter, seconds) -> byDate.computeIfAbsent(QuarterHours.utcDateOf(quarter), d -> new ArrayList<>())
                .add(Updates.inc("s." + slot(quarter), seconds)));
        quarters.corrections().forEach((span, seconds) -> byDate.computeIfAbsent(QuarterHours.utcDateOf(span.first()), d -> new ArrayList<>())
                .add(Updates.inc("c." + correctionKey(span), seconds)));
        return byDate;
    }

    /** One date's increments, with its owner's fields and the date set when the document is new. */
    static Bson update(List<Bson> increments, LocalDate date, Bson... owner) {
        List<Bson> update = new ArrayList<>(increments);
        update.addAll(List.of(owner));
        update.add(Updates.setOnInsert("day", date.toString()));
        return Updates.combine(update);
    }

    /** A quarter's number in its UTC date, 0 to 95. */
    private static int slot(Instant quarter) {
        return (int) (Math.floorMod(quarter.getEpochSecond(), 86_400L) / QuarterHours.QUARTER_SECONDS);
    }

    private static String correctionKey(QuarterHours.Span span) {
        return slot(span.first()) + "_" + (span.last().getEpochSecond() - span.first().getEpochSecond()) / QuarterHours.QUARTER_SECONDS;
    }

    /** The quarter-hour documents with these {@code _id}s, summed per owner; read in batches, as years of a member's dates can be thousands. */
    static <K> Map<K, QuarterHours> read(MongoCollection<Document> collection, List<String> keys, Function<Document, K> owner) {
        QuarterHours.Sums<K> sums = new QuarterHours.Sums<>();
        for (int from = 0; from < keys.size(); from += MongoStudyRollups.BATCH) {
            collection.find(in("_id", keys.subList(from, Math.min(keys.size(), from + MongoStudyRollups.BATCH))))
                    .forEach(doc -> sums.add(owner.apply(doc), quartersOf(doc)));
        }
        return sums.totals();
    }

    /** One date's document as quarter hours. */
    static QuarterHours quartersOf(Document doc) {
        Instant midnight = LocalDate.parse(doc.getString("day")).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Instant, Long> seconds = new HashMap<>();
        Document s = doc.get("s", Document.class);
        if (s != null) {
            s.forEach((slot, value) -> seconds.put(midnight.plusSeconds(Integer.parseInt(slot) * QuarterHours.QUARTER_SECONDS),
                    ((Number) value).longValue()));
        }
        Map<QuarterHours.Span, Long> corrections = new HashMap<>();
        Document c = doc.get("c", Document.class);
        if (c != null) {
            c.forEach((key, value) -> {
                String[] parts = key.split("_");
                Instant first = midnight.plusSeconds(Integer.parseInt(parts[0]) * QuarterHours.QUARTER_SECONDS);
                corrections.put(new QuarterHours.Span(first, first.plusSeconds(Long.parseLong(parts[1]) * QuarterHours.QUARTER_SECONDS)),
                        ((Number) value).longValue());
            });
        }
        return new QuarterHours(seconds, corrections);
    }

    /** One document per owner and UTC date, begun by {@code newDocument} (its {@code _id} and owner fields), in {@code _id} order. */
    static <K> List<Document> documents(Map<K, QuarterHours> byOwner, BiFunction<K, LocalDate, Document> newDocument) {
        Map<String, Document> documents = new HashMap<>();
        BiFunction<K, LocalDate, Document> ofDate = (owner, date) -> {
            Document begun = newDocument.apply(owner, date);
            return documents.computeIfAbsent(begun.getString("_id"), id -> begun.append("day", date.toString())
                    .append("s", new Document()).append("c", new Document()));
        };
        byOwner.forEach((owner, quarters) -> {
            quarters.seconds().forEach((quarter, seconds) -> ofDate.apply(owner, QuarterHours.utcDateOf(quarter))
                    .get("s", Document.class).append(Integer.toString(slot(quarter)), seconds));
            quarters.corrections().forEach((span, seconds) -> ofDate.apply(owner, QuarterHours.utcDateOf(span.first()))
                    .get("c", Document.class).append(correctionKey(span), seconds));
        });
        return RollupDocuments.sortedById(documents.values());
    }
}
