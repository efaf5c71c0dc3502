package kr.co.stupy.adapter.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import kr.co.stupy.application.identity.port.out.TokenService;
import kr.co.stupy.shared.UserId;

/**
 * HS256 tokens with {@code sub}, {@code iss}, {@code iat}, {@code exp}. Only HS256 is accepted:
 * {@code alg: none}, other algorithms, foreign issuers, expired or tampered tokens verify as nothing.
 */
public final class JwtTokenService implements TokenService {

    public static final int MIN_KEY_BYTES = 32;
    private static final String ISSUER = "stupy";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public JwtTokenService(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token key must have at least 256 bits");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable token key", e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(UserId userId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.value())
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }

    @Override
    public Optional<UserId> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || issued == null
                    || !now.isBefore(expires.toInstant())
                    || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                return Optional.empty();
            }
            return UserId.parse(claims.getSubject());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
