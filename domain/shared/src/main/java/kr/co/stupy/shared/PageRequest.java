package kr.co.stupy.shared;

import java.util.Optional;

/** How much of a list to read and where to continue: {@code limit} 1–100 (default 20), an opaque cursor. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        cursor = cursor == null ? Optional.empty() : cursor.filter(c -> !c.isBlank());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be 1 to " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
