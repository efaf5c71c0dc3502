package kr.co.stupy.adapter.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.InvalidInputException.FieldError;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure a route can meet, as the one problem+json language of the contract. */
class ErrorHandlingTest {

    /** Routes that fail the way an in-port or a body can; {@code /api/echo} reads a JSON body as every route does. */
    static final RouteGroup FAILING = routes -> {
        routes.get("/api/fail/{kind}", ctx -> {
            throw new DomainException(DomainException.Kind.valueOf(ctx.pathParam("kind")), "SOME_RULE", "a rule was broken");
        });
        routes.get("/api/later/rate", ctx -> {
            throw RetryLaterException.rateLimited("slow down", Duration.ofMillis(1500));
        });
        routes.get("/api/later/busy", ctx -> {
            throw RetryLaterException.busy("shedding load", Duration.ofSeconds(30));
        });
        routes.get("/api/invalid", ctx -> {
            throw new InvalidInputException(List.of(new FieldError("title", "is required"), new FieldError("maxMembers", "must be 2 to 10")));
        });
        routes.get("/api/bug", ctx -> {
            throw new IllegalStateException("the database password is hunter2");
        });
        routes.get("/api/web-problem", ctx -> {
            throw new WebProblem(418, "TEAPOT", "short and stout");
        });
        routes.post("/api/echo", ctx -> {
            JsonBody body = JsonBody.of(ctx, Json.mapper());
            var name = body.requiredString("name");
            body.validate();
            ctx.json(Map.of("name", name.orElseThrow()));
        });
    };

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(FAILING);

    final UserId me = UserId.newId();

    @ParameterizedTest
    @CsvSource({
            "INVALID, 400, Bad Request",
            "NOT_FOUND, 404, Not Found",
            "FORBIDDEN, 403, Forbidden",
            "CONFLICT, 409, Conflict",
            "UNAUTHENTICATED, 401, Unauthorized",
            "TOO_MANY, 429, Too Many Requests",
            "BUSY, 503, Service Unavailable"})
    void eachKindOfDomainFailureHasItsStatusAndKeepsItsCode(String kind, int status, String title) {
        Answer answer = web.as(me).get("/api/fail/" + kind);
        JsonNode problem = answer.problem(status, "SOME_RULE");
        assertEquals(List.of("code", "detail", "status", "title", "type"), Answer.fieldNames(problem));
        assertEquals(title, problem.get("title").asText());
        assertEquals("a rule was broken", problem.get("detail").asText());
        assertEquals(kind.equals("UNAUTHENTICATED") ? "Bearer" : null, answer.header("WWW-Authenticate"));
        assertNull(answer.header("Retry-After"), "only a RetryLaterException knows when");
    }

    @Test
    void aSpentBudgetSaysWhenToRetryInWholeSecondsRoundedUp() {
        Answer answer = web.as(me).get("/api/later/rate");
        answer.problem(429, "RATE_LIMITED");
        assertEquals("2", answer.header("Retry-After"));
    }

    @Test
    void aBusyServerIs503WithRetryAfter() {
        Answer answer = web.as(me).get("/api/later/busy");
        assertEquals("shedding load", answer.problem(503, "BUSY").get("detail").asText());
        assertEquals("30", answer.header("Retry-After"));
    }

    @Test
    void invalidInputListsEveryField() {
        JsonNode problem = web.as(me).get("/api/invalid").problem(400, "VALIDATION_FAILED");
        assertEquals("2 fields are invalid", problem.get("detail").asText());
        assertEquals(2, problem.get("errors").size());
        assertEquals(List.of("field", "message"), Answer.fieldNames(problem.get("errors").get(0)));
        assertEquals("title", problem.get("errors").get(0).get("field").asText());
        assertEquals("is required", problem.get("errors").get(0).get("message").asText());
        assertEquals("maxMembers", problem.get("errors").get(1).get("field").asText());
    }

    @Test
    void anUnexpectedFailureIs500AndTellsNothingOfItsCause() {
        Answer answer = web.as(me).get("/api/bug");
        answer.problem(500, "INTERNAL_ERROR");
        assertFalse(answer.body().contains("hunter2"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("at kr.co"), answer.body());
    }

    @Test
    void aWebProblemKeepsItsOwnStatusAndCode() {
        assertEquals("short and stout", web.as(me).get("/api/web-problem").problem(418, "TEAPOT").get("detail").asText());
    }

    @Test
    void noSuchRouteIs404AndNoSuchMethodIs405() {
        web.anonymous().get("/api/no-such-thing").problem(404, "NOT_FOUND");
        web.anonymous().get("/no-such-page").problem(404, "NOT_FOUND");
        web.as(me).send("DELETE", "/api/bug", null, new byte[0]).problem(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aJsonBodyIsReadAndUnknownFieldsAreIgnored() {
        assertEquals("kim", web.as(me).post("/api/echo", "{\"name\":\"kim\",\"extra\":[1,2]}").ok(200).get("name").asText());
        Answer withCharset = web.as(me).send("POST", "/api/echo", "Application/JSON; charset=utf-8",
                "{\"name\":\"이\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("이", withCharset.ok(200).get("name").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[{\"name\":\"kim\"}]", "\"kim\"", "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\"} {}",
            "{\"name\":NaN}", "{'name':'kim'}"})
    void aBodyThatIsNotOneJsonObjectIsMalformed(String body) {
        web.as(me).send("POST", "/api/echo", "application/json", body.getBytes(StandardCharsets.UTF_8)).problem(400, "MALFORMED_BODY");
    }

    @Test
    void aFieldOfTheWrongTypeIsAValidationError() {
        JsonNode problem = web.as(me).post("/api/echo", "{\"name\":1}").problem(400, "VALIDATION_FAILED");
        assertEquals("name", problem.get("errors").get(0).get("field").asText());
        assertEquals("must be a string", problem.get("errors").get(0).get("message").asText());
        assertEquals(List.of("name"), web.as(me).post("/api/echo", "{\"name\":null}").invalidFields());
    }

    @Test
    void anotherMediaTypeIs415() {
        web.as(me).send("POST", "/api/echo", "text/plain", "{\"name\":\"kim\"}".getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
        web.as(me).send("POST", "/api/echo", null, "{\"name\":\"kim\"}".getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
        web.as(me).send("POST", "/api/echo", "application/jsonp", "{}".getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aJsonBodyOver64KiBIs413() {
        String big = "{\"name\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";
        web.as(me).post("/api/echo", big).problem(413, "PAYLOAD_TOO_LARGE");
        String justFits = "{\"name\":\"" + "x".repeat(JsonBody.MAX_BYTES - 12) + "\"}";
        assertEquals(JsonBody.MAX_BYTES - 1, justFits.length());
        web.as(me).post("/api/echo", justFits).ok(200);
    }

    @Test
    void aBodyThatEndsBeforeItsAnnouncedLengthIs400IncompleteBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", web.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + WebAdapterHarness.tokenFor(me)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"name\":\"cut").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"INCOMPLETE_BODY\""), answer);
        }
    }
}
