package kr.co.stupy.application.live.service;

import java.util.Optional;
import kr.co.stupy.application.chat.port.in.PostMessageUseCase.PostMessage;
import kr.co.stupy.application.chat.port.in.PostMessageUseCase.Posted;
import kr.co.stupy.application.chat.port.in.PostMessageUseCase;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.application.live.port.in.RelaySignalUseCase;
import kr.co.stupy.application.live.port.in.SendChatUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.shared.RetryLaterException;

/**
 * What a live connection sends to its room: chat, stored by the chat context before anyone sees
 * it, and WebRTC signals relayed to one peer. The node that holds a connection is the one its
 * frames arrive at, so the sender is known without a presence read.
 */
public final class LiveMessagingService implements SendChatUseCase, RelaySignalUseCase {

    private final PostMessageUseCase chat;
    private final LivePresence presence;
    private final RoomBroadcaster broadcaster;
    private final HeldConnections held;
    /** Budgets of one connection (signals): a connection lives on one node, so they stay in this process. */
    private final RateLimits connectionLimits;
    private final Budget signalPerConnection;

    LiveMessagingService(LiveServices.Dependencies needs, HeldConnections held, RateLimits connectionLimits) {
        this.chat = needs.chat();
        this.presence = needs.presence();
        this.broadcaster = needs.broadcaster();
        this.held = held;
        this.connectionLimits = connectionLimits;
        this.signalPerConnection = needs.budgets().of(Budgets.SIGNAL_PER_CONNECTION);
    }

    @Override
    public Optional<FrameError> chat(SendChat command) {
        Optional<LiveConnection> sender = held.get(command.from());
        if (sender.isEmpty()) {
            return notLive();
        }
        Posted posted;
        try {
            posted = chat.post(new PostMessage(sender.get().roomId(), sender.get().userId(), held.nicknameOf(sender.get()),
                    command.clientMsgId(), command.text()));
        } catch (RetryLaterException e) {
            return Optional.of(new FrameError(FrameError.Problem.RATE_LIMITED, e.getMessage()));
        }
        LiveEvent.ChatPosted event = new LiveEvent.ChatPosted(posted.message());
        if (posted.created()) {
            broadcaster.toRoom(sender.get().roomId(), event);
        } else {
            broadcaster.toConnection(command.from(), event);
        }
        return Optional.empty();
    }

    @Override
    public Optional<FrameError> signal(RelaySignal command) {
        Optional<LiveConnection> sender = held.get(command.from());
        if (sender.isEmpty()) {
            return notLive();
        }
        if (!connectionLimits.take(signalPerConnection, command.from().value()).allowed()) {
            return Optional.of(new FrameError(FrameError.Problem.RATE_LIMITED, "more than " + signalPerConnection.capacity()
                    + " signals in " + signalPerConnection.period().toSeconds() + " seconds; slow down"));
        }
        // A peer on this node is known here; one on another node costs one presence read.
        Optional<LiveConnection> target = ConnectionId.parse(command.to())
                .flatMap(id -> held.get(id).or(() -> presence.get(id)))
                .filter(c -> c.roomId().equals(sender.get().roomId()) && !c.connectionId().equals(command.from()));
        if (target.isEmpty()) {
            return Optional.of(new FrameError(FrameError.Problem.UNKNOWN_PEER, "no such connection in this room"));
        }
        broadcaster.toConnection(target.get(), new LiveEvent.Signal(command.from(), sender.get().userId(), command.kind(),
                command.payload()));
        return Optional.empty();
    }

    private static Optional<FrameError> notLive() {
        return Optional.of(new FrameError(FrameError.Problem.NOT_LIVE, "this connection is no longer live"));
    }
}
