package kr.co.stupy.adapter.web;

/** What the HTTP edge needs to know about its surroundings. {@code port} 0 picks a free port. */
public record WebSettings(String host, int port) {
    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }
}
