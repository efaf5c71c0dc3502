package kr.co.stupy.adapter.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.Validation;

/**
 * A JSON object from a request, read field by field. Each accessor checks the JSON type and
 * remembers every mistake; {@link #validate()} then fails once with all of them. Unknown fields
 * are ignored, as the contract says.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    private final ObjectNode node;
    private final Validation validation = new Validation();

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Reads the body of a JSON request: 415 for another media type, 413 over 64 KiB, 400 for anything not an object. */
    public static JsonBody of(Context ctx, ObjectMapper mapper) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].strip().equals("application/json")) {
            throw WebProblem.unsupportedMediaType("application/json");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw WebProblem.tooLarge("a JSON body is at most 64 KiB");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) {
            throw WebProblem.tooLarge("a JSON body is at most 64 KiB");
        }
        if (bytes.length == 0) {
            throw WebProblem.badRequest("MALFORMED_BODY", "a JSON object is required");
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw WebProblem.badRequest("MALFORMED_BODY", "the body is not valid JSON");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw WebProblem.badRequest("MALFORMED_BODY", "the body must be a JSON object");
        }
        return new JsonBody(object);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** True when the field is present with the JSON value {@code null}. */
    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public Optional<String> string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            validation.add(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    public Optional<String> requiredString(String field) {
        if (!node.hasNonNull(field)) {
            validation.add(field, "is required");
            return Optional.empty();
        }
        return string(field);
    }

    public Optional<Integer> integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            validation.add(field, "must be a whole number");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            validation.add(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<List<String>> strings(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            validation.add(field, "must be an array of strings");
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                validation.add(field, "must be an array of strings");
                return Optional.empty();
            }
            items.add(item.textValue());
        }
        return Optional.of(items);
    }

    /** Records a rule the caller checked itself, so it is reported together with the type errors. */
    public JsonBody check(boolean ok, String field, String message) {
        validation.check(ok, field, message);
        return this;
    }

    /** Fails with every recorded mistake, if there was any. */
    public void validate() {
        validation.throwIfFailed();
    }

    /**
     * Builds a domain value and folds its own validation failure into this body's errors, so that
     * type errors and rule errors are reported together.
     */
    public <R, T> Optional<T> convert(Optional<R> raw, java.util.function.Function<R, T> factory) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(factory.apply(raw.get()));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> validation.add(error.field(), error.message()));
            return Optional.empty();
        }
    }
}
