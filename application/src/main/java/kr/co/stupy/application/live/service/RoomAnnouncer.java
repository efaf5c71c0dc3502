package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.chat.port.in.PostNoticeUseCase.PostNotice;
import kr.co.stupy.application.chat.port.in.PostNoticeUseCase;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.LivePeer;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.studytime.port.in.LeaderboardEntry;
import kr.co.stupy.application.studytime.port.in.LeaderboardQuery;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase.SessionEnd;
import kr.co.stupy.application.studytime.port.in.StudySessionsUseCase;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * What a room hears when someone comes or goes: the peer event, a chat notice, and the day's board.
 * A departure also ends the study session the connection was, wherever it is noticed.
 */
final class RoomAnnouncer {

    private final RoomBroadcaster broadcaster;
    private final PostNoticeUseCase notices;
    private final LeaderboardQuery boards;
    private final StudySessionsUseCase sessions;
    private final RoomRosterQuery rosters;
    private final Users users;
    private final Clock clock;

    RoomAnnouncer(RoomBroadcaster broadcaster, PostNoticeUseCase notices, LeaderboardQuery boards, StudySessionsUseCase sessions,
                  RoomRosterQuery rosters, Users users, Clock clock) {
        this.broadcaster = broadcaster;
        this.notices = notices;
        this.boards = boards;
        this.sessions = sessions;
        this.rosters = rosters;
        this.users = users;
        this.clock = clock;
    }

    /** A connection that left presence: its session ends now, and the room hears of it. */
    void ended(LiveConnection gone, String noticeSuffix) {
        sessions.end(new SessionEnd(gone.sessionId(), clock.instant()));
        announceLeft(gone, noticeSuffix);
    }

    void announceLeft(LiveConnection gone, String noticeSuffix) {
        broadcaster.toRoom(gone.roomId(), new LiveEvent.PeerLeft(gone.connectionId(), gone.userId()));
        RoomMessage notice = notice(gone.roomId(), gone.userId(),
                RoomMessage.nicknameOf(users.byId(gone.userId()).orElse(null)) + " " + noticeSuffix);
        broadcaster.toRoom(gone.roomId(), new LiveEvent.ChatPosted(notice));
        rosters.membersOf(gone.roomId()).ifPresent(members -> broadcaster.toRoom(gone.roomId(),
                new LiveEvent.StudyUpdate(boards.todayBoard(gone.roomId(), members))));
    }

    /**
     * The newcomer is announced to those already live: its peer event, the notice (which the newcomer
     * reads among its welcome's recent messages) and the day's board, which is returned for the welcome.
     */
    List<LeaderboardEntry> announceJoined(RoomId roomId, LivePeer newcomer, List<LiveConnection> others, List<UserId> members) {
        for (LiveConnection other : others) {
            broadcaster.toConnection(other.connectionId(), new LiveEvent.PeerJoined(newcomer));
        }
        LiveEvent joined = new LiveEvent.ChatPosted(notice(roomId, newcomer.userId(),
                newcomer.nickname() + " 님이 들어왔어요"));
        others.forEach(other -> broadcaster.toConnection(other.connectionId(), joined));
        List<LeaderboardEntry> board = boards.todayBoard(roomId, members);
        for (LiveConnection other : others) {
            broadcaster.toConnection(other.connectionId(), new LiveEvent.StudyUpdate(board));
        }
        return board;
    }

    Optional<List<LeaderboardEntry>> todayBoard(RoomId roomId) {
        return rosters.membersOf(roomId).map(members -> boards.todayBoard(roomId, members));
    }

    static LivePeer peer(LiveConnection connection, User user) {
        return new LivePeer(connection.connectionId(), connection.userId(), RoomMessage.nicknameOf(user),
                user == null ? Optional.empty() : user.profileImage(), connection.since(), connection.state());
    }

    private RoomMessage notice(RoomId roomId, UserId about, String text) {
        return notices.postNotice(new PostNotice(roomId, about, new MessageText(text)));
    }
}
