package kr.co.stupy.adapter.web.stats;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import kr.co.stupy.shared.InvalidInputException;

/** The {@code tz} the statistics routes share. */
final class StatsParams {

    private StatsParams() {
    }

    /** The zone asked for; a bad one adds its field error to {@code errors} and gives {@code fallback}. */
    static ZoneId read(Context ctx, ZoneId fallback, List<InvalidInputException.FieldError> errors) {
        String tz = ctx.queryParam("tz");
        if (tz == null) {
            return fallback;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            errors.add(new InvalidInputException.FieldError("tz", "must be a time zone such as Asia/Seoul"));
            return fallback;
        }
    }
}
