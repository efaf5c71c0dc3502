package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import kr.co.stupy.application.chat.port.in.PostMessageUseCase;
import kr.co.stupy.application.chat.port.in.PostNoticeUseCase;
import kr.co.stupy.application.chat.port.in.RecentMessagesQuery;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase;
import kr.co.stupy.application.live.port.in.DeliverLiveEventUseCase;
import kr.co.stupy.application.live.port.in.KeepPomodorosInStepUseCase;
import kr.co.stupy.application.live.port.out.RoomPomodoroSource;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.port.in.LeaderboardQuery;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.identity.Users;
import kr.co.stupy.studytime.StudyRules;

/**
 * The live context of one node, built in one place: its services share what the node knows of the
 * connections it holds, so they are made together. Everything it needs from elsewhere comes in
 * {@link Dependencies}: its own out-ports, and the in-ports of rooms, chat and study time.
 */
public final class LiveServices {

    /** What live rooms need, by name. {@code userLimits}: where per-user budgets are kept (shared by every node when there are many). */
    public record Dependencies(RoomRosterQuery rosters, LiveTickets tickets, LivePresence presence, RoomBroadcaster broadcaster,
                               PostMessageUseCase chat, PostNoticeUseCase notices, RecentMessagesQuery recentMessages,
                               StudySessionsUseCase sessions, LeaderboardQuery boards, Users users, RateLimits userLimits,
                               Budgets budgets, Clock clock, String nodeId, RoomPomodoroSource pomodoros, LocalConnections local) {
    }

    private final LiveAdmissionService admission;
    private final LiveMessagingService messaging;
    private final KeepAliveService keepAlive;
    private final LiveDepartureService departures;
    private final BusRecovery recovery;
    private final StudyStatusService status;
    private final PomodoroClockService pomodoros;
    private final HeldConnections held;

    private LiveServices(Dependencies needs, RateLimits connectionLimits) {
        held = new HeldConnections(needs.users(), needs.clock());
        ConnectionBeats beats = new ConnectionBeats(held.asMap(), needs.presence(), needs.sessions(), needs.clock());
        RoomAnnouncer announcer = new RoomAnnouncer(needs.broadcaster(), needs.notices(), needs.boards(), needs.sessions(),
                needs.rosters(), needs.users(), needs.clock());
        StudyStates states = new StudyStates(needs, held, announcer);
        pomodoros = new PomodoroClockService(held, needs.pomodoros(), states, needs.local(), needs.clock());
        admission = new LiveAdmissionService(needs, held, beats, announcer, pomodoros);
        messaging = new LiveMessagingService(needs, held, connectionLimits);
        keepAlive = new KeepAliveService(beats, connectionLimits, needs.budgets());
        departures = new LiveDepartureService(needs, held, beats, announcer);
        recovery = new BusRecovery(needs, held, announcer);
        status = new StudyStatusService(needs, held, states, pomodoros::resting, connectionLimits);
    }

    public static LiveServices create(Dependencies needs) {
        // Budgets of one connection (signals, pings): a connection lives on one node, so they stay in this process.
        return create(needs, new InProcessRateLimits(needs.clock()));
    }

    /** {@code connectionLimits}: where the budgets of one connection are kept (this process; the wiring may watch them). */
    public static LiveServices create(Dependencies needs, RateLimits connectionLimits) {
        return new LiveServices(needs, connectionLimits);
    }

    public LiveAdmissionService admission() {
        return admission;
    }

    public LiveMessagingService messaging() {
        return messaging;
    }

    public ChangeStudyStatusUseCase status() {
        return status;
    }

    public KeepPomodorosInStepUseCase pomodoros() {
        return pomodoros;
    }

    public KeepAliveService keepAlive() {
        return keepAlive;
    }

    public LiveDepartureService departures() {
        return departures;
    }

    /** The receiving end of a shared bus, delivering to this node's {@code connections}. */
    public DeliverLiveEventUseCase delivery(LocalConnections connections) {
        return delivery(connections, BusDeliveryService.SETTLE);
    }

    /** {@code settle}: how long a catch-up waits after the bus is back (tests shorten it). */
    public DeliverLiveEventUseCase delivery(LocalConnections connections, Duration settle) {
        return new BusDeliveryService(connections, recovery, held.views(), settle);
    }

    /** How often this node proves its connections alive. */
    public static Duration heartbeatInterval() {
        return StudyRules.HEARTBEAT_INTERVAL;
    }
}
