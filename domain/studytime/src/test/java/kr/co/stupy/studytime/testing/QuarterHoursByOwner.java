package kr.co.stupy.studytime.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import kr.co.stupy.studytime.QuarterHours;

/** Quarter hours summed per owner (a user, or a room member) in memory, as the in-memory read models keep them. */
final class QuarterHoursByOwner<K> {

    private final Map<K, QuarterHours> byOwner = new ConcurrentHashMap<>();

    void add(K owner, QuarterHours quarters) {
        byOwner.merge(owner, quarters, QuarterHours::plus);
    }

    QuarterHours of(K owner) {
        return byOwner.getOrDefault(owner, QuarterHours.NONE);
    }

    /** Quarters taken back to nothing are as good as absent, as in a store that reads them back. */
    Map<K, QuarterHours> all() {
        Map<K, QuarterHours> all = new HashMap<>(byOwner);
        all.values().removeIf(QuarterHours.NONE::equals);
        return all;
    }

    void replaceAll(Map<K, QuarterHours> replacing) {
        byOwner.clear();
        byOwner.putAll(replacing);
    }

    void forget(Predicate<K> owners) {
        byOwner.keySet().removeIf(owners);
    }
}
