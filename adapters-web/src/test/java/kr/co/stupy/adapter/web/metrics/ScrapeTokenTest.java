package kr.co.stupy.adapter.web.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScrapeTokenTest {

    final ScrapeToken token = new ScrapeToken("abcdef0123456789abcdef");

    @Test
    void onlyTheBearerOfTheExactTokenIsAccepted() {
        assertTrue(token.accepts("Bearer abcdef0123456789abcdef"));
        assertTrue(token.accepts("bearer  abcdef0123456789abcdef "), "the scheme is case-insensitive and the token trimmed");
        assertFalse(token.accepts(null));
        assertFalse(token.accepts(""));
        assertFalse(token.accepts("abcdef0123456789abcdef"));
        assertFalse(token.accepts("Basic abcdef0123456789abcdef"));
        assertFalse(token.accepts("Bearer abcdef0123456789abcde"));
        assertFalse(token.accepts("Bearer abcdef0123456789abcdefX"));
        assertFalse(token.accepts("Bearer " + "a".repeat(2000)));
    }

    @Test
    void itIsNeverShownAndNeverBlank() {
        assertFalse(token.toString().contains("abcdef"));
        assertThrows(IllegalArgumentException.class, () -> new ScrapeToken(" "));
    }
}
