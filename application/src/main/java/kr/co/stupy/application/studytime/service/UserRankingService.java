package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import kr.co.stupy.application.studytime.port.in.UserRankingQuery;
import kr.co.stupy.application.studytime.port.out.PublicProfiles;
import kr.co.stupy.application.studytime.port.out.PublicProfiles.PublicProfile;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberTotals;
import kr.co.stupy.studytime.PeriodBucket;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.UserPeriodTotals;
import kr.co.stupy.studytime.UserPeriodTotals.UserSeconds;

/**
 * The user ranking: the finished sessions from the users' bucket totals ({@link UserPeriodTotals}, the
 * bucket running now), and on top of them the sessions running now, from presence. Only live users can
 * move between two roll-up reads, so the answer reads a handful of totals however many users there are:
 * <ul>
 *   <li>the list is the top {@code limit} of the bucket as stored, together with every live user at
 *       their total with the running session; anyone else has no more than the last of the stored top,
 *       so no one left out is ahead of anyone listed, and each listed user's rank counts the candidates ahead;</li>
 *   <li>the asker's rank is {@code 1 + } the users stored above them, corrected for live users: those
 *       counted as stored above are taken out, those whose total with the running session is above are
 *       added, which is exactly everyone ahead with the running sessions included.</li>
 * </ul>
 * A running session may push a day over sixteen hours, so the raw days it touches are read and the
 * capped day recomputed with it, as statistics and room leaderboards cap it. All figures are taken at
 * one {@code now}.
 */
public final class UserRankingService implements UserRankingQuery {

    /** How a deleted account is shown when its study time is still ranked, as room leaderboards show it. */
    static final String LEFT_USER = "(left user)";

    private final UserPeriodTotals totals;
    private final RunningSessions runningSessions;
    private final PublicProfiles profiles;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public UserRankingService(UserPeriodTotals totals, RunningSessions runningSessions, PublicProfiles profiles, StudyDayPolicy policy,
                              Clock clock) {
        this.totals = totals;
        this.runningSessions = runningSessions;
        this.profiles = profiles;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The users studying now and the asker, at one instant: {@code stored} is what the roll-ups hold in the
     * bucket, {@code withRunning} the total with the running session of those whose session adds to it.
     */
    private record Live(Set<UserId> studying, Map<UserId, Long> stored, Map<UserId, Long> withRunning) {

        long stored(UserId user) {
            return stored.getOrDefault(user, 0L);
        }

        long total(UserId user) {
            return withRunning.getOrDefault(user, stored(user));
        }
    }

    @Override
    public UserRanking ranking(UserId asker, StudyPeriod period, ZoneId zone, int limit) {
        validate(period, zone, limit);
        Instant now = clock.instant();
        PeriodBucket bucket = PeriodBucket.around(period, now, policy);
        Live live = live(asker, bucket, now);
        List<RankedUser> items = items(bucket, limit, live);
        return new UserRanking(items, standing(asker, bucket, live, items));
    }

    private void validate(StudyPeriod period, ZoneId zone, int limit) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (!PeriodBucket.PERIODS.contains(period)) {
            errors.add(new InvalidInputException.FieldError("period", "must be day, week or month"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new InvalidInputException.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (!policy.sameDaysIn(zone)) {
            // The buckets are kept for the configured study days only; another zone's days would need every session.
            errors.add(new InvalidInputException.FieldError("tz", "rankings follow the server's study day (" + policy.zone()
                    + ", days from " + policy.dayStart() + "): leave tz out or send " + policy.zone()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private Live live(UserId asker, PeriodBucket bucket, Instant now) {
        Set<UserId> studying = new HashSet<>();
        Map<UserId, SortedMap<LocalDate, Long>> running = new HashMap<>();
        for (RunningSession session : runningSessions.all()) {
            // One live connection per user; should presence list one twice for a moment, the first counts.
            if (!session.studying() || !studying.add(session.userId())) {
                continue;
            }
            SortedMap<LocalDate, Long> pieces = LeaderboardService.runningPieces(session, policy, now);
            pieces.keySet().removeIf(day -> !bucket.days().contains(day));
            if (!pieces.isEmpty()) {
                running.put(session.userId(), pieces);
            }
        }
        Set<UserId> looked = new HashSet<>(running.keySet());
        looked.add(asker);
        Map<UserId, Long> stored = totals.ofUsers(bucket, looked);
        TreeSet<LocalDate> days = new TreeSet<>();
        running.values().forEach(pieces -> days.addAll(pieces.keySet()));
        Map<UserId, SortedMap<LocalDate, Long>> raw = running.isEmpty() ? Map.of() : totals.ofUserDays(running.keySet(), days);
        Map<UserId, Long> withRunning = new HashMap<>();
        running.forEach((user, pieces) -> {
            long total = stored.getOrDefault(user, 0L);
            SortedMap<LocalDate, Long> before = raw.getOrDefault(user, Collections.emptySortedMap());
            for (Map.Entry<LocalDate, Long> piece : pieces.entrySet()) {
                total += MemberTotals.cappedChange(before.getOrDefault(piece.getKey(), 0L) + piece.getValue(), piece.getValue());
            }
            withRunning.put(user, total);
        });
        return new Live(studying, stored, withRunning);
    }

    private List<RankedUser> items(PeriodBucket bucket, int limit, Live live) {
        Map<UserId, Long> candidates = new HashMap<>();
        for (UserSeconds top : totals.top(bucket, limit)) {
            candidates.put(top.userId(), live.withRunning().getOrDefault(top.userId(), top.seconds()));
        }
        candidates.putAll(live.withRunning());
        List<Map.Entry<UserId, Long>> ordered = candidates.entrySet().stream()
                .filter(candidate -> candidate.getValue() > 0)
                .sorted(Map.Entry.<UserId, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(e -> e.getKey().value()))
                .limit(limit)
                .toList();
        Map<UserId, PublicProfile> named = profiles.of(ordered.stream().map(Map.Entry::getKey).toList());
        List<RankedUser> items = new ArrayList<>();
        long rank = 0;
        long previous = -1;
        for (int i = 0; i < ordered.size(); i++) {
            UserId user = ordered.get(i).getKey();
            long seconds = ordered.get(i).getValue();
            if (seconds != previous) {
                rank = i + 1;   // equal times share a rank; the next time's rank counts everyone ahead of it
                previous = seconds;
            }
            Optional<PublicProfile> profile = Optional.ofNullable(named.get(user));
            items.add(new RankedUser(rank, user, profile.map(PublicProfile::nickname).orElse(LEFT_USER),
                    profile.flatMap(PublicProfile::profileImage), seconds, live.studying().contains(user)));
        }
        return items;
    }

    private Standing standing(UserId asker, PeriodBucket bucket, Live live, List<RankedUser> items) {
        long mine = live.total(asker);
        if (mine == 0) {
            return new Standing(OptionalLong.empty(), 0, OptionalDouble.empty());
        }
        // Listed, the asker's rank is the list's; otherwise everyone ahead is counted, live users corrected.
        OptionalLong listed = items.stream().filter(item -> item.userId().equals(asker)).mapToLong(RankedUser::rank).findFirst();
        long ahead = listed.isPresent() ? listed.getAsLong() - 1 : totals.countAbove(bucket, mine)
                - live.withRunning().keySet().stream().filter(user -> live.stored(user) > mine).count()
                + live.withRunning().entrySet().stream().filter(e -> !e.getKey().equals(asker) && e.getValue() > mine).count();
        // Everyone with time in the bucket: the stored ones, and the live ones whose whole time is their running session.
        long ranked = totals.count(bucket) + live.withRunning().entrySet().stream()
                .filter(e -> live.stored(e.getKey()) == 0 && e.getValue() > 0).count();
        // A session finishing between two reads may shift one count: the asker is always among the ranked.
        ranked = Math.max(ranked, ahead + 1);
        return new Standing(OptionalLong.of(ahead + 1), mine, OptionalDouble.of(percentile(ranked - ahead, ranked)));
    }

    /** {@code part} of {@code whole} in percent, rounded down to one decimal (never flattering the asker). */
    static double percentile(long part, long whole) {
        return Math.floorDiv(part * 1000, whole) / 10.0;
    }
}
