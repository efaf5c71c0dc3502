package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.stupy.application.rooms.port.in.SuggestHashtagsQuery;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;
import kr.co.stupy.rooms.Rooms;

/**
 * Suggests tags from the rooms that exist. Counting tags reads every room carrying one that matches,
 * and the same few prefixes are typed by everyone, so each prefix's answer is kept for
 * {@link #FRESH_FOR} (a new room's tag shows up that much later) in a small, bounded memory.
 */
public final class HashtagSuggestionService implements SuggestHashtagsQuery {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final int PREFIXES_KEPT = 512;

    private record Counted(Instant at, List<HashtagUse> uses) {
    }

    private final Rooms rooms;
    private final Clock clock;
    private final Map<HashtagPrefix, Counted> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<HashtagPrefix, Counted> eldest) {
            return size() > PREFIXES_KEPT;
        }
    };

    public HashtagSuggestionService(Rooms rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    public List<HashtagUse> suggest(HashtagPrefix prefix, int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_SUGGESTIONS);
        }
        Instant now = clock.instant();
        Counted counted;
        synchronized (recent) {
            counted = recent.get(prefix);
        }
        if (counted == null || !now.isBefore(counted.at().plus(FRESH_FOR))) {
            // Counted outside the lock: two callers may count the same prefix at once, which is cheaper than queueing.
            counted = new Counted(now, rooms.hashtagsStartingWith(prefix, MAX_SUGGESTIONS));
            synchronized (recent) {
                recent.put(prefix, counted);
            }
        }
        return counted.uses().subList(0, Math.min(limit, counted.uses().size()));
    }
}
