package kr.co.stupy.application.chat.service;

import java.util.List;
import java.util.Map;
import kr.co.stupy.application.chat.port.in.RoomMessage;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;

/** Puts the authors' current nicknames on messages, one lookup for the whole list. */
final class NamedMessages {

    private NamedMessages() {
    }

    static List<RoomMessage> named(List<ChatMessage> messages, Users users) {
        Map<UserId, User> authors = users.byIds(messages.stream().map(ChatMessage::userId).distinct().toList());
        return messages.stream().map(m -> new RoomMessage(m, RoomMessage.nicknameOf(authors.get(m.userId())))).toList();
    }
}
