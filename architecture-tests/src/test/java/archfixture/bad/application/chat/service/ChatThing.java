package archfixture.bad.application.chat.service;

import archfixture.bad.application.chat.port.in.PostThing;

/** Implements an in-port without being named a service. */
public class ChatThing implements PostThing {
    @Override
    public ChatThing post(String text) {
        return this;
    }
}
