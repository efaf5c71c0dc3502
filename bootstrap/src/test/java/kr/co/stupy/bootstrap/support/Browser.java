package kr.co.stupy.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of a browser for the OAuth redirects: it keeps the cookies Stupy sets (by name,
 * dropping one set with {@code Max-Age=0}), sends them back, never follows a redirect by itself,
 * and remembers every {@code Location} and {@code Set-Cookie} it was given.
 */
public final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final List<String> locations;
    private final List<String> setCookies = new CopyOnWriteArrayList<>();

    /** {@code locations}: where every Location header this browser receives is also recorded. */
    public Browser(String base, List<String> locations) {
        this.base = base;
        this.locations = locations;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Location").ifPresent(locations::add);
            for (String header : response.headers().allValues("Set-Cookie")) {
                setCookies.add(header);
                String[] nameValue = header.split(";", 2)[0].split("=", 2);
                if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || nameValue[1].isEmpty()) {
                    cookies.remove(nameValue[0].strip());
                } else {
                    cookies.put(nameValue[0].strip(), nameValue[1].strip());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void dropCookies() {
        cookies.clear();
    }

    public List<String> setCookieHeaders() {
        return List.copyOf(setCookies);
    }
}
