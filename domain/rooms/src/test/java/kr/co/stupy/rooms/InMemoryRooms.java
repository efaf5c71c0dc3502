package kr.co.stupy.rooms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** {@link Rooms} in memory, for tests of everything above the domain. */
public final class InMemoryRooms implements Rooms {

    private final Map<RoomId, Room> rooms = new ConcurrentHashMap<>();
    /** Refused passwords per room, kept beside the room as the stores keep them beside its other fields. */
    private final Map<RoomId, Long> refused = new ConcurrentHashMap<>();

    @Override
    public Optional<Room> byId(RoomId id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public void insert(Room room) {
        if (rooms.putIfAbsent(room.id(), room) != null) {
            throw new IllegalStateException("room " + room.id() + " exists");
        }
    }

    @Override
    public boolean update(Room expected, Room changed) {
        AtomicBoolean written = new AtomicBoolean();
        rooms.computeIfPresent(expected.id(), (id, stored) -> {
            if (stored.version() != expected.version()) {
                return stored;
            }
            written.set(true);
            if (!stored.password().equals(changed.password())) {
                refused.remove(id);
            }
            return Room.restore(changed.id(), changed.title(), changed.description(), changed.password(),
                    changed.hashtags(), changed.openChatUrl(), changed.maxMembers(), changed.image(), changed.ownerId(),
                    changed.members(), changed.bans(), changed.createdAt(), stored.totalStudySeconds(),
                    stored.version() + 1);
        });
        return written.get();
    }

    @Override
    public boolean delete(Room expected) {
        AtomicBoolean deleted = new AtomicBoolean();
        rooms.computeIfPresent(expected.id(), (id, stored) -> {
            if (stored.version() != expected.version()) {
                return stored;
            }
            deleted.set(true);
            refused.remove(id);
            return null;
        });
        return deleted.get();
    }

    @Override
    public List<Room> ofMember(UserId userId) {
        return rooms.values().stream()
                .filter(room -> room.isMember(userId))
                .sorted(Comparator.comparing((Room room) -> room.member(userId).orElseThrow().joinedAt())
                        .thenComparing(room -> room.id().value()))
                .toList();
    }

    @Override
    public Page<Room> search(RoomSearch search, PageRequest page) {
        Optional<SearchCursor> cursor = page.cursor().map(c -> SearchCursor.decode(c, search.sort()));
        Comparator<Room> order = Comparator.comparingLong(search.sort()::sortKey)
                .thenComparing(room -> room.id().value())
                .reversed();
        List<Room> matching = rooms.values().stream()
                .filter(search::matches)
                .filter(room -> cursor.map(c -> c.precedes(room)).orElse(true))
                .sorted(order)
                .limit(page.limit() + 1L)
                .toList();
        if (matching.size() <= page.limit()) {
            return Page.last(matching);
        }
        List<Room> items = new ArrayList<>(matching.subList(0, page.limit()));
        return new Page<>(items, Optional.of(SearchCursor.after(search.sort(), items.getLast()).encode()));
    }

    @Override
    public List<HashtagUse> hashtagsStartingWith(HashtagPrefix prefix, int limit) {
        Map<Hashtag, Long> uses = new HashMap<>();
        rooms.values().forEach(room -> room.hashtags().stream().filter(prefix::startsOf)
                .forEach(tag -> uses.merge(tag, 1L, Long::sum)));
        return uses.entrySet().stream()
                .map(use -> new HashtagUse(use.getKey(), use.getValue()))
                .sorted(HashtagUse.ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public Map<Long, Long> ranksOf(Set<Long> totalStudySeconds) {
        Map<Long, Long> ranks = new HashMap<>();
        totalStudySeconds.forEach(seconds -> ranks.put(seconds,
                1 + rooms.values().stream().filter(room -> room.totalStudySeconds() > seconds).count()));
        return ranks;
    }

    @Override
    public Map<RoomId, Long> studySecondsOf(java.util.Collection<RoomId> ids) {
        Map<RoomId, Long> totals = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(rooms.get(id)).ifPresent(room -> totals.put(id, room.totalStudySeconds())));
        return totals;
    }

    @Override
    public boolean addStudySeconds(RoomId id, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("study time is only added");
        }
        return rooms.computeIfPresent(id, (key, stored) -> Room.restore(stored.id(), stored.title(),
                stored.description(), stored.password(), stored.hashtags(), stored.openChatUrl(), stored.maxMembers(),
                stored.image(), stored.ownerId(), stored.members(), stored.bans(), stored.createdAt(),
                stored.totalStudySeconds() + seconds, stored.version())) != null;
    }

    @Override
    public boolean countRefusedPassword(RoomId id, PasswordHash guessedAgainst) {
        AtomicBoolean counted = new AtomicBoolean();
        // Inside the room's own atomic step, so a password change and a count never interleave.
        rooms.computeIfPresent(id, (key, stored) -> {
            if (stored.password().equals(Optional.of(guessedAgainst))) {
                refused.merge(id, 1L, Long::sum);
                counted.set(true);
            }
            return stored;
        });
        return counted.get();
    }

    @Override
    public long refusedPasswordAttempts(RoomId id) {
        return rooms.containsKey(id) ? refused.getOrDefault(id, 0L) : 0;
    }
}
