package kr.co.stupy.bootstrap.config;

import com.mongodb.ConnectionString;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.bootstrap.config.Settings.OAuthClientSettings;

/**
 * Reads one environment variable at a time and checks its value; a bad one is a {@link SettingsException}
 * naming the variable. A variable that is unset or blank is simply absent.
 */
record EnvironmentReader(Map<String, String> env) {

    Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    int port(String name, String value, int min) {
        try {
            int port = Integer.parseInt(value);
            if (port >= min && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be a port number from " + min + " to 65535, got '" + value + "'");
    }

    /** A whole number of connections, 1 to 1,000,000 (more than any file descriptor limit allows). */
    int count(String name, String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= 1_000_000) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be a whole number from 1 to 1000000, got '" + value + "'");
    }

    /** Whole seconds from {@code min} to {@code max}. */
    Duration seconds(String name, String value, int min, int max) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= min && seconds <= max) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be a whole number of seconds from " + min + " to " + max + ", got '" + value + "'");
    }

    /** One of {@code choices}, spelled exactly (lower case). */
    String oneOf(String name, String value, List<String> choices) {
        if (choices.contains(value)) {
            return value;
        }
        throw new SettingsException(name, "must be one of " + String.join(", ", choices) + ", got '" + value + "'");
    }

    Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new SettingsException(name, "is not a usable path");
        }
    }

    String mongoUri(String name, String value) {
        try {
            new ConnectionString(value);
            return value;
        } catch (RuntimeException e) {
            throw new SettingsException(name, "must be a mongodb:// or mongodb+srv:// connection string");
        }
    }

    String redisUri(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("redis") || scheme.equals("rediss")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be a redis:// or rediss:// URI with a host");
    }

    String jwtSecret(String name, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length < Settings.MIN_JWT_SECRET_BYTES) {
            throw new SettingsException(name, "must be at least " + Settings.MIN_JWT_SECRET_BYTES + " bytes (256 bits)");
        }
        return value;
    }

    boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException(name, "must be true or false, got '" + value + "'");
        };
    }

    ZoneId zone(String name, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new SettingsException(name, "must be a time zone id such as Asia/Seoul, got '" + value + "'");
        }
    }

    LocalTime time(String name, String value) {
        try {
            LocalTime time = LocalTime.parse(value);
            if (time.getSecond() == 0 && time.getNano() == 0) {
                return time;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be a time of day as HH:mm, such as 05:00, got '" + value + "'");
    }

    /** {@code <prefix>_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _AUTH_URL} and {@code _API_URL} of one provider. */
    OAuthClientSettings oauthClient(String prefix, URI defaultAuth, URI defaultApi, boolean secretRequired) {
        Optional<String> id = optional(prefix + "_CLIENT_ID");
        Optional<String> secret = optional(prefix + "_CLIENT_SECRET");
        if (id.isEmpty() && secret.isPresent()) {
            throw new SettingsException(prefix + "_CLIENT_ID", "must be set when " + prefix + "_CLIENT_SECRET is set");
        }
        if (secretRequired && id.isPresent() && secret.isEmpty()) {
            throw new SettingsException(prefix + "_CLIENT_SECRET", "must be set when " + prefix + "_CLIENT_ID is set");
        }
        return new OAuthClientSettings(id, secret,
                optional(prefix + "_AUTH_URL").map(v -> baseUrl(prefix + "_AUTH_URL", v)).orElse(defaultAuth),
                optional(prefix + "_API_URL").map(v -> baseUrl(prefix + "_API_URL", v)).orElse(defaultApi));
    }

    URI baseUrl(String name, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be an http(s) base address without query, such as https://kauth.kakao.com");
    }

    URI publicUrl(String name, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new SettingsException(name, "must be the http(s) address users reach Stupy at, such as https://stupy.example");
    }
}
