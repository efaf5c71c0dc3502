package kr.co.stupy.adapter.web.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches a route: a request target it refuses or a
 * message it cannot parse. They leave as problem+json like every other error instead of Jetty's
 * HTML page. A target Jetty refuses for what is in its path (an encoded separator, an ambiguous
 * {@code %2e%2e} segment, a backslash) is a {@code 404}: it names nothing that exists. A path that
 * climbs above the root ({@code /../x}) stays the {@code 400} Jetty gives it, because Jetty reports
 * it without a reason this handler could tell apart from any other malformed request.
 */
public final class JettyErrors extends ErrorHandler {

    /** Strict-Transport-Security of a node users reach through https. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ObjectMapper mapper;
    private final boolean https;

    public JettyErrors(ObjectMapper mapper, boolean https) {
        this.mapper = mapper;
        this.https = https;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Problem problem = isRefusedTarget(code, message)
                ? Problem.of(404, "NOT_FOUND", "no such resource")
                : Problem.of(code, code >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
                code >= 500 ? "something went wrong on our side" : "the request could not be understood");
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (https) {
            response.getHeaders().put(HttpHeader.STRICT_TRANSPORT_SECURITY, HSTS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Jetty's reasons for a target it will not route all speak of the URI or the path. */
    static boolean isRefusedTarget(int code, String message) {
        if (code != 400 || message == null) {
            return false;
        }
        String reason = message.toLowerCase(Locale.ROOT);
        return reason.contains("uri") || reason.contains("path");
    }
}
