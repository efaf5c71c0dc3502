package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Page;
import kr.co.stupy.shared.PageRequest;

/** {@code ?limit=&cursor=} in, {@code {"items":[...],"nextCursor":...}} out. */
public final class Paging {

    public record PageResponse<T>(List<T> items, String nextCursor) {
        public static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.items(), page.nextCursor().orElse(null));
        }
    }

    private Paging() {
    }

    public static PageRequest request(Context ctx) {
        String rawLimit = ctx.queryParam("limit");
        int limit = PageRequest.DEFAULT_LIMIT;
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(limit, Optional.ofNullable(ctx.queryParam("cursor")));
    }
}
