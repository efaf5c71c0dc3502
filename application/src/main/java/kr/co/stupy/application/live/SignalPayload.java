package kr.co.stupy.application.live;

import java.util.Objects;

/**
 * A WebRTC signaling payload as the sender wrote it: the text of one JSON object, checked at the
 * edge and relayed untouched, so a relay never decodes and re-encodes what only the peer reads.
 */
public record SignalPayload(String json) {
    public SignalPayload {
        Objects.requireNonNull(json, "json");
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("a signal payload is a JSON object");
        }
    }
}
