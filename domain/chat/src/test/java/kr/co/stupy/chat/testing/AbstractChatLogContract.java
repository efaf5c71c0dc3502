package kr.co.stupy.chat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.chat.ChatMessage;
import kr.co.stupy.chat.ClientMessageId;
import kr.co.stupy.chat.MessageText;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChatLog} promises. Extend it once per implementation. */
public abstract class AbstractChatLogContract {

    protected static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    protected ChatLog log;
    protected final RoomId room = RoomId.newId();
    protected final UserId kim = UserId.newId();

    protected abstract ChatLog createLog();

    @BeforeEach
    void setUpLog() {
        log = createLog();
    }

    protected ChatMessage said(String text, String clientId, int secondsAfterT0) {
        return ChatMessage.byMember(room, kim, new MessageText(text), new ClientMessageId(clientId), T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void storesAndReadsBackNewestFirst() {
        ChatMessage first = said("안녕하세요", "c1", 0);
        ChatMessage second = said("<b>not html</b>", "c2", 1);
        ChatMessage notice = ChatMessage.notice(room, kim, new MessageText("kim 님이 들어왔어요"), T0.plusSeconds(2));
        assertTrue(log.append(first).created());
        log.append(second);
        log.append(notice);

        assertEquals(List.of(notice, second, first), log.history(room, Optional.empty(), 10));
        assertEquals(List.of(), log.history(RoomId.newId(), Optional.empty(), 10));
    }

    @Test
    void pagesBackwardsByMessageId() {
        List<ChatMessage> sent = IntStream.range(0, 25).mapToObj(i -> said("m" + i, "c" + i, i)).toList();
        sent.forEach(log::append);

        List<ChatMessage> page1 = log.history(room, Optional.empty(), 10);
        List<ChatMessage> page2 = log.history(room, Optional.of(page1.getLast().id()), 10);
        List<ChatMessage> page3 = log.history(room, Optional.of(page2.getLast().id()), 10);

        assertEquals("m24", page1.getFirst().text().value());
        assertEquals("m14", page2.getFirst().text().value());
        assertEquals(5, page3.size());
        assertEquals("m0", page3.getLast().text().value());
    }

    @Test
    void aResentClientMessageIsStoredOnceEvenInParallel() {
        // Several rounds, because the claimant and a resend completing its message race for one insert.
        for (int round = 0; round < 10; round++) {
            String clientId = "same-id-" + round;
            List<ChatLog.Appended> appended = Parallel.run(20, i -> log.append(said("once", clientId, i)));

            assertEquals(1, appended.stream().map(a -> a.message().id()).distinct().count(), "round " + round);
            assertEquals(1, appended.stream().filter(ChatLog.Appended::created).count(), "round " + round);
        }
        assertEquals(10, log.history(room, Optional.empty(), 100).size());
    }

    @Test
    void theSameClientIdFromAnotherAuthorOrRoomIsAnotherMessage() {
        log.append(said("a", "dup", 0));
        ChatLog.Appended otherAuthor = log.append(ChatMessage.byMember(room, UserId.newId(), new MessageText("b"), new ClientMessageId("dup"), T0));
        ChatLog.Appended otherRoom = log.append(ChatMessage.byMember(RoomId.newId(), kim, new MessageText("c"), new ClientMessageId("dup"), T0));
        assertTrue(otherAuthor.created());
        assertTrue(otherRoom.created());
    }

    @Test
    void deletingARoomForgetsItsChat() {
        log.append(said("bye", "x1", 0));
        ChatMessage elsewhere = ChatMessage.byMember(RoomId.newId(), kim, new MessageText("stay"), new ClientMessageId("x2"), T0);
        log.append(elsewhere);

        assertEquals(1, log.deleteRoom(room));
        assertEquals(List.of(), log.history(room, Optional.empty(), 10));
        assertFalse(log.history(elsewhere.roomId(), Optional.empty(), 10).isEmpty());
    }
}
