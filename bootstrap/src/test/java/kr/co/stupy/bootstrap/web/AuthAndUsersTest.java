package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.time.Duration;
import kr.co.stupy.application.image.TestImages;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import kr.co.stupy.shared.testing.Parallel;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The auth and user part of API.md against the real server. */
class AuthAndUsersTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    @Test
    void providersListDevLoginWhileNoOAuthProviderIsConfigured() {
        Api.Reply reply = api.get("/api/auth/providers", null);
        assertEquals(200, reply.status());
        assertEquals("[\"dev\"]", reply.body().get("providers").toString());
    }

    @Test
    void aGuestIsANewAccountThatOnlyItsSecretOpensAgain() {
        Api.Reply first = api.post("/api/auth/dev-login", null, Map.of("nickname", " 김공부 "));
        assertEquals(200, first.status());
        assertTrue(first.body().get("newUser").asBoolean());
        assertFalse(first.body().get("token").asText().isEmpty());
        assertEquals(Set.of("token", "newUser", "user", "guestSecret"), fieldNames(first.body()));
        String secret = first.body().get("guestSecret").asText();
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        JsonNode user = first.body().get("user");
        assertEquals(Set.of("id", "nickname", "email", "profileImageUrl", "providers", "joinedRoomIds", "dailyGoalMinutes"), fieldNames(user));
        assertEquals("김공부", user.get("nickname").asText());
        assertTrue(user.get("email").isNull());
        assertTrue(user.get("profileImageUrl").isNull());
        assertEquals("[\"dev\"]", user.get("providers").toString());
        assertEquals("[]", user.get("joinedRoomIds").toString());

        Api.Reply again = api.post("/api/auth/dev-login", null, Map.of("guestSecret", secret));
        assertEquals(200, again.status(), again.raw());
        assertFalse(again.body().get("newUser").asBoolean());
        assertEquals(user.get("id"), again.body().at("/user/id"));
        assertEquals(secret, again.body().get("guestSecret").asText());

        // The nickname is a display name: typing it again makes another guest, never a way into this one.
        Api.Reply sameName = api.post("/api/auth/dev-login", null, Map.of("nickname", "김공부"));
        assertTrue(sameName.body().get("newUser").asBoolean());
        assertNotEquals(user.get("id"), sameName.body().at("/user/id"));
        assertNotEquals(secret, sameName.body().get("guestSecret").asText());
    }

    @Test
    void newGuestsFromOneAddressAreBudgetedWith429AndRetryAfter() {
        Settings strict = TestNode.settings(TestNode.freshDataDir(), Optional.of(true)).withLimits(new Budgets(Map.of(
                Budgets.GUEST_SIGNUP_PER_ADDRESS.name(), Budgets.GUEST_SIGNUP_PER_ADDRESS.as(3, Duration.ofHours(1)))));
        try (TestNode limited = TestNode.start(strict)) {
            Api strictApi = limited.api();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, strictApi.post("/api/auth/dev-login", null, Map.of("nickname", "g" + i)).status());
            }
            Api.Reply refused = strictApi.post("/api/auth/dev-login", null, Map.of("nickname", "g3"));
            assertEquals(429, refused.status(), refused.raw());
            assertEquals("RATE_LIMITED", refused.code());
            assertEquals("application/problem+json", refused.contentType().split(";")[0]);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 60 && retryAfter <= 1200, "one new guest every 20 minutes comes back: " + retryAfter);
        }
    }

    @Test
    void anOldNicknameOfARenamedGuestOpensNothing() {
        Api.Session kim = api.devLogin("rename-me");
        assertEquals(200, api.patch("/api/users/me", kim, Map.of("nickname", "renamed")).status());
        for (String name : List.of("rename-me", "renamed")) {
            Api.Reply reply = api.post("/api/auth/dev-login", null, Map.of("nickname", name));
            assertNotEquals(kim.userId(), reply.body().at("/user/id").asText(), name);
        }
    }

    @Test
    void anUnknownOrMalformedSecretIsRefused() {
        Api.Reply unknown = api.post("/api/auth/dev-login", null, Map.of("guestSecret", "A".repeat(43)));
        assertEquals(401, unknown.status());
        assertEquals("GUEST_UNKNOWN", unknown.code());
        for (Object bad : List.of("short", "A".repeat(44), "%".repeat(43), 42)) {
            Api.Reply reply = api.post("/api/auth/dev-login", null, Map.of("guestSecret", bad));
            assertEquals(400, reply.status(), bad::toString);
            assertEquals("guestSecret", reply.body().at("/errors/0/field").asText(), bad::toString);
        }
    }

    @Test
    void devLoginRefusesBadNicknamesWithFieldErrors() {
        for (Object body : List.of(Map.of(), Map.of("nickname", ""), Map.of("nickname", "   "),
                Map.of("nickname", "a".repeat(21)), Map.of("nickname", 42), Map.of("nickname", List.of("kim")))) {
            Api.Reply reply = api.post("/api/auth/dev-login", null, body);
            assertEquals(400, reply.status(), body::toString);
            assertEquals("application/problem+json", reply.contentType());
            assertEquals("nickname", reply.body().at("/errors/0/field").asText(), body::toString);
        }
    }

    @Test
    void parallelLoginsWithOneSecretAreOneGuest() {
        Api.Reply first = api.post("/api/auth/dev-login", null, Map.of("nickname", "racer"));
        String secret = first.body().get("guestSecret").asText();
        // As many as one account's login budget (20 in 10 minutes) allows at once.
        List<Api.Reply> replies = Parallel.run(20, i -> api.post("/api/auth/dev-login", null, Map.of("guestSecret", secret)));

        replies.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));
        assertEquals(Set.of(first.body().at("/user/id").asText()),
                replies.stream().map(r -> r.body().at("/user/id").asText()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(0, replies.stream().filter(r -> r.body().get("newUser").asBoolean()).count());
    }

    @Test
    void theProfileCanBeReadAndChanged() {
        Api.Session kim = api.devLogin("profile-kim");
        Api.Reply me = api.get("/api/users/me", kim);
        assertEquals(200, me.status());
        assertEquals(kim.userId(), me.body().get("id").asText());

        Api.Reply changed = api.patch("/api/users/me", kim, Map.of("nickname", "새이름", "email", "Kim@Example.COM"));
        assertEquals(200, changed.status(), changed.raw());
        assertEquals("새이름", changed.body().get("nickname").asText());
        assertEquals("Kim@example.com", changed.body().get("email").asText());
        assertEquals("새이름", api.get("/api/users/me", kim).body().get("nickname").asText());

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("email", null);
        Api.Reply cleared = api.patch("/api/users/me", kim, clear);
        assertTrue(cleared.body().get("email").isNull());

        Api.Reply unchanged = api.patch("/api/users/me", kim, Map.of("unknownField", 1));
        assertEquals(200, unchanged.status());
        assertEquals("새이름", unchanged.body().get("nickname").asText());

        // A dev account is still found by the name it was created with, whatever it is called now.
        assertEquals(kim.userId(), api.devLogin("profile-kim").userId());
    }

    @Test
    void badProfileChangesAre400AndChangeNothing() {
        Api.Session lee = api.devLogin("profile-lee");
        Api.Reply reply = api.patch("/api/users/me", lee, Map.of("nickname", 7, "email", "not-an-address"));
        assertEquals(400, reply.status());
        assertEquals(2, reply.body().get("errors").size());
        java.util.HashMap<String, Object> nullNickname = new java.util.HashMap<>();
        nullNickname.put("nickname", null);
        assertEquals(400, api.patch("/api/users/me", lee, nullNickname).status());
        assertEquals(400, api.patch("/api/users/me", lee, Map.of("nickname", "x".repeat(21))).status());
        assertEquals(415, api.raw("PATCH", "/api/users/me", lee.token(), "text/plain", "{}".getBytes()).status());
        assertEquals("profile-lee", api.get("/api/users/me", lee).body().get("nickname").asText());
    }

    @Test
    void aProfileImageIsCheckedByContentStoredAndServed() {
        Api.Session park = api.devLogin("image-park");
        Api.Reply uploaded = api.upload("PUT", "/api/users/me/image", park, "image", "me.png", "image/png", PNG);
        assertEquals(200, uploaded.status(), uploaded.raw());
        String url = uploaded.body().get("profileImageUrl").asText();
        assertTrue(url.startsWith("/images/") && url.endsWith(".png"), url);

        Api.Reply image = api.raw("GET", url, null, null, null);
        assertEquals(200, image.status());
        assertEquals("image/png", image.contentType());
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElse(""));
        String etag = image.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("a picture carries a validator"));
        Api.Reply revalidated = api.conditionalGet(url, etag);
        assertEquals(304, revalidated.status(), "a browser that has the picture gets no body");
        assertEquals(0, revalidated.bytes().length);

        Api.Reply replaced = api.upload("PUT", "/api/users/me/image", park, "image", "me.gif", "image/gif", GIF);
        assertEquals(200, replaced.status());
        assertTrue(replaced.body().get("profileImageUrl").asText().endsWith(".gif"));
        assertEquals(404, api.raw("GET", url, null, null, null).status(), "the replaced picture is deleted");
        assertEquals(404, api.conditionalGet(url, etag).status(), "a deleted picture is not revalidated from a cache");
    }

    @Test
    void theLargestPictureIsKeptInTheEmbeddedDatabaseAndServedWhole() {
        Api.Session yoon = api.devLogin("image-yoon");
        byte[] largest = new byte[5 * 1024 * 1024];
        new Random(11).nextBytes(largest);
        System.arraycopy(PNG, 0, largest, 0, 33); // signature and IHDR: a 1 x 1 picture, then noise
        Api.Reply uploaded = api.upload("PUT", "/api/users/me/image", yoon, "image", "big.png", "image/png", largest);
        assertEquals(200, uploaded.status(), uploaded.raw());

        Api.Reply image = api.raw("GET", uploaded.body().get("profileImageUrl").asText(), null, null, null);
        assertEquals(200, image.status());
        assertArrayEquals(largest, image.bytes());
    }

    @Test
    void aPictureDeclaringHugeDimensionsIsRefusedWithoutBeingDecoded() {
        Api.Session han = api.devLogin("image-han");
        // 30000 x 30000 is 3.6 GB once decoded to RGBA, whatever the file's size.
        Api.Reply refused = api.upload("PUT", "/api/users/me/image", han, "image", "bomb.png", "image/png",
                TestImages.png(30000, 30000));
        assertEquals(400, refused.status(), refused.raw());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("IMAGE_TOO_LARGE_DIMENSIONS", refused.body().get("code").asText());
        assertTrue(api.get("/api/users/me", han).body().get("profileImageUrl").isNull(), "nothing was stored");

        Api.Reply cutShort = api.upload("PUT", "/api/users/me/image", han, "image", "cut.png", "image/png",
                java.util.Arrays.copyOf(PNG, 20));
        assertEquals(400, cutShort.status(), cutShort.raw());
        assertEquals("image", cutShort.body().at("/errors/0/field").asText());

        Api.Reply atTheLimit = api.upload("PUT", "/api/users/me/image", han, "image", "big.jpg", "image/jpeg",
                TestImages.jpeg(4096, 4096));
        assertEquals(200, atTheLimit.status(), atTheLimit.raw());
    }

    @Test
    void uploadsThatAreNotPicturesOrTooLargeAreRefused() {
        Api.Session choi = api.devLogin("image-choi");
        Api.Reply script = api.upload("PUT", "/api/users/me/image", choi, "image", "evil.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, script.status());
        assertEquals("image", script.body().at("/errors/0/field").asText());

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        Api.Reply tooLarge = api.upload("PUT", "/api/users/me/image", choi, "image", "big.png", "image/png", huge);
        assertEquals(413, tooLarge.status());

        Api.Reply wrongField = api.upload("PUT", "/api/users/me/image", choi, "photo", "me.png", "image/png", PNG);
        assertEquals(400, wrongField.status());
        assertEquals(415, api.send("PUT", "/api/users/me/image", choi, Map.of("image", "x")).status());
        assertTrue(api.get("/api/users/me", choi).body().get("profileImageUrl").isNull());
    }

    @Test
    void unknownOrMalformedImageKeysAre404() {
        assertEquals(404, api.raw("GET", "/images/..%2Fjwt.key", null, null, null).status());
        assertEquals(404, api.raw("GET", "/images/00000000000000000000000000.png", null, null, null).status());
        assertEquals(404, api.raw("GET", "/images/nothing", null, null, null).status());
    }

    @Test
    void deletingTheAccountRevokesItsTokensAndItsPicture() {
        Api.Session gone = api.devLogin("leaving-user");
        String url = api.upload("PUT", "/api/users/me/image", gone, "image", "me.png", "image/png", PNG)
                .body().get("profileImageUrl").asText();

        assertEquals(204, api.delete("/api/users/me", gone).status());

        Api.Reply after = api.get("/api/users/me", gone);
        assertEquals(401, after.status());
        assertEquals("UNAUTHENTICATED", after.code());
        assertEquals(401, api.delete("/api/users/me", gone).status());
        assertEquals(404, api.raw("GET", url, null, null, null).status());
        Api.Reply secretOfTheGone = api.post("/api/auth/dev-login", null, Map.of("guestSecret", api.guestSecretOf("leaving-user")));
        assertEquals(401, secretOfTheGone.status());
        assertEquals("GUEST_UNKNOWN", secretOfTheGone.code());
    }

    @Test
    void forgedTokensAre401() {
        Api.Session real = api.devLogin("token-owner");
        String[] parts = real.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(real.userId(), api.devLogin("token-victim").userId()).getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        for (String token : List.of(parts[0] + "." + otherSubject + "." + parts[2], none + "." + parts[1] + ".",
                parts[0] + "." + parts[1] + ".AAAA", "garbage", real.token() + "x")) {
            Api.Reply reply = api.raw("GET", "/api/users/me", token, null, null);
            assertEquals(401, reply.status(), token);
            assertEquals("application/problem+json", reply.contentType());
        }
        assertEquals(401, api.raw("GET", "/api/users/me", null, null, null).status());
        assertEquals(200, api.get("/api/users/me", real).status());
    }

    @Test
    void devLoginCanBeTurnedOff() {
        try (TestNode closed = TestNode.start(Optional.of(false))) {
            Api other = closed.api();
            assertEquals("[]", other.get("/api/auth/providers", null).body().get("providers").toString());
            Api.Reply reply = other.post("/api/auth/dev-login", null, Map.of("nickname", "kim"));
            assertEquals(404, reply.status());
            assertEquals("DEV_LOGIN_DISABLED", reply.code());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
