package kr.co.stupy.adapter.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of the HTTP and WebSocket contract. It is written by hand in YAML
 * ({@value #RESOURCE}, easier to read and review than JSON) and served as JSON; the tests in
 * bootstrap keep it honest against the routes, the answers and the problem codes.
 */
public final class OpenApiDocument {

    /** Not a package name (it has a '-'), so the resource stays readable when this module runs on the module path. */
    public static final String RESOURCE = "api-docs/openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document as a JSON tree, read from the classpath. */
    public static JsonNode read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** The document as the JSON bytes {@code GET /api/openapi.json} answers. */
    public static byte[] json() {
        try {
            return new ObjectMapper().writeValueAsBytes(read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
