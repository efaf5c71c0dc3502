package archfixture.bad.application.chat.port.in;

import archfixture.bad.application.chat.service.ChatThing;

/** Neither a UseCase nor a Query, and it names its implementation: two rules break, and its package and the service's form a cycle. */
public interface PostThing {
    ChatThing post(String text);
}
