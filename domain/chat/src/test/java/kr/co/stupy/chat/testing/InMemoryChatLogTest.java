package kr.co.stupy.chat.testing;

import kr.co.stupy.chat.ChatLog;

class InMemoryChatLogTest extends AbstractChatLogContract {
    @Override
    protected ChatLog createLog() {
        return new InMemoryChatLog();
    }
}
