package kr.co.stupy.application.live;

import kr.co.stupy.shared.Ids;

/** One live WebSocket connection, on whichever node holds it. */
public record ConnectionId(String value) {

    public ConnectionId {
        if (!Ids.isWellFormed(value)) {
            throw new IllegalArgumentException("not a connection id");
        }
    }

    public static ConnectionId newId() {
        return new ConnectionId(Ids.newId());
    }

    public static java.util.Optional<ConnectionId> parse(String value) {
        return Ids.isWellFormed(value) ? java.util.Optional.of(new ConnectionId(value)) : java.util.Optional.empty();
    }
}
