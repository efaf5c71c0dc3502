package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import java.util.List;
import kr.co.stupy.shared.InvalidInputException;

/** {@code ?limit=} of the lists that are not paged (rankings, suggestions): one reading and one message for all. */
public final class LimitParam {

    private LimitParam() {
    }

    /** A whole number from 1 to {@code max}, {@code fallback} when left out or blank; a bad one adds its field error. */
    public static int read(Context ctx, int fallback, int max, List<InvalidInputException.FieldError> errors) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            errors.add(new InvalidInputException.FieldError("limit", "must be a whole number from 1 to " + max));
        }
        return limit;
    }
}
