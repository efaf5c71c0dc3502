package kr.co.stupy.application.live.service;

import java.util.List;
import java.util.Map;
import kr.co.stupy.application.live.LiveMessage;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/** Puts the authors' current nicknames on messages, one lookup for the whole list. */
final class LiveMessages {

    private LiveMessages() {
    }

    static List<LiveMessage> named(List<ChatMessage> messages, Users users) {
        Map<UserId, User> authors = users.byIds(messages.stream().map(ChatMessage::userId).distinct().toList());
        return messages.stream().map(m -> new LiveMessage(m, nickname(authors.get(m.userId())))).toList();
    }

    static String nickname(User user) {
        return user == null ? LiveMessage.LEFT_USER : user.nickname().value();
    }
}
