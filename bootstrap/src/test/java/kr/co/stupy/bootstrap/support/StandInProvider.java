package kr.co.stupy.bootstrap.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Kakao and Naver as a test sees them: one local HTTP server answering on both providers' documented
 * token and profile paths, with their answer shapes. A test asks for an authorization code with a
 * scenario and an account, and the code then behaves that way once (codes are single-use, as at the
 * real providers). Every token request and every access token it issued are recorded, so tests can
 * check what Stupy sent and that none of it leaks.
 */
public final class StandInProvider implements AutoCloseable {

    public enum Scenario { OK, REFUSED, SERVER_ERROR, GARBAGE_PROFILE }

    /** A person at the provider; {@code email} null when they did not agree to share it. */
    public record Account(String id, String nickname, String email, String imageUrl) {
    }

    private record Grant(Scenario scenario, Account account) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();

    private StandInProvider(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/oauth/token", exchange -> token(exchange, false));
        server.createContext("/oauth2.0/token", exchange -> token(exchange, true));
        server.createContext("/v2/user/me", exchange -> profile(exchange, false));
        server.createContext("/v1/nid/me", exchange -> profile(exchange, true));
        server.start();
    }

    /** A provider that accepts only this client id and secret at its token endpoint. */
    public static StandInProvider start(String clientId, String clientSecret) {
        return new StandInProvider(clientId, clientSecret);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A fresh authorization code that plays {@code scenario} for {@code account}. */
    public String code(Scenario scenario, Account account) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(scenario, account));
        return code;
    }

    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    private void token(HttpExchange exchange, boolean naver) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        if (!clientId.equals(form.get("client_id")) || (clientSecret != null && !clientSecret.equals(form.get("client_secret")))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || grant.scenario() == Scenario.REFUSED) {
            // Kakao's answer to an unknown or used code; like the real one it quotes the code back.
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"authorization code "
                    + form.get("code") + " not found.\",\"error_code\":\"KOE320\"}");
            return;
        }
        if (grant.scenario() == Scenario.SERVER_ERROR) {
            answer(exchange, 500, "<html><body><h1>500 Internal Server Error</h1></body></html>");
            return;
        }
        String token = "AT-" + UUID.randomUUID();
        tokens.put(token, grant);
        issuedTokens.add(token);
        // Naver sends expires_in as a string; Kakao as a number.
        answer(exchange, 200, naver
                ? "{\"access_token\":\"" + token + "\",\"refresh_token\":\"RT-1\",\"token_type\":\"bearer\",\"expires_in\":\"3600\"}"
                : "{\"token_type\":\"bearer\",\"access_token\":\"" + token + "\",\"expires_in\":21599,"
                        + "\"refresh_token\":\"RT-1\",\"refresh_token_expires_in\":5183999,\"scope\":\"profile_nickname account_email\"}");
    }

    private void profile(HttpExchange exchange, boolean naver) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Grant grant = authorization.startsWith("Bearer ") ? tokens.get(authorization.substring(7)) : null;
        if (grant == null) {
            answer(exchange, 401, naver ? "{\"resultcode\":\"024\",\"message\":\"Authentication failed\"}"
                    : "{\"msg\":\"this access token does not exist\",\"code\":-401}");
            return;
        }
        if (grant.scenario() == Scenario.GARBAGE_PROFILE) {
            answer(exchange, 200, "{\"id\": 12, \"kakao_account\": {\"profile\": ");
            return;
        }
        Account account = grant.account();
        Map<String, Object> body = new LinkedHashMap<>();
        if (naver) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("id", account.id());
            response.put("nickname", account.nickname());
            response.put("profile_image", account.imageUrl());
            if (account.email() != null) {
                response.put("email", account.email());
            }
            response.put("name", "실명");
            body.put("resultcode", "00");
            body.put("message", "success");
            body.put("response", response);
        } else {
            Map<String, Object> kakaoAccount = new LinkedHashMap<>();
            kakaoAccount.put("profile_nickname_needs_agreement", false);
            kakaoAccount.put("profile", Map.of("nickname", account.nickname(), "profile_image_url", account.imageUrl(),
                    "thumbnail_image_url", account.imageUrl(), "is_default_image", false));
            kakaoAccount.put("has_email", account.email() != null);
            if (account.email() != null) {
                kakaoAccount.putAll(Map.of("email_needs_agreement", false, "is_email_valid", true, "is_email_verified", true,
                        "email", account.email()));
            } else {
                kakaoAccount.put("email_needs_agreement", true);
            }
            body.put("id", Long.parseLong(account.id()));
            body.put("connected_at", "2026-11-24T08:00:00Z");
            body.put("kakao_account", kakaoAccount);
        }
        answer(exchange, 200, JSON.writeValueAsString(body));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 500 ? "text/html" : "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        if (encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
