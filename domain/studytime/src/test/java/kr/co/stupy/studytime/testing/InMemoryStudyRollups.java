package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyRollups;

/** {@link StudyRollups} in memory, for tests. */
public final class InMemoryStudyRollups implements StudyRollups {

    private final Map<DayKey, Long> users = new ConcurrentHashMap<>();
    private final Map<DayKey, Long> rooms = new ConcurrentHashMap<>();
    private final Map<BucketKey, Long> buckets = new ConcurrentHashMap<>();
    private final Map<MemberDayKey, Long> memberDays = new ConcurrentHashMap<>();
    private final Map<MemberPeriodKey, Long> memberPeriods = new ConcurrentHashMap<>();
    private final Map<String, kr.co.stupy.studytime.QuarterHours> quarters = new ConcurrentHashMap<>();

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
    public void addQuarters(UserId userId, kr.co.stupy.studytime.QuarterHours added) {
        quarters.merge(userId.value(), added, kr.co.stupy.studytime.QuarterHours::plus);
    }

    @Override
    public kr.co.stupy.studytime.QuarterHours quartersOfUser(UserId userId, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        kr.co.stupy.studytime.QuarterHours all = quarters.getOrDefault(userId.value(), kr.co.stupy.studytime.QuarterHours.NONE);
        Map<java.time.Instant, Long> seconds = new HashMap<>();
        all.seconds().forEach((quarter, s) -> {
            LocalDate date = kr.co.stupy.studytime.QuarterHours.utcDateOf(quarter);
            if (!date.isBefore(firstUtcDate) && !date.isAfter(lastUtcDate)) {
                seconds.put(quarter, s);
            }
        });
        Map<kr.co.stupy.studytime.QuarterHours.Span, Long> corrections = new HashMap<>();
        all.corrections().forEach((span, s) -> {
            LocalDate date = kr.co.stupy.studytime.QuarterHours.utcDateOf(span.first());
            if (!date.isBefore(firstUtcDate) && !date.isAfter(lastUtcDate)) {
                corrections.put(span, s);
            }
        });
        return new kr.co.stupy.studytime.QuarterHours(seconds, corrections);
    }

    @Override
    public Map<String, kr.co.stupy.studytime.QuarterHours> allQuarters() {
        Map<String, kr.co.stupy.studytime.QuarterHours> all = new HashMap<>();
        quarters.forEach((user, q) -> {
            if (!q.equals(kr.co.stupy.studytime.QuarterHours.NONE)) {
                all.put(user, q);
            }
        });
        return all;
    }

    @Override
    public void replaceAllQuarters(Map<String, kr.co.stupy.studytime.QuarterHours> byUser) {
        quarters.clear();
        quarters.putAll(byUser);
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
