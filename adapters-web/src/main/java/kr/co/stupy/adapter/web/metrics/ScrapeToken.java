package kr.co.stupy.adapter.web.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token a scraper must send for {@code /metrics}. Only its SHA-256 digest is kept, and a
 * presented token is compared digest to digest in constant time, so neither the time an answer
 * takes nor its length tells how much of a guess was right.
 */
public final class ScrapeToken {

    private static final String BEARER = "Bearer ";
    /** Longer headers are refused unread. */
    private static final int MAX_HEADER = 1024;

    private final byte[] digest;

    public ScrapeToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a scrape token must not be blank");
        }
        this.digest = sha256(token);
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this token. */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ScrapeToken[********]";
    }
}
