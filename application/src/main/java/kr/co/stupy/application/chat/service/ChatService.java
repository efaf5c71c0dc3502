package kr.co.stupy.application.chat.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.application.chat.port.in.ChatHistoryQuery;
import kr.co.stupy.application.chat.port.in.ForgetRoomChatUseCase;
import kr.co.stupy.application.chat.port.in.PostMessageUseCase;
import kr.co.stupy.application.chat.port.in.PostNoticeUseCase;
import kr.co.stupy.application.chat.port.in.RecentMessagesQuery;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.Ids;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** A room's chat: members' messages and the server's notices, stored before anyone sees them, and read back. */
public final class ChatService implements PostMessageUseCase, PostNoticeUseCase, RecentMessagesQuery, ChatHistoryQuery,
        ForgetRoomChatUseCase {

    private final ChatLog chat;
    private final Users users;
    private final RoomRosterQuery rosters;
    /** Where the per-user chat budget is kept: shared by every node when there are many, so spreading over nodes gains nothing. */
    private final RateLimits limits;
    private final Budget chatPerUser;
    private final Clock clock;

    public ChatService(ChatLog chat, Users users, RoomRosterQuery rosters, RateLimits limits, Budget chatPerUser, Clock clock) {
        this.chat = chat;
        this.users = users;
        this.rosters = rosters;
        this.limits = limits;
        this.chatPerUser = chatPerUser;
        this.clock = clock;
    }

    @Override
    public Posted post(PostMessage command) {
        ChatMessage message = ChatMessage.byMember(command.roomId(), command.author(), command.text(), command.clientMsgId(),
                clock.instant());
        RateLimits.Verdict verdict = limits.take(chatPerUser, command.author().value());
        if (!verdict.allowed()) {
            throw RetryLaterException.rateLimited("more than " + chatPerUser.capacity() + " messages in "
                    + chatPerUser.period().toSeconds() + " seconds; wait a moment", verdict.retryAfter());
        }
        ChatLog.Appended appended = chat.append(message);
        return new Posted(new RoomMessage(appended.message(), command.authorNickname()), appended.created());
    }

    @Override
    public RoomMessage postNotice(PostNotice command) {
        ChatMessage notice = chat.append(ChatMessage.notice(command.roomId(), command.about(), command.text(), clock.instant())).message();
        return NamedMessages.named(List.of(notice), users).getFirst();
    }

    @Override
    public List<RoomMessage> recentMessages(RoomId roomId) {
        return NamedMessages.named(chat.history(roomId, Optional.empty(), RECENT), users);
    }

    @Override
    public Page<RoomMessage> history(UserId asker, RoomId roomId, PageRequest page) {
        rosters.membersFor(asker, roomId);
        Optional<String> before = page.cursor();
        if (before.isPresent() && !Ids.isWellFormed(before.get())) {
            throw InvalidInputException.of("before", "is not a message id");
        }
        List<ChatMessage> messages = chat.history(roomId, before, page.limit() + 1);
        boolean more = messages.size() > page.limit();
        List<ChatMessage> shown = more ? messages.subList(0, page.limit()) : messages;
        return new Page<>(NamedMessages.named(shown, users), more ? Optional.of(shown.getLast().id()) : Optional.empty());
    }

    @Override
    public void forgetRoomChat(RoomId roomId) {
        chat.deleteRoom(roomId);
    }
}
