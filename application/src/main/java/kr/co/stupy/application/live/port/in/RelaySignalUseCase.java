package kr.co.stupy.application.live.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.shared.InvalidInputException;

/** WebRTC signaling: a live connection's offer, answer or candidate, relayed untouched to a peer in its room. */
public interface RelaySignalUseCase {

    /** {@code to} is the peer's connection id as the client wrote it; an unknown one is answered, not refused here. */
    record RelaySignal(ConnectionId from, String to, String kind, SignalPayload payload) {
        private static final Set<String> KINDS = Set.of("offer", "answer", "candidate");

        public RelaySignal {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(payload, "payload");
            if (kind == null || !KINDS.contains(kind)) {
                throw InvalidInputException.of("kind", "must be offer, answer or candidate");
            }
        }
    }

    Optional<FrameError> signal(RelaySignal command);
}
