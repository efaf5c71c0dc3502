package kr.co.stupy.rooms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import kr.co.stupy.shared.InvalidInputException;

/** A Kakao open-chat link: {@code https://open.kakao.com/<path>}, nothing else (no other host, port or user info). */
public record OpenChatUrl(String value) {

    public static final int MAX_LENGTH = 200;
    private static final String HOST = "open.kakao.com";

    public OpenChatUrl {
        value = value == null ? null : value.strip();
        if (value == null || value.length() > MAX_LENGTH || !isKakaoOpenChat(value)) {
            throw InvalidInputException.of("openChatUrl", "must be an https://open.kakao.com/... link of at most "
                    + MAX_LENGTH + " characters");
        }
    }

    private static boolean isKakaoOpenChat(String value) {
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme())
                    && HOST.equals(uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT))
                    && uri.getRawUserInfo() == null
                    && uri.getPort() == -1
                    && uri.getRawPath() != null && uri.getRawPath().length() > 1;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
