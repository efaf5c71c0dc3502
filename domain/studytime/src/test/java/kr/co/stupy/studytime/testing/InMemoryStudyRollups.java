package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyRollups;

/** {@link StudyRollups} in memory, for tests. */
public final class InMemoryStudyRollups implements StudyRollups {

    private final Map<DayKey, Long> users = new ConcurrentHashMap<>();
    private final Map<DayKey, Long> rooms = new ConcurrentHashMap<>();
    private final Map<BucketKey, Long> buckets = new ConcurrentHashMap<>();
    private final Map<MemberDayKey, Long> memberDays = new ConcurrentHashMap<>();
    private final Map<MemberPeriodKey, Long> memberPeriods = new ConcurrentHashMap<>();
    private final Map<String, QuarterHours> userQuarters = new ConcurrentHashMap<>();
    private final Map<MemberKey, QuarterHours> memberQuarters = new ConcurrentHashMap<>();

    @Override
    public void add(UserId userId, RoomId roomId, SortedMap<LocalDate, Long> secondsByDay) {
        secondsByDay.forEach((day, seconds) -> {
            users.merge(new DayKey(userId.value(), day), seconds, Long::sum);
            rooms.merge(new DayKey(roomId.value(), day), seconds, Long::sum);
            for (PeriodBucket bucket : PeriodBucket.allContaining(day)) {
                buckets.merge(new BucketKey(bucket, roomId.value()), seconds, Long::sum);
            }
            // merge is atomic per key and returns the day's new sum, as Mongo's findOneAndUpdate does.
            long after = memberDays.merge(new MemberDayKey(roomId.value(), userId.value(), day), seconds, Long::sum);
            long change = StudyRollups.cappedChange(after, seconds);
            if (change != 0) {
                for (Optional<PeriodBucket> bucket : StudyRollups.memberBucketsContaining(day)) {
                    memberPeriods.merge(new MemberPeriodKey(roomId.value(), userId.value(), bucket), change, Long::sum);
                }
            }
        });
    }

    @Override
    public void addQuarters(UserId userId, RoomId roomId, QuarterHours added) {
        userQuarters.merge(userId.value(), added, QuarterHours::plus);
        memberQuarters.merge(new MemberKey(roomId.value(), userId.value()), added, QuarterHours::plus);
    }

    @Override
    public QuarterHours quartersOfUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        return userQuarters.getOrDefault(userId.value(), QuarterHours.NONE).storedUnder(firstUtcDate, lastUtcDate);
    }

    @Override
    public Map<UserId, QuarterHours> quartersOfMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate,
                                                       LocalDate lastUtcDate) {
        return quartersOf(roomId, members, quarters -> quarters.storedUnder(firstUtcDate, lastUtcDate));
    }

    @Override
    public Map<UserId, QuarterHours> allQuartersOfMembers(RoomId roomId, Collection<UserId> members) {
        return quartersOf(roomId, members, quarters -> quarters);
    }

    private Map<UserId, QuarterHours> quartersOf(RoomId roomId, Collection<UserId> members, UnaryOperator<QuarterHours> stored) {
        Map<UserId, QuarterHours> found = new HashMap<>();
        for (UserId member : members) {
            QuarterHours read = stored.apply(memberQuarters.getOrDefault(new MemberKey(roomId.value(), member.value()), QuarterHours.NONE));
            if (!read.equals(QuarterHours.NONE)) {
                found.put(member, read);
            }
        }
        return found;
    }

    @Override
    public Map<String, QuarterHours> allQuarters() {
        return withoutEmpty(userQuarters);
    }

    @Override
    public void replaceAllQuarters(Map<String, QuarterHours> byUser) {
        userQuarters.clear();
        userQuarters.putAll(byUser);
    }

    @Override
    public Map<MemberKey, QuarterHours> allMemberQuarters() {
        return withoutEmpty(memberQuarters);
    }

    @Override
    public void replaceAllMemberQuarters(Map<MemberKey, QuarterHours> byMember) {
        memberQuarters.clear();
        memberQuarters.putAll(byMember);
    }

    /** Quarters taken back to nothing are as good as absent, as in a store that reads them back. */
    private static <K> Map<K, QuarterHours> withoutEmpty(Map<K, QuarterHours> byOwner) {
        Map<K, QuarterHours> all = new HashMap<>(byOwner);
        all.values().removeIf(QuarterHours.NONE::equals);
        return all;
    }

    @Override
    public Map<UserId, SortedMap<LocalDate, Long>> ofMemberDays(RoomId roomId, Collection<UserId> members, Collection<LocalDate> days) {
        Map<UserId, SortedMap<LocalDate, Long>> found = new HashMap<>();
        for (UserId member : members) {
            for (LocalDate day : days) {
                Long seconds = memberDays.get(new MemberDayKey(roomId.value(), member.value(), day));
                if (seconds != null && seconds != 0) {
                    found.computeIfAbsent(member, m -> new TreeMap<>()).put(day, seconds);
                }
            }
        }
        return found;
    }

    @Override
    public Map<UserId, Long> ofMembers(RoomId roomId, Collection<UserId> members, Optional<PeriodBucket> bucket) {
        Map<UserId, Long> found = new HashMap<>();
        for (UserId member : members) {
            Long seconds = memberPeriods.get(new MemberPeriodKey(roomId.value(), member.value(), bucket));
            if (seconds != null && seconds != 0) {
                found.put(member, seconds);
            }
        }
        return found;
    }

    @Override
    public SortedMap<LocalDate, Long> ofUser(UserId userId, LocalDate first, LocalDate last) {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        users.forEach((key, seconds) -> {
            if (key.ownerId().equals(userId.value()) && !key.day().isBefore(first) && !key.day().isAfter(last) && seconds != 0) {
                days.put(key.day(), seconds);
            }
        });
        return days;
    }

    @Override
    public Map<RoomId, Long> ofRooms(PeriodBucket bucket) {
        Map<RoomId, Long> totals = new HashMap<>();
        buckets.forEach((key, seconds) -> {
            if (key.bucket().equals(bucket) && seconds != 0) {
                totals.put(new RoomId(key.roomId()), seconds);
            }
        });
        return totals;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        rooms.keySet().removeIf(key -> key.ownerId().equals(roomId.value()));
        buckets.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
        memberDays.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
        memberPeriods.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
        memberQuarters.keySet().removeIf(key -> key.roomId().equals(roomId.value()));
    }

    @Override
    public Totals all() {
        return new Totals(users, rooms, buckets, memberDays, memberPeriods);
    }

    @Override
    public void replaceAll(Totals totals) {
        users.clear();
        rooms.clear();
        users.putAll(totals.users());
        rooms.putAll(totals.rooms());
        buckets.clear();
        buckets.putAll(totals.buckets());
        memberDays.clear();
        memberDays.putAll(totals.memberDays());
        memberPeriods.clear();
        memberPeriods.putAll(totals.memberPeriods());
    }
}
