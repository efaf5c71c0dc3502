package kr.co.stupy.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.adapter.web.support.Json;

/** What the server answered, with the reading and the checks every route test needs. */
public record Answer(int status, HttpHeaders headers, byte[] bytes) {

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as JSON; fails the test when it is not. */
    public JsonNode json() {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + status + "): " + body(), e);
        }
    }

    /** The first value of the header, or null when there is none. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Checks a successful JSON answer and returns its body. */
    public JsonNode ok(int expectedStatus) {
        assertEquals(expectedStatus, status, this::toString);
        assertTrue(String.valueOf(header("Content-Type")).startsWith("application/json"), this::toString);
        return json();
    }

    /** Checks an RFC 9457 problem with the contract's stable code, and returns its body. */
    public JsonNode problem(int expectedStatus, String expectedCode) {
        assertEquals(expectedStatus, status, this::toString);
        assertEquals("application/problem+json", header("Content-Type"), this::toString);
        JsonNode problem = json();
        assertEquals("about:blank", problem.path("type").asText(), this::toString);
        assertEquals(expectedStatus, problem.path("status").asInt(), this::toString);
        assertEquals(expectedCode, problem.path("code").asText(), this::toString);
        assertTrue(problem.path("title").isTextual() && problem.path("detail").isTextual(), this::toString);
        return problem;
    }

    /** Checks a {@code 400 VALIDATION_FAILED} and returns the fields it names, in order. */
    public List<String> invalidFields() {
        JsonNode problem = problem(400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertTrue(!fields.isEmpty(), this::toString);
        return fields;
    }

    /** The field names of a JSON object, sorted, to compare a response's shape with the contract's. */
    public static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return status + " " + body();
    }
}
