package archfixture.bad.application.live.service;

import archfixture.bad.application.chat.service.ChatThing;

/** Reaches into the chat context's service instead of its in-port. */
public class LiveThing {
    private final ChatThing chat = new ChatThing();

    public Object chat() {
        return chat;
    }
}
