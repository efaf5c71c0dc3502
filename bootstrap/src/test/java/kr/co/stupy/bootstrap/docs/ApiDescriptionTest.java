package kr.co.stupy.bootstrap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.co.stupy.adapter.web.docs.ApiDocsRoutes;
import kr.co.stupy.adapter.web.docs.OpenApiDocument;
import kr.co.stupy.adapter.web.site.StaticSiteRoutes;
import kr.co.stupy.bootstrap.config.MetricsSettings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.ApiContract;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the node as wired for production: every route it registered is an
 * operation of the document and every operation is a route it registered; the only routes left out
 * are the web app's files, as the document says. The document's security is what the node does, and
 * the document and its page are served without a token.
 */
class ApiDescriptionTest {

    /** With every optional route on: the metrics scrape is served on the main port only where a token is set. */
    @AutoClose
    static final TestNode node = TestNode.start(TestNode.settings(TestNode.freshDataDir(), Optional.of(true))
            .withMetrics(MetricsSettings.withToken("scrape-" + UUID.randomUUID())));
    static final Api api = node.api();
    static final ApiContract contract = ApiContract.get();
    /** The routes of the document, written as the node lists its own: "GET /api/rooms/{id}", "WS /ws/rooms/{roomId}". */
    static final Map<String, Operation> documented = documentedRoutes();

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        Set<String> registered = node.routes().stream().filter(route -> !isWebAppFile(route)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(documented.keySet()), registered,
                "document the new routes in adapters-web/src/main/resources/api-docs/openapi.yaml, or remove the routes gone");
        assertTrue(registered.size() > 40, "the node's routes were listed: " + registered);
    }

    @Test
    void theRoutesLeftOutOfTheDocumentAreTheWebAppsFilesAlone() {
        Set<String> files = new StaticSiteRoutes("public").paths().stream().map(path -> "/" + path).collect(Collectors.toSet());
        List<String> leftOut = node.routes().stream().filter(ApiDescriptionTest::isWebAppFile).toList();
        assertTrue(leftOut.contains("GET /") && leftOut.contains("HEAD /app/main.js"), leftOut.toString());
        for (String route : leftOut) {
            String path = route.substring(route.indexOf(' ') + 1);
            assertTrue(Set.of("GET", "HEAD").contains(route.substring(0, route.indexOf(' '))), route);
            assertTrue(path.equals("/") || path.equals("/manifest.json") || files.contains(path), route + " is no file of the web app");
        }
    }

    @Test
    void everyOperationWithoutSecurityAnswersWithoutATokenAndEveryOtherRefusesTheRequest() {
        List<String> wrong = new ArrayList<>();
        documented.forEach((route, operation) -> {
            if (route.startsWith("WS ")) {
                return;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            Api.Reply reply = api.raw(method, path, null, null, null);
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (open == (reply.status() == 401)) {
                wrong.add(route + (open ? " is documented without security" : " is documented with bearer security")
                        + " but answered " + reply.status() + " " + reply.code());
            }
            if (!open && !"Bearer".equals(reply.headers().firstValue("WWW-Authenticate").orElse(""))) {
                wrong.add(route + " refused without WWW-Authenticate: Bearer");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDocumentIsServedAsWrittenWithoutAToken() {
        Api.Reply reply = api.get("/api/openapi.json", null);
        assertEquals(200, reply.status(), reply.raw());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(OpenApiDocument.read(), reply.body());
        assertEquals(List.of(), ApiContract.of(reply.body()).parseMessages(), "the served document is valid OpenAPI 3.1");
    }

    @Test
    void thePageAndItsFilesAreServedWithoutATokenUnderTheSitesPolicy() {
        for (String path : List.of("/api/docs", "/api/docs/docs.js", "/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui.css")) {
            Api.Reply reply = api.get(path, null);
            assertEquals(200, reply.status(), path);
            assertEquals(StaticSiteRoutes.CONTENT_SECURITY_POLICY, reply.headers().firstValue("Content-Security-Policy").orElse(""), path);
            String etag = reply.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, api.conditionalGet(path, etag).status(), path);
        }
        assertTrue(api.get("/api/docs", null).raw().contains("/api/docs/docs.js"));
        assertEquals("NOT_FOUND", api.get("/api/docs/nothing.js", null).code());
        assertNotEquals(401, api.get("/api/docs/nothing.js", null).status());
    }

    @Test
    void theFilesOfThePageAreTheDocumentedOnes() {
        JsonNode names = contract.document().at("/paths/~1api~1docs~1{file}/get/parameters/0/schema/enum");
        Set<String> documentedFiles = new TreeSet<>();
        names.forEach(name -> documentedFiles.add(name.asText()));
        assertEquals(documentedFiles, new TreeSet<>(new ApiDocsRoutes().fileNames()));
        documentedFiles.forEach(name -> assertEquals(200, api.get("/api/docs/" + name, null).status(), name));
    }

    private static boolean isWebAppFile(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return !path.startsWith("/api/") && !path.startsWith("/images/") && !path.startsWith("/ws/") && !path.equals("/metrics");
    }

    private static Map<String, Operation> documentedRoutes() {
        Map<String, Operation> routes = new java.util.TreeMap<>();
        contract.model().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean webSocket = operation.getExtensions() != null && operation.getExtensions().containsKey("x-websocket");
            routes.put((webSocket ? "WS" : method.name().toUpperCase(Locale.ROOT)) + " " + path, operation);
        }));
        return routes;
    }
}
