package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.co.stupy.application.live.LeaderboardEntry;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyStudy;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyPeriod;
import kr.co.stupy.studytime.StudySession;

/** Computes a room's leaderboard from the ledger and the live connections. */
final class Leaderboards {

    private final StudyLedger ledger;
    private final LivePresence presence;
    private final Users users;
    private final StudyDayPolicy policy;
    private final Clock clock;

    Leaderboards(StudyLedger ledger, LivePresence presence, Users users, StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.presence = presence;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    /** An open session nobody holds any more (its node died, the reaper is not done) counts to its last heartbeat only. */
    private static StudySession honest(StudySession session, Map<UserId, LiveConnection> live) {
        LiveConnection holder = live.get(session.userId());
        if (!session.isOpen() || holder != null && holder.sessionId().equals(session.id())) {
            return session;
        }
        return new StudySession(session.id(), session.userId(), session.roomId(), session.startedAt(), session.lastHeartbeatAt(),
                Optional.of(session.lastHeartbeatAt()));
    }

    List<LeaderboardEntry> of(RoomId roomId, List<UserId> members, StudyPeriod period, ZoneId zone) {
        Instant now = clock.instant();
        StudyDayPolicy local = policy.inZone(zone);
        Optional<StudyPeriod.DayRange> range = period.around(now, local);
        Instant from = range.map(r -> r.start(local)).orElse(Instant.EPOCH);
        Instant to = range.map(r -> r.end(local)).orElse(now.plusSeconds(1));

        Map<UserId, LiveConnection> live = new HashMap<>();
        presence.inRoom(roomId).forEach(c -> live.put(c.userId(), c));
        Map<UserId, List<StudySession>> byUser = ledger.inRoom(roomId, from, to).stream()
                .map(session -> honest(session, live))
                .collect(Collectors.groupingBy(StudySession::userId));
        Map<UserId, User> profiles = users.byIds(members);

        List<LeaderboardEntry> entries = new ArrayList<>();
        for (UserId member : members) {
            DailyStudy daily = DailyStudy.of(byUser.getOrDefault(member, List.of()), local, now);
            long seconds = range.map(r -> daily.total(r::contains)).orElseGet(daily::total);
            LiveConnection connection = live.get(member);
            long liveSeconds = connection == null ? 0 : Math.max(0, now.getEpochSecond() - connection.since().getEpochSecond());
            User user = profiles.get(member);
            entries.add(new LeaderboardEntry(member, user == null ? "(left user)" : user.nickname().value(),
                    user == null ? Optional.empty() : user.profileImage(), seconds, connection != null, liveSeconds));
        }
        entries.sort(Comparator.comparingLong(LeaderboardEntry::studySeconds).reversed().thenComparing(LeaderboardEntry::nickname));
        return entries;
    }
}
