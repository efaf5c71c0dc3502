package kr.co.stupy.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import kr.co.stupy.adapter.web.docs.OpenApiDocument;

/**
 * The OpenAPI document ({@code adapters-web/src/main/resources/api-docs/openapi.yaml}) as the tests
 * hold the server to it. {@link Api} hands it every answer it receives, so every end-to-end test is
 * also a check of the document: the path and method must be an operation of the document (or the
 * answer a problem, as an unknown path or method gets), a success status must be one the operation
 * lists, the media type one the answer lists, and a JSON body must validate against the answer's
 * schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it). The document is read once per JVM by
 * swagger-parser, which also reports whether it is a valid OpenAPI document; schemas are compiled
 * once each by json-schema-validator.
 */
public final class ApiContract {

    /** The address the document is known by inside the validator, so its {@code $ref}s resolve to it. */
    static final String DOCUMENT_IRI = "https://stupy.test/api/openapi.json";
    /** Paths the document describes; everything else is the web app's files, which it says it leaves out. */
    private static final List<String> DESCRIBED_PREFIXES = List.of("/api/", "/images/", "/ws/");
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Holder {
        static final ApiContract INSTANCE = new ApiContract(OpenApiDocument.read());
    }

    private final JsonNode document;
    private final OpenAPI model;
    private final List<String> parseMessages;
    private final List<Template> templates;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final AtomicInteger inlineSchemas = new AtomicInteger();

    /** A path of the document as a pattern; concrete segments win over parameters, as OpenAPI says. */
    private record Template(String path, Pattern pattern, long parameters) {
        static Template of(String path) {
            String regex = path.replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\.");
            return new Template(path, Pattern.compile(regex), path.chars().filter(c -> c == '{').count());
        }
    }

    ApiContract(JsonNode document) {
        this.document = document;
        String json = document.toString();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(json, null, options);
        this.model = parsed.getOpenAPI();
        this.parseMessages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        this.templates = StreamSupport.stream(((Iterable<String>) document.path("paths")::fieldNames).spliterator(), false)
                .map(Template::of)
                .sorted(Comparator.comparingLong(Template::parameters).thenComparing(t -> -t.path().length()))
                .toList();
        // OpenAPI 3.1's dialect, told that x-problem-codes (the meaning of each code) is a note and no rule.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31()).keyword(new AnnotationKeyword("x-problem-codes")).build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /** The document of this build, read once. */
    public static ApiContract get() {
        return Holder.INSTANCE;
    }

    /** A contract over another document: for the tests that prove a wrong answer is caught. */
    public static ApiContract of(JsonNode document) {
        return new ApiContract(document);
    }

    public JsonNode document() {
        return document;
    }

    /** The document as swagger-parser reads it ({@code $ref}s left as they are). */
    public OpenAPI model() {
        return model;
    }

    /** What swagger-parser found wrong with the document as an OpenAPI 3.1 description: nothing, we hope. */
    public List<String> parseMessages() {
        return parseMessages;
    }

    /** The document's path that {@code path} falls under, if any. */
    public Optional<String> templateOf(String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).findFirst();
    }

    /** Fails (an {@link AssertionError}) when the answer is not one the document describes. */
    public void check(String method, String path, int status, String contentType, String body) {
        List<String> problems = problems(method, path, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + path + " (" + status + " " + contentType
                    + ") is not as the OpenAPI document describes it:\n  " + String.join("\n  ", problems)
                    + "\n  body: " + abbreviate(body));
        }
    }

    /** Why the answer is not one the document describes; empty when it is. */
    public List<String> problems(String method, String path, int status, String contentType, String body) {
        if (DESCRIBED_PREFIXES.stream().noneMatch(path::startsWith)) {
            return List.of();
        }
        String verb = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
        JsonNode operation = templateOf(path).map(t -> document.path("paths").path(t).path(verb)).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            // No such path or method: the server must say so with a problem, as any path may (see the document's description).
            return status >= 400 ? bodyProblems(PROBLEM_SCHEMA, "application/problem+json", contentType, body)
                    : List.of("the document has no operation " + method + " " + path + ", yet it answered " + status);
        }
        JsonNode answer = operation.path("responses").path(String.valueOf(status));
        if (answer.isMissingNode()) {
            if (status < 400) {
                return List.of("status " + status + " is not among the documented answers "
                        + fieldNames(operation.path("responses")));
            }
            answer = operation.path("responses").path("default");
            if (answer.isMissingNode()) {
                return List.of("status " + status + " is not documented and the operation has no default answer");
            }
        }
        answer = resolve(answer);
        JsonNode content = answer.path("content");
        if (content.isMissingNode() || content.isEmpty() || method.equals("HEAD")) {
            return List.of();
        }
        String mediaType = mediaTypeOf(contentType);
        if (!content.has(mediaType)) {
            return List.of("Content-Type " + contentType + " is not among the documented " + fieldNames(content));
        }
        if (!isJson(mediaType)) {
            return List.of();
        }
        JsonNode schema = content.path(mediaType).path("schema");
        return validate(schema.has("$ref") && schema.size() == 1 ? schema.get("$ref").asText() : null, schema, body);
    }

    /** Why {@code json} does not validate against the document's schema at {@code ref} ({@code #/components/schemas/...}). */
    public List<String> schemaProblems(String ref, String json) {
        return validate(ref, null, json);
    }

    private List<String> bodyProblems(String ref, String expectedMediaType, String contentType, String body) {
        if (!mediaTypeOf(contentType).equals(expectedMediaType)) {
            return List.of("Content-Type " + contentType + " where " + expectedMediaType + " was expected");
        }
        return validate(ref, null, body);
    }

    private List<String> validate(String ref, JsonNode inline, String body) {
        Schema schema;
        if (ref != null) {
            schema = compiled.computeIfAbsent(ref, r -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + r)));
        } else {
            // An inline schema is compiled under an address of its own, its "#/..." references made to point into the document.
            String key = inline.toString();
            schema = compiled.computeIfAbsent(key, k -> registry.getSchema(
                    SchemaLocation.of("https://stupy.test/inline/" + inlineSchemas.incrementAndGet()), absolute(inline).toString(),
                    InputFormat.JSON));
        }
        if (body == null || body.isBlank()) {
            return List.of("the body is empty where a JSON document was expected");
        }
        try {
            JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        return schema.validate(body, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Follows a {@code $ref} to {@code #/components/responses/...}. */
    private JsonNode resolve(JsonNode answer) {
        JsonNode ref = answer.get("$ref");
        return ref == null ? answer : document.at(ref.asText().substring(1));
    }

    private static JsonNode absolute(JsonNode node) {
        JsonNode copy = node.deepCopy();
        rewriteRefs(copy);
        return copy;
    }

    private static void rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.set("$ref", TextNode.valueOf(DOCUMENT_IRI + ref.asText()));
            }
        }
        node.forEach(ApiContract::rewriteRefs);
    }

    static String mediaTypeOf(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String body) {
        return body == null ? "(none)" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
