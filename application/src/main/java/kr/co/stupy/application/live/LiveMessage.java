package kr.co.stupy.application.live;

import kr.co.stupy.chat.ChatMessage;

/** A chat message with its author's current nickname ("(left user)" once the account is gone). */
public record LiveMessage(ChatMessage message, String nickname) {
    public static final String LEFT_USER = "(left user)";
}
