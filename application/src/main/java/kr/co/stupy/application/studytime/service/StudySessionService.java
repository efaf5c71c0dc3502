package kr.co.stupy.application.studytime.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import kr.co.stupy.application.studytime.port.in.RebuildRollupsUseCase;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.application.studytime.port.out.RoomStudyTotals;
import kr.co.stupy.application.studytime.port.out.RunningSessions;
import kr.co.stupy.studytime.QuarterHours;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.studytime.StudySession;

/** Writes study sessions to the ledger, and each finished one's time to the room's total and the roll-ups. */
public final class StudySessionService implements StudySessionsUseCase {

    private static final System.Logger LOG = System.getLogger(StudySessionService.class.getName());

    private final StudyLedger ledger;
    private final RoomStudyTotals totals;
    private final StudyRollups rollups;
    private final RunningSessions running;
    private final StudyDayPolicy policy;
    private final Clock clock;

    public StudySessionService(StudyLedger ledger, RoomStudyTotals totals, StudyRollups rollups, RunningSessions running,
                               StudyDayPolicy policy, Clock clock) {
        this.ledger = ledger;
        this.totals = totals;
        this.rollups = rollups;
        this.running = running;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void begin(StudySession session) {
        ledger.begin(session);
    }

    @Override
    public void beat(Beat beat) {
        if (beat.everyHeld()) {
            ledger.beatEveryHeld(beat.sessionIds(), beat.at());
        } else {
            ledger.heartbeatAll(beat.sessionIds(), beat.at());
        }
    }

    /**
     * Ending is the commit point: a crash right after it leaves the roll-ups short by this session
     * until a rebuild from the ledger ({@link RebuildRollupsUseCase}).
     */
    @Override
    public boolean end(SessionEnd end) {
        Optional<StudySession> ended = ledger.end(end.sessionId(), end.at());
        ended.map(s -> s.counted(end.at()).toSeconds()).filter(seconds -> seconds > 0)
                .ifPresent(seconds -> totals.add(ended.get().roomId(), seconds));
        ended.ifPresent(this::rollUp);
        return ended.isPresent();
    }

    @Override
    public void endInRemovedRoom(SessionEnd end) {
        ledger.end(end.sessionId(), end.at()).ifPresent(this::rollUp);
    }

    @Override
    public int endSilentSince(Instant cutoff) {
        int closed = 0;
        for (StudySession session : ledger.openWithHeartbeatBefore(cutoff)) {
            if (end(new SessionEnd(session.id(), session.lastHeartbeatAt()))) {
                closed++;
            }
        }
        return closed;
    }

    @Override
    public int endUnheld() {
        int closed = 0;
        for (StudySession session : ledger.openWithHeartbeatBefore(clock.instant().plusSeconds(1))) {
            if (running.ofUser(session.userId()).filter(s -> s.sessionId().equals(session.id())).isEmpty()
                    && end(new SessionEnd(session.id(), session.lastHeartbeatAt()))) {
                closed++;
            }
        }
        return closed;
    }

    private void rollUp(StudySession finished) {
        SortedMap<LocalDate, Long> pieces = StudyRollups.piecesOf(finished, policy);
        if (pieces.isEmpty()) {
            return;
        }
        try {
            rollups.userDays().add(finished.userId(), pieces);
            rollups.roomPeriods().add(finished.roomId(), pieces);
            rollups.memberTotals().add(finished.userId(), finished.roomId(), pieces);
            rollups.userPeriods().add(finished.userId(), pieces);
            QuarterHours quarters = QuarterHours.of(finished);
            rollups.userQuarters().add(finished.userId(), quarters);
            rollups.memberQuarters().add(finished.userId(), finished.roomId(), quarters);
        } catch (RuntimeException e) {
            // The session is ended and counted in the ledger; leaving a socket half-closed would help nobody.
            LOG.log(System.Logger.Level.WARNING, "rolling up study session " + finished.id() + " failed; a rebuild of the roll-ups repairs it", e);
        }
    }
}
