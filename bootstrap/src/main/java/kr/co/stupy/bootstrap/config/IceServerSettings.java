package kr.co.stupy.bootstrap.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.adapter.web.clientconfig.IceServer;

/**
 * {@code STUPY_ICE_SERVERS}: a JSON array of RTCIceServer objects, {@code urls} (a string or
 * strings) with optional {@code username} and {@code credential}; and the same list for the
 * start-up print, with every credential masked.
 */
final class IceServerSettings {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> FIELDS = Set.of("urls", "username", "credential");

    private IceServerSettings() {
    }

    static List<IceServer> parse(String name, String value) {
        String expected = "must be a JSON array of RTCIceServer objects, such as [{\"urls\":\"stun:stun.example.org:3478\"}]";
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new SettingsException(name, expected + "; it is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new SettingsException(name, expected);
        }
        List<IceServer> servers = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            servers.add(server(name, "entry " + (i + 1), root.get(i)));
        }
        return List.copyOf(servers);
    }

    private static IceServer server(String name, String entry, JsonNode node) {
        if (!node.isObject()) {
            throw new SettingsException(name, entry + " must be an object with \"urls\"");
        }
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!FIELDS.contains(field)) {
                throw new SettingsException(name, entry + " has an unknown field \"" + oneLine(field)
                        + "\" (allowed: urls, username, credential)");
            }
        }
        JsonNode urls = node.get("urls");
        List<String> urlList = new ArrayList<>();
        if (urls == null || urls.isNull()) {
            throw new SettingsException(name, entry + " needs \"urls\"");
        } else if (urls.isTextual()) {
            urlList.add(urls.asText());
        } else if (urls.isArray() && urls.valueStream().allMatch(JsonNode::isTextual)) {
            urls.valueStream().map(JsonNode::asText).forEach(urlList::add);
        } else {
            throw new SettingsException(name, entry + ": \"urls\" must be a string or an array of strings");
        }
        try {
            return new IceServer(urlList, text(name, entry, node, "username"), text(name, entry, node, "credential"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name, entry + ": " + oneLine(e.getMessage()));
        }
    }

    private static Optional<String> text(String name, String entry, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new SettingsException(name, entry + ": \"" + field + "\" must be a string");
        }
        return Optional.of(value.asText());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ");
    }

    /** The servers as JSON with every credential replaced, so the start-up print can show the rest. */
    static String masked(List<IceServer> servers) {
        List<Map<String, Object>> masked = servers.stream()
                .map(server -> new IceServer(server.urls(), server.username(), server.credential().map(credential -> "********")))
                .map(IceServer::asJson)
                .toList();
        try {
            return JSON.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
