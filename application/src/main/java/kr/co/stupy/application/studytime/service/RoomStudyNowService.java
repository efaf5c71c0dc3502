package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.RoomPeriodTotals;
import kr.co.stupy.studytime.StudyDayPolicy;

/**
 * Room cards' live figures: the page's rooms read fresh (who is live, their running sessions, the
 * day's finished total), every other live room from a snapshot of presence at most
 * {@link #SNAPSHOT_AGE} old, so a page of cards costs one read of everyone live per second and node,
 * not one per request. Running seconds are counted as the ledger counts them (nothing under five seconds).
 */
public final class RoomStudyNowService implements RoomStudyNowQuery {

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    private final RunningSessions running;
    private final RoomPeriodTotals roomPeriods;
    private final StudyDayPolicy policy;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    private record Snapshot(Instant takenAt, Map<RoomId, Long> runningByRoom) {
    }

    public RoomStudyNowService(RunningSessions running, RoomPeriodTotals roomPeriods, StudyDayPolicy policy, Clock clock) {
        this.running = running;
        this.roomPeriods = roomPeriods;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RoomsNow studyNow(Collection<RoomId> rooms) {
        Map<RoomId, List<RunningSession>> live = running.inRooms(rooms);
        Instant now = clock.instant();
        LocalDate today = policy.dayOf(now);
        Map<RoomId, Long> finishedToday = rooms.isEmpty() ? Map.of() : roomPeriods.onDay(today, rooms);
        Map<RoomId, RoomNow> figures = new HashMap<>();
        for (RoomId room : rooms) {
            List<RunningSession> members = live.getOrDefault(room, List.of());
            long runningToday = 0;
            long runningSeconds = 0;
            for (RunningSession member : members) {
                SortedMap<LocalDate, Long> pieces = LeaderboardService.runningPieces(member, policy, now);
                runningToday += pieces.getOrDefault(today, 0L);
                runningSeconds += pieces.values().stream().mapToLong(Long::longValue).sum();
            }
            figures.put(room, new RoomNow(members.stream().map(m -> new LiveMember(m.userId(), m.state())).toList(),
                    finishedToday.getOrDefault(room, 0L) + runningToday, runningSeconds));
        }
        Map<RoomId, Long> everywhere = new HashMap<>(runningEverywhere(now));
        figures.forEach((room, figure) -> everywhere.put(room, figure.runningSeconds()));
        everywhere.values().removeIf(seconds -> seconds == 0);
        return new RoomsNow(figures, everywhere);
    }

    /** Every live room's running seconds as of the snapshot, counted once per snapshot, not once per page of cards. */
    private Map<RoomId, Long> runningEverywhere(Instant now) {
        Snapshot taken = snapshot;
        if (taken.takenAt().plus(SNAPSHOT_AGE).isBefore(now)) {
            Map<RoomId, Long> byRoom = new HashMap<>();
            for (RunningSession session : running.all()) {
                long seconds = LeaderboardService.runningPieces(session, policy, now).values().stream().mapToLong(Long::longValue).sum();
                byRoom.merge(session.roomId(), seconds, Long::sum);
            }
            taken = new Snapshot(now, Map.copyOf(byRoom));
            snapshot = taken;
        }
        return taken.runningByRoom();
    }
}
