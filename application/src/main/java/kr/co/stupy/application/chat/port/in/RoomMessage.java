package kr.co.stupy.application.chat.port.in;

import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.identity.User;

/** A chat message with its author's current nickname ("(left user)" once the account is gone). */
public record RoomMessage(ChatMessage message, String nickname) {
    public static final String LEFT_USER = "(left user)";

    /** How a user is named on chat and among peers; {@code null} is an account that is gone. */
    public static String nicknameOf(User user) {
        return user == null ? LEFT_USER : user.nickname().value();
    }
}
