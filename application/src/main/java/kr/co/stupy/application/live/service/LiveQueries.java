package kr.co.stupy.application.live.service;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.live.LeaderboardEntry;
import kr.co.stupy.application.live.LiveMessage;
import kr.co.stupy.application.live.port.in.ChatHistoryQuery;
import kr.co.stupy.application.live.port.in.LeaderboardQuery;
import kr.co.stupy.application.live.port.out.RoomMembers;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;

public final class LiveQueries implements LeaderboardQuery, ChatHistoryQuery {

    private final RoomMembers rooms;
    private final ChatLog chat;
    private final Users users;
    private final Leaderboards leaderboards;

    LiveQueries(RoomMembers rooms, ChatLog chat, Users users, Leaderboards leaderboards) {
        this.rooms = rooms;
        this.chat = chat;
        this.users = users;
        this.leaderboards = leaderboards;
    }

    public static LiveQueries create(LiveRoomService live) {
        return new LiveQueries(live.rooms(), live.chat(), live.users(), live.leaderboards());
    }

    @Override
    public List<LeaderboardEntry> leaderboard(UserId asker, RoomId roomId, StudyPeriod period, ZoneId zone) {
        return leaderboards.of(roomId, membersFor(asker, roomId), period, zone);
    }

    @Override
    public Page<LiveMessage> history(UserId asker, RoomId roomId, PageRequest page) {
        membersFor(asker, roomId);
        Optional<String> before = page.cursor();
        if (before.isPresent() && !Ids.isWellFormed(before.get())) {
            throw InvalidInputException.of("before", "is not a message id");
        }
        List<ChatMessage> messages = chat.history(roomId, before, page.limit() + 1);
        boolean more = messages.size() > page.limit();
        List<ChatMessage> shown = more ? messages.subList(0, page.limit()) : messages;
        return new Page<>(LiveMessages.named(shown, users), more ? Optional.of(shown.getLast().id()) : Optional.empty());
    }

    private List<UserId> membersFor(UserId asker, RoomId roomId) {
        List<UserId> members = rooms.membersOf(roomId).orElseThrow(RoomErrors::notFound);
        if (!members.contains(asker)) {
            throw LiveErrors.notMember();
        }
        return members;
    }
}
