package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.chat.port.in.RecentMessagesQuery;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase;
import kr.co.stupy.application.live.port.in.IssueLiveTicketUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudySession;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;

/**
 * Admission to a live room: a ticket for a member, then the connection that redeems it, admitted
 * through presence (the shared truth), recorded as a study session before anyone hears of it, and
 * announced through the broadcaster, which reaches every node.
 */
public final class LiveAdmissionService implements IssueLiveTicketUseCase, ConnectLiveUseCase {

    private final RoomRosterQuery rosters;
    private final LiveTickets tickets;
    private final LivePresence presence;
    private final RoomBroadcaster broadcaster;
    private final StudySessionsUseCase sessions;
    private final RecentMessagesQuery recentMessages;
    private final Users users;
    private final HeldConnections held;
    private final ConnectionBeats beats;
    private final RoomAnnouncer announcer;
    private final RateLimits userLimits;
    private final Budget ticketPerUser;
    private final Clock clock;
    private final String nodeId;

    private final PomodoroClockService pomodoros;

    LiveAdmissionService(LiveServices.Dependencies needs, HeldConnections held, ConnectionBeats beats, RoomAnnouncer announcer,
                         PomodoroClockService pomodoros) {
        this.pomodoros = pomodoros;
        this.rosters = needs.rosters();
        this.tickets = needs.tickets();
        this.presence = needs.presence();
        this.broadcaster = needs.broadcaster();
        this.sessions = needs.sessions();
        this.recentMessages = needs.recentMessages();
        this.users = needs.users();
        this.userLimits = needs.userLimits();
        this.ticketPerUser = needs.budgets().of(Budgets.TICKET_PER_USER);
        this.clock = needs.clock();
        this.nodeId = needs.nodeId();
        this.held = held;
        this.beats = beats;
        this.announcer = announcer;
    }

    @Override
    public LiveTickets.Ticket issueTicket(IssueLiveTicket command) {
        RoomRosterQuery.Roster roster = rosters.rosterOf(command.roomId()).orElseThrow(RoomErrors::notFound);
        if (roster.banned().contains(command.userId())) {
            throw RoomErrors.banned();
        }
        if (!roster.members().contains(command.userId())) {
            throw RoomRosterQuery.notAMember();
        }
        userLimits.require(ticketPerUser, command.userId().value(), "live tickets");
        return tickets.issue(command.userId(), command.roomId(), clock.instant());
    }

    @Override
    public Outcome connect(ConnectLive command) {
        Instant now = clock.instant();
        Optional<LiveTickets.Ticket> redeemed = tickets.redeem(command.ticket(), now);
        if (redeemed.isEmpty() || !redeemed.get().roomId().equals(command.roomId())) {
            return new Refused(Refusal.BAD_TICKET, "the ticket is unknown, used, expired or for another room");
        }
        UserId userId = redeemed.get().userId();
        Optional<List<UserId>> members = rosters.membersOf(command.roomId());
        // A banned user is never a member, so membership alone decides.
        if (members.isEmpty() || !members.get().contains(userId)) {
            return new Refused(Refusal.NOT_MEMBER, "you are no longer a member of this room");
        }
        StudySession session = StudySession.start(userId, command.roomId(), now);
        // Arriving during the room's break phase is arriving on a break: the study begins at the next focus.
        LiveEvent.PomodoroUpdate pomodoro = pomodoros.welcome(command.connectionId(), command.roomId(), now);
        boolean resting = pomodoro.phase().filter(phase -> phase.kind().resting()).isPresent();
        LiveConnection connection = new LiveConnection(command.connectionId(), userId, command.roomId(), nodeId, session.startedAt(),
                session.id(), resting ? new StudyState(StudyStatus.BREAK, Optional.empty(), session.startedAt())
                : StudyState.studying(Optional.empty(), session.startedAt()));
        if (!(presence.admit(connection) instanceof LivePresence.Admission.Admitted admitted)) {
            pomodoros.forget(command.connectionId());
            return new Refused(Refusal.ROOM_FULL, "four people are already live in this room");
        }
        try {
            if (!resting) {
                sessions.begin(session);
            }
        } catch (RuntimeException e) {
            presence.remove(command.connectionId());
            pomodoros.forget(command.connectionId());
            throw e;
        }
        User user = users.byId(userId).orElse(null);
        held.pausedByPomodoro(command.connectionId(), resting);
        held.admitted(connection, user);
        beats.admitted(command.connectionId(), now);
        admitted.replaced().ifPresent(old -> {
            broadcaster.toConnection(old.connectionId(), new LiveEvent.Replaced());
            announcer.ended(old, "님이 다른 곳에서 접속해서 나갔어요");
        });
        List<LeaderboardEntry> board = announcer.announceJoined(command.roomId(), RoomAnnouncer.peer(connection, user),
                admitted.others(), members.get());
        Map<UserId, User> peers = users.byIds(admitted.others().stream().map(LiveConnection::userId).toList());
        List<LivePeer> others = admitted.others().stream().map(c -> RoomAnnouncer.peer(c, peers.get(c.userId()))).toList();
        List<RoomMessage> recent = recentMessages.recentMessages(command.roomId());
        held.views().welcomed(command.connectionId(), connection.state(), others, recent);
        return new Welcome(command.connectionId(), command.roomId(), userId, others, recent, board, connection.state(), pomodoro,
                clock.instant());
    }
}
