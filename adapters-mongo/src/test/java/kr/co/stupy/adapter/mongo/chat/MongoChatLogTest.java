package kr.co.stupy.adapter.mongo.chat;

import kr.co.stupy.adapter.mongo.TestMongo;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.testing.AbstractChatLogContract;

class MongoChatLogTest extends AbstractChatLogContract {
    @Override
    protected ChatLog createLog() {
        return new MongoChatLog(TestMongo.freshDatabase());
    }
}
