package kr.co.stupy.adapter.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    final JwtTokenService tokens = new JwtTokenService(KEY, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
    final UserId user = UserId.newId();

    @Test
    void aTokenVerifiesAsTheUserItWasIssuedTo() throws Exception {
        var issued = tokens.issue(user);
        assertEquals(Optional.of(user), tokens.verify(issued.token()));
        assertEquals(NOW.plus(Duration.ofHours(1)), issued.expiresAt());
        JWTClaimsSet claims = SignedJWT.parse(issued.token()).getJWTClaimsSet();
        assertEquals(user.value(), claims.getSubject());
        assertEquals("stupy", claims.getIssuer());
        assertEquals(Date.from(NOW), claims.getIssueTime());
    }

    @Test
    void expiredTokensAreRefused() {
        String token = tokens.issue(user).token();
        var later = new JwtTokenService(KEY, Duration.ofHours(1), Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), later.verify(token));
    }

    @Test
    void tokensFromAnotherKeyAreRefused() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        String foreign = new JwtTokenService(otherKey, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)).issue(user).token();
        assertEquals(Optional.empty(), tokens.verify(foreign));
    }

    @Test
    void unsignedAndOtherAlgorithmTokensAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user.value()).issuer("stupy")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).build();
        assertEquals(Optional.empty(), tokens.verify(new PlainJWT(claims).serialize()));

        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner(KEY));
        assertEquals(Optional.empty(), tokens.verify(hs512.serialize()), "the same key under another algorithm");
    }

    @Test
    void otherIssuersFutureTokensAndJunkAreRefused() throws Exception {
        JWTClaimsSet foreignIssuer = new JWTClaimsSet.Builder().subject(user.value()).issuer("someone-else")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), foreignIssuer);
        jwt.sign(new MACSigner(KEY));
        assertEquals(Optional.empty(), tokens.verify(jwt.serialize()));

        JWTClaimsSet future = new JWTClaimsSet.Builder().subject(user.value()).issuer("stupy")
                .issueTime(Date.from(NOW.plusSeconds(3600))).expirationTime(Date.from(NOW.plusSeconds(7200))).build();
        SignedJWT early = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), future);
        early.sign(new MACSigner(KEY));
        assertEquals(Optional.empty(), tokens.verify(early.serialize()));

        JWTClaimsSet badSubject = new JWTClaimsSet.Builder().subject("{\"$ne\":null}").issuer("stupy")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).build();
        SignedJWT injected = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), badSubject);
        injected.sign(new MACSigner(KEY));
        assertEquals(Optional.empty(), tokens.verify(injected.serialize()));

        assertEquals(Optional.empty(), tokens.verify(""));
        assertEquals(Optional.empty(), tokens.verify(null));
        assertEquals(Optional.empty(), tokens.verify("a.b.c"));
    }

    @Test
    void keysShorterThan256BitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JwtTokenService(new byte[31], Duration.ofHours(1), Clock.systemUTC()));
        assertTrue(new JwtTokenService(new byte[32], Duration.ofHours(1), Clock.systemUTC()).issue(user).token().contains("."));
    }
}
