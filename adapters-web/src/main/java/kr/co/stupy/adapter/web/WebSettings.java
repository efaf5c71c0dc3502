package kr.co.stupy.adapter.web;

import java.time.Duration;

/**
 * What the HTTP edge needs to know about its surroundings. {@code port} 0 picks a free port.
 *
 * @param https                    users reach this node over https (its public URL says so): every answer carries HSTS
 * @param maxConnections           open connections of all clients together; past it the node stops accepting until one closes
 * @param maxConnectionsPerAddress open connections of one client address; one more is closed as soon as it is accepted
 * @param requestHeadDeadline      how long a request head may take from its first byte to its blank line
 */
public record WebSettings(String host, int port, boolean https, int maxConnections, int maxConnectionsPerAddress,
                          Duration requestHeadDeadline) {

    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
    /** A browser sends a head in one packet; ten seconds covers any real network and stops a trickle (slowloris). */
    public static final Duration DEFAULT_REQUEST_HEAD_DEADLINE = Duration.ofSeconds(10);

    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1");
        }
        if (requestHeadDeadline.isNegative() || requestHeadDeadline.isZero()) {
            throw new IllegalArgumentException("the request head deadline must be positive");
        }
    }

    /** Plain http with the default caps. */
    public WebSettings(String host, int port) {
        this(host, port, false, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_REQUEST_HEAD_DEADLINE);
    }
}
