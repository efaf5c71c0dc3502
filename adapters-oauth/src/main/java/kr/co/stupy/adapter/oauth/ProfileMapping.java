package kr.co.stupy.adapter.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kr.co.stupy.application.identity.port.out.ProviderProfile;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;

/**
 * Reads the profile answers of Kakao ({@code /v2/user/me}) and Naver ({@code /v1/nid/me}). Only the
 * account id is required; everything else is what the person agreed to share and may be missing.
 */
final class ProfileMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileMapping() {
    }

    /**
     * Kakao: {@code id} (a number), {@code kakao_account.profile.nickname} and
     * {@code profile_image_url}, {@code kakao_account.email}. An e-mail Kakao marks as invalid or
     * unverified is left out, because it does not prove anything about the person.
     */
    static ProviderProfile kakao(String body) {
        JsonNode root = parse(body, "kakao");
        String id = root.path("id").isIntegralNumber() || root.path("id").isTextual() ? root.path("id").asText() : "";
        JsonNode account = root.path("kakao_account");
        JsonNode profile = account.path("profile");
        Optional<String> nickname = text(profile, "nickname").or(() -> text(root.path("properties"), "nickname"));
        Optional<String> image = text(profile, "profile_image_url").or(() -> text(root.path("properties"), "profile_image"));
        boolean doubtful = !account.path("is_email_valid").asBoolean(true) || !account.path("is_email_verified").asBoolean(true);
        Optional<String> email = doubtful ? Optional.empty() : text(account, "email");
        return profile(id, nickname, email, image, "kakao");
    }

    /**
     * Naver: {@code resultcode} "00", then {@code response.id}, {@code response.nickname} (or
     * {@code response.name}), {@code response.email}, {@code response.profile_image}.
     */
    static ProviderProfile naver(String body) {
        JsonNode root = parse(body, "naver");
        if (!"00".equals(root.path("resultcode").asText())) {
            String code = root.path("resultcode").asText();
            throw new ProviderUnavailable("naver profile answered resultcode " + (code.matches("[0-9]{1,5}") ? code : "(not a number)"));
        }
        JsonNode response = root.path("response");
        Optional<String> nickname = text(response, "nickname").or(() -> text(response, "name"));
        return profile(response.path("id").isTextual() ? response.path("id").asText() : "", nickname,
                text(response, "email"), text(response, "profile_image"), "naver");
    }

    private static ProviderProfile profile(String id, Optional<String> nickname, Optional<String> email,
                                           Optional<String> image, String provider) {
        try {
            return new ProviderProfile(id, nickname, email, image);
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable(provider + " profile has no usable account id");
        }
    }

    private static JsonNode parse(String body, String provider) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw new ProviderUnavailable(provider + " profile is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ProviderUnavailable(provider + " profile is not JSON");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A provider's value quoted in a log line, cut short and stripped to harmless characters. */
    static String shortText(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
