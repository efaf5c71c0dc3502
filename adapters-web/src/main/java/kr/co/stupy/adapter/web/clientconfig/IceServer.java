package kr.co.stupy.adapter.web.clientconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One STUN or TURN server for the browsers' WebRTC connections, as an {@code RTCIceServer}. It
 * refuses what a browser would refuse when the app builds its {@code RTCPeerConnection} (an unknown
 * scheme, a TURN server without username and credential), so a bad setting fails at start-up
 * instead of in every live room.
 */
public record IceServer(List<String> urls, Optional<String> username, Optional<String> credential) {

    private static final Set<String> SCHEMES = Set.of("stun", "stuns", "turn", "turns");

    public IceServer {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("needs at least one URL in \"urls\"");
        }
        urls = List.copyOf(urls);
        username = username == null ? Optional.empty() : username;
        credential = credential == null ? Optional.empty() : credential;
        for (String url : urls) {
            String scheme = schemeOf(url);
            if (!SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException("URL '" + url + "' must start with stun:, stuns:, turn: or turns: and name a host");
            }
            if (scheme.startsWith("turn") && (username.isEmpty() || credential.isEmpty())) {
                throw new IllegalArgumentException("TURN URL '" + url + "' needs \"username\" and \"credential\"");
            }
        }
    }

    public static IceServer stun(String url) {
        return new IceServer(List.of(url), Optional.empty(), Optional.empty());
    }

    /** The RTCIceServer shape: fields a STUN server does not have are left out, not sent as null. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("urls", urls);
        username.ifPresent(value -> json.put("username", value));
        credential.ifPresent(value -> json.put("credential", value));
        return json;
    }

    /** The scheme in lower case, or "" when the URL has no host part after it or contains spaces. */
    private static String schemeOf(String url) {
        int colon = url == null ? -1 : url.indexOf(':');
        if (colon <= 0 || colon == url.length() - 1 || url.chars().anyMatch(Character::isWhitespace)
                || url.startsWith("/", colon + 1) || url.startsWith(":", colon + 1)) {
            return "";
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
