package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and put in the logging context with the
 * route it matched, so a user's report and our log lines can be matched. A well-formed id from a
 * proxy is kept.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The matched route template ({@code /api/rooms/{id}}), never the raw path: ids and typos stay out of log fields. */
    public static final String ROUTE_MDC_KEY = "route";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    public static String assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
        return id;
    }

    /** Puts the route the request matched in the logging context, once one has matched. */
    public static void route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            MDC.put(ROUTE_MDC_KEY, matched.path);
        }
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
        MDC.remove(ROUTE_MDC_KEY);
    }
}
