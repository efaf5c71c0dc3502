package kr.co.stupy.adapter.web.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.io.EOFException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.InvalidInputException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves as {@code application/problem+json}; a 5xx never carries a stack trace. */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
    private final ObjectMapper mapper;

    public ErrorHandling(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.exception(InvalidInputException.class, (e, ctx) -> write(ctx, Problem.invalid(e)));
        routes.exception(DomainException.class, (e, ctx) -> {
            if (e.kind() == DomainException.Kind.UNAUTHENTICATED) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            if (e instanceof RetryLaterException later) {
                ctx.header("Retry-After", String.valueOf(later.retryAfterSeconds()));
            }
            write(ctx, Problem.of(statusOf(e.kind()), e.code(), e.getMessage()));
        });
        routes.exception(WebProblem.class, (e, ctx) -> write(ctx, Problem.of(e.status(), e.code(), e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromHttp(e.getStatus(), e.getMessage())));
        routes.exception(BadMessageException.class, (e, ctx) -> write(ctx, fromHttp(e.getCode(), e.getReason())));
        routes.exception(Exception.class, (e, ctx) -> {
            Problem tooLarge = tooLargeCause(e);
            if (tooLarge != null) {
                write(ctx, tooLarge);
                return;
            }
            if (endedEarly(e)) {
                // The client stopped sending before the body it announced was complete: its mistake, not ours.
                LOG.debug("the body of {} {} ended early: {}", ctx.method(), ctx.path(), e.toString());
                ctx.header("Connection", "close");
                write(ctx, Problem.of(400, "INCOMPLETE_BODY", "the body ended before the length it announced"));
                return;
            }
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, Problem.of(500, "INTERNAL_ERROR", "something went wrong on our side; it was logged"));
        });
        routes.error(404, "*", ctx -> {
            if (!hasBody(ctx)) {
                write(ctx, Problem.of(404, "NOT_FOUND", "no such resource: " + ctx.path()));
            }
        });
        routes.error(405, "*", ctx -> {
            if (!hasBody(ctx)) {
                write(ctx, Problem.of(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    public void write(Context ctx, Problem problem) {
        RefusedBodies.discard(ctx);
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY -> 429;
            case BUSY -> 503;
        };
    }

    private static Problem fromHttp(int status, String message) {
        return switch (status) {
            case 404 -> Problem.of(404, "NOT_FOUND", "no such resource");
            case 405 -> Problem.of(405, "METHOD_NOT_ALLOWED", "this method is not allowed here");
            case 413 -> Problem.of(413, "PAYLOAD_TOO_LARGE", "the body is too large");
            case 415 -> Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "unsupported media type");
            case 401 -> Problem.of(401, "UNAUTHENTICATED", "a valid bearer token is required");
            default -> status >= 500
                    ? Problem.of(500, "INTERNAL_ERROR", "something went wrong on our side")
                    : Problem.of(status, "BAD_REQUEST", message == null || message.isBlank() ? "bad request" : message);
        };
    }

    /** Jetty reports an oversized multipart body or request as an exception somewhere in the cause chain. */
    private static Problem tooLargeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad && bad.getCode() == 413
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("exceeds")) {
                return Problem.of(413, "PAYLOAD_TOO_LARGE", "the body is too large");
            }
            if (t instanceof BadMessageException bad) {
                return fromHttp(bad.getCode(), bad.getReason());
            }
        }
        return null;
    }

    /** Reading a body that stops short fails with an end of file somewhere in the cause chain (Jetty's EofException is one). */
    static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBody(Context ctx) {
        return ctx.resultInputStream() != null;
    }
}
