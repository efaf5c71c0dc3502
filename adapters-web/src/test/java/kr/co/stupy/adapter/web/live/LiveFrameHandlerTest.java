package kr.co.stupy.adapter.web.live;

import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.ConnectLiveUseCase.Refusal;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.port.in.KeepAliveUseCase;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase.RelaySignal;
import kr.co.stupy.application.live.port.in.SendChatUseCase;
import kr.co.stupy.application.live.port.in.SendChatUseCase.SendChat;
import org.junit.jupiter.api.Test;

/** The live edge on its own: frames become commands, bad ones are answered here, and endings get the contract's close codes. */
class LiveFrameHandlerTest {

    final ObjectMapper json = new ObjectMapper();
    final SendChatUseCase chat = mock(SendChatUseCase.class);
    final RelaySignalUseCase signals = mock(RelaySignalUseCase.class);
    final ChangeStudyStatusUseCase status = mock(ChangeStudyStatusUseCase.class);
    final KeepAliveUseCase keepAlive = mock(KeepAliveUseCase.class);
    final LiveFrameHandler frames = new LiveFrameHandler(chat, signals, status, keepAlive, new LiveSockets(json));
    final ConnectionId id = ConnectionId.newId();

    ClientFrame frame(String text) throws Exception {
        return ClientFrame.read(json.getFactory(), text);
    }

    @Test
    void aChatFrameBecomesTheSendChatCommand() throws Exception {
        when(chat.chat(any())).thenReturn(Optional.empty());
        assertEquals(Optional.empty(), frames.handle(id, frame("{\"type\":\"chat\",\"clientMsgId\":\"m-1\",\"text\":\"안녕\"}")));
        verify(chat).chat(SendChat.of(id, "m-1", "안녕"));
    }

    @Test
    void aSignalFrameBecomesTheRelayCommandWithItsPayloadUntouched() throws Exception {
        when(signals.signal(any())).thenReturn(Optional.empty());
        String peer = ConnectionId.newId().value();
        frames.handle(id, frame("{\"type\":\"signal\",\"to\":\"" + peer + "\",\"kind\":\"offer\",\"payload\":{\"sdp\":\"v=0\"}}"));
        verify(signals).signal(new RelaySignal(id, peer, "offer", new kr.co.stupy.application.live.SignalPayload("{\"sdp\":\"v=0\"}")));
    }

    @Test
    void aStatusFrameKeepsClearsOrSetsTheSubjectAsItIsGiven() throws Exception {
        when(status.changeStatus(any())).thenReturn(Optional.empty());
        frames.handle(id, frame("{\"type\":\"status\",\"status\":\"break\"}"));
        frames.handle(id, frame("{\"type\":\"status\",\"status\":\"studying\",\"subject\":null}"));
        frames.handle(id, frame("{\"type\":\"status\",\"status\":\"studying\",\"subject\":\"수학\"}"));
        verify(status).changeStatus(ChangeStudyStatusUseCase.ChangeStatus.of(id, "break", true, Optional.empty()));
        verify(status).changeStatus(ChangeStudyStatusUseCase.ChangeStatus.of(id, "studying", false, Optional.empty()));
        verify(status).changeStatus(ChangeStudyStatusUseCase.ChangeStatus.of(id, "studying", false, Optional.of("수학")));
    }

    @Test
    void badFramesAreAnsweredAtTheEdgeWithoutAnyUseCase() throws Exception {
        assertInvalid("status", "{\"type\":\"status\"}");
        assertInvalid("status", "{\"type\":\"status\",\"status\":\"sleeping\"}");
        assertInvalid("status", "{\"type\":\"status\",\"status\":\"studying\",\"subject\":42}");
        assertInvalid("status", "{\"type\":\"status\",\"status\":\"studying\",\"subject\":\"" + "x".repeat(21) + "\"}");
        assertInvalid("status", "{\"type\":\"status\",\"status\":\"studying\",\"subject\":\" \"}");
        assertInvalid("chat", "{\"type\":\"chat\",\"clientMsgId\":\"m\"}");
        assertInvalid("chat", "{\"type\":\"chat\",\"clientMsgId\":\"m\",\"text\":\"\"}");
        assertInvalid("chat", "{\"type\":\"chat\",\"clientMsgId\":\"bad id with spaces\",\"text\":\"hi\"}");
        assertInvalid("chat", "{\"type\":\"chat\",\"clientMsgId\":\"m\",\"text\":\"" + "x".repeat(1001) + "\"}");
        assertInvalid("signal", "{\"type\":\"signal\",\"to\":\"x\",\"kind\":\"hello\",\"payload\":{}}");
        assertInvalid("signal", "{\"type\":\"signal\",\"to\":\"x\",\"kind\":\"offer\",\"payload\":\"not an object\"}");
        assertInvalid("dance", "{\"type\":\"dance\"}");
        verifyNoInteractions(chat, signals, status, keepAlive);
    }

    private void assertInvalid(String type, String text) throws Exception {
        Optional<FrameError> error = frames.handle(id, frame(text));
        assertEquals(type, frame(text).type());
        assertEquals(FrameError.Problem.INVALID_FRAME, error.orElseThrow().problem(), text);
    }

    @Test
    void frameProblemsAreNamedAsTheErrorFramesCodes() {
        // The edge sends a problem's name as the error frame's code, so renaming a constant changes the wire.
        assertEquals(java.util.Set.of("NOT_LIVE", "INVALID_FRAME", "RATE_LIMITED", "UNKNOWN_PEER", "UNAVAILABLE"),
                java.util.Arrays.stream(FrameError.Problem.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void endingsCarryTheContractsCloseCodes() {
        assertEquals(4403, CloseCodes.after(new LiveEvent.Kicked()));
        assertEquals(4403, CloseCodes.after(new LiveEvent.Left()));
        assertEquals(4404, CloseCodes.after(new LiveEvent.RoomClosed()));
        assertEquals(4409, CloseCodes.after(new LiveEvent.Replaced()));
        assertEquals(0, CloseCodes.after(new LiveEvent.StudyUpdate(java.util.List.of())));
        assertEquals(4401, CloseCodes.of(Refusal.BAD_TICKET));
        assertEquals(4403, CloseCodes.of(Refusal.NOT_MEMBER));
        assertEquals(4429, CloseCodes.of(Refusal.ROOM_FULL));
        assertEquals("room full", CloseCodes.reason(4429));
    }
}
