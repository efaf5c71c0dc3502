package kr.co.stupy.adapter.web.live;

import java.util.Optional;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase;
import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase.ChangeStatus;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.port.in.KeepAliveUseCase;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase.RelaySignal;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase;
import kr.co.stupy.application.live.port.in.SendChatUseCase.SendChat;
import kr.co.stupy.application.live.port.in.SendChatUseCase;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RetryLaterException;

/**
 * Turns one client frame into the command of the use case it asks for. A frame whose fields are
 * missing or not allowed is answered {@code INVALID_FRAME} here, at the edge, before any use case runs.
 */
final class LiveFrameHandler {

    private final SendChatUseCase chat;
    private final RelaySignalUseCase signals;
    private final ChangeStudyStatusUseCase status;
    private final KeepAliveUseCase keepAlive;
    private final LiveSockets sockets;

    LiveFrameHandler(SendChatUseCase chat, RelaySignalUseCase signals, ChangeStudyStatusUseCase status, KeepAliveUseCase keepAlive,
                     LiveSockets sockets) {
        this.chat = chat;
        this.signals = signals;
        this.status = status;
        this.keepAlive = keepAlive;
        this.sockets = sockets;
    }

    /** The frame's problem, if it has one; a {@code ping} is answered once its beat is kept (see {@link KeepAliveUseCase#pinged}). */
    Optional<FrameError> handle(ConnectionId id, ClientFrame frame) {
        try {
            return switch (frame.type()) {
                case "ping" -> ping(id);
                case "chat" -> frame.string("clientMsgId").isEmpty() || frame.string("text").isEmpty()
                        ? invalid("chat needs clientMsgId and text strings")
                        : chat.chat(SendChat.of(id, frame.string("clientMsgId").get(), frame.string("text").get()));
                case "signal" -> frame.string("to").isEmpty() || frame.string("kind").isEmpty() || frame.payloadObject().isEmpty()
                        ? invalid("signal needs to, kind and an object payload")
                        : signals.signal(new RelaySignal(id, frame.string("to").get(), frame.string("kind").get(),
                                new SignalPayload(frame.payloadObject().get())));
                case "status" -> status(id, frame);
                default -> invalid("unknown frame type '" + abbreviate(frame.type()) + "'");
            };
        } catch (InvalidInputException e) {
            return invalid(e.getMessage());
        }
    }

    /** {@code status} a string; {@code subject} a string, {@code null} (clears it) or left out (keeps it). */
    private Optional<FrameError> status(ConnectionId id, ClientFrame frame) {
        if (frame.string("status").isEmpty()) {
            return invalid("status needs a status string: \"studying\" or \"break\"");
        }
        ClientFrame.Given subject = frame.given("subject");
        if (subject == ClientFrame.Given.OTHER) {
            return invalid("subject is a string of 1 to 20 characters, or null to clear it");
        }
        return status.changeStatus(ChangeStatus.of(id, frame.string("status").get(), subject == ClientFrame.Given.ABSENT,
                frame.string("subject")));
    }

    private Optional<FrameError> ping(ConnectionId id) {
        // A pong means the connection's beat is kept: at once while the node's periodic beat is recent, else once written.
        keepAlive.pinged(id).whenComplete((written, failed) -> {
            if (failed instanceof RetryLaterException limited) {
                sockets.sendTo(id, LiveFrames.error(limited.code(), limited.getMessage(), Optional.of("ping")));
            } else {
                sockets.pong(id);
            }
        });
        return Optional.empty();
    }

    private static Optional<FrameError> invalid(String message) {
        return Optional.of(new FrameError(FrameError.Problem.INVALID_FRAME, message));
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
