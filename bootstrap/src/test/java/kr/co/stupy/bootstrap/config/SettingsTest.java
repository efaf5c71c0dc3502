package kr.co.stupy.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.bootstrap.support.StupyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void nothingSetGivesTheEmbeddedDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(Optional.empty(), settings.mongoUri());
        assertEquals(ZoneId.of("Asia/Seoul"), settings.timezone());
        assertEquals(LocalTime.of(5, 0), settings.dayStart());
        assertEquals("http://localhost:8080", settings.effectivePublicUrl().toString());
    }

    @Test
    void everySettingIsRead() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "STUPY_PORT", "9000", "STUPY_DATA_DIR", dir.toString(), "STUPY_MONGO_URI", "mongodb://u:p@db:27017/stupy",
                "STUPY_REDIS_URI", "redis://:secret@cache:6379", "STUPY_JWT_SECRET", "x".repeat(32),
                "STUPY_DEV_LOGIN", "FALSE", "STUPY_TIMEZONE", "Europe/Berlin", "STUPY_DAY_START", "04:30",
                "STUPY_PUBLIC_URL", "https://stupy.example/"));
        assertEquals(9000, settings.port());
        assertEquals(Optional.of(false), settings.devLogin());
        assertEquals(LocalTime.of(4, 30), settings.dayStart());
        assertEquals("https://stupy.example", settings.effectivePublicUrl().toString());
    }

    @Test
    void secretsAreMaskedInTheDescription() {
        String described = String.join("\n", Settings.fromEnvironment(Map.of(
                "STUPY_MONGO_URI", "mongodb://admin:hunter2@db:27017/stupy",
                "STUPY_REDIS_URI", "redis://:redispass@cache:6379",
                "STUPY_JWT_SECRET", "super-secret-key-that-is-long-enough-1234")).describe());
        assertFalse(described.contains("hunter2"));
        assertFalse(described.contains("redispass"));
        assertFalse(described.contains("super-secret"));
        assertTrue(described.contains("mongodb://****:****@db:27017/stupy"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STUPY_PORT|eighty",
            "STUPY_PORT|70000",
            "STUPY_MONGO_URI|http://db",
            "STUPY_EMBEDDED_MONGO_PORT|0",
            "STUPY_REDIS_URI|localhost:6379",
            "STUPY_JWT_SECRET|too-short",
            "STUPY_DEV_LOGIN|yes",
            "STUPY_TIMEZONE|Mars/Olympus",
            "STUPY_DAY_START|25:00",
            "STUPY_DAY_START|05:00:30",
            "STUPY_PUBLIC_URL|ftp://stupy",
            "STUPY_KAKAO_AUTH_URL|kauth.kakao.com",
            "STUPY_KAKAO_API_URL|https://kapi.kakao.com?x=1",
            "STUPY_NAVER_AUTH_URL|ftp://nid.naver.com",
            "STUPY_NAVER_API_URL|https://user:pw@openapi.naver.com",
            "STUPY_ICE_SERVERS|stun:stun.example.org",
            "STUPY_ICE_SERVERS|[{\"urls\":\"stun:a.example\"}",
            "STUPY_ICE_SERVERS|[] []",
            "STUPY_ICE_SERVERS|{\"urls\":\"stun:a.example\"}",
            "STUPY_ICE_SERVERS|[\"stun:a.example\"]",
            "STUPY_ICE_SERVERS|[{\"urls\":\"http://a.example\"}]",
            "STUPY_ICE_SERVERS|[{\"urls\":[\"stun:a.example\",\"ftp:b.example\"]}]",
            "STUPY_ICE_SERVERS|[{\"username\":\"u\",\"credential\":\"c\"}]",
            "STUPY_ICE_SERVERS|[{\"urls\":[]}]",
            "STUPY_ICE_SERVERS|[{\"urls\":42}]",
            "STUPY_ICE_SERVERS|[{\"url\":\"stun:a.example\"}]",
            "STUPY_ICE_SERVERS|[{\"urls\":\"turn:t.example:3478\"}]",
            "STUPY_ICE_SERVERS|[{\"urls\":\"turn:t.example:3478\",\"username\":\"u\",\"credential\":7}]",
            "STUPY_METRICS_TOKEN|short-token",
            "STUPY_METRICS_TOKEN|a token with spaces 0123456789",
            "STUPY_METRICS_PORT|0",
            "STUPY_METRICS_PORT|nine-four-oh-four",
            "STUPY_METRICS_PORT|8080",
            "STUPY_METRICS_HOST|0.0.0.0"})
    void aBadValueIsRefusedNamingItsVariable(String variable, String value) {
        SettingsException failure = assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of(variable, value)));
        assertTrue(failure.getMessage().startsWith(variable + ": "), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
    }

    @Test
    void socialProvidersAreOffUnlessTheirClientIdIsSetAndDevLoginFollowsThem() {
        Settings none = Settings.fromEnvironment(Map.of());
        assertEquals(java.util.List.of(), none.enabledOAuthProviders());
        assertTrue(none.devLoginEnabled());
        assertEquals(Settings.OAuthClientSettings.KAKAO_AUTH, none.kakao().authUrl());
        assertEquals("https://kapi.kakao.com", none.kakao().apiUrl().toString());
        assertEquals("https://nid.naver.com", none.naver().authUrl().toString());
        assertEquals("https://openapi.naver.com", none.naver().apiUrl().toString());

        Settings kakaoOnly = Settings.fromEnvironment(Map.of("STUPY_KAKAO_CLIENT_ID", "rest-key"));
        assertEquals(java.util.List.of("kakao"), kakaoOnly.enabledOAuthProviders());
        assertEquals(Optional.empty(), kakaoOnly.kakao().clientSecret());
        assertFalse(kakaoOnly.devLoginEnabled());

        Settings both = Settings.fromEnvironment(Map.of("STUPY_KAKAO_CLIENT_ID", "rest-key", "STUPY_KAKAO_CLIENT_SECRET", "ks",
                "STUPY_NAVER_CLIENT_ID", "nid", "STUPY_NAVER_CLIENT_SECRET", "ns", "STUPY_DEV_LOGIN", "true",
                "STUPY_KAKAO_AUTH_URL", "http://127.0.0.1:9999/", "STUPY_NAVER_API_URL", "http://127.0.0.1:9998"));
        assertEquals(java.util.List.of("kakao", "naver"), both.enabledOAuthProviders());
        assertTrue(both.devLoginEnabled());
        assertEquals("http://127.0.0.1:9999", both.kakao().authUrl().toString());
        assertEquals("http://127.0.0.1:9998", both.naver().apiUrl().toString());
        assertEquals(Optional.of("ns"), both.naver().clientSecret());
    }

    @Test
    void naverNeedsBothIdAndSecret() {
        SettingsException failure = assertThrows(SettingsException.class,
                () -> Settings.fromEnvironment(Map.of("STUPY_NAVER_CLIENT_ID", "nid")));
        assertEquals("STUPY_NAVER_CLIENT_SECRET: must be set when STUPY_NAVER_CLIENT_ID is set", failure.getMessage());
        for (String provider : java.util.List.of("KAKAO", "NAVER")) {
            SettingsException orphan = assertThrows(SettingsException.class,
                    () -> Settings.fromEnvironment(Map.of("STUPY_" + provider + "_CLIENT_SECRET", "s")));
            assertEquals("STUPY_" + provider + "_CLIENT_ID: must be set when STUPY_" + provider + "_CLIENT_SECRET is set",
                    orphan.getMessage());
        }
    }

    @Test
    void clientSecretsAreMaskedAndClientIdsShown() {
        String described = String.join("\n", Settings.fromEnvironment(Map.of(
                "STUPY_KAKAO_CLIENT_ID", "kakao-rest-key", "STUPY_KAKAO_CLIENT_SECRET", "kakao-very-secret",
                "STUPY_NAVER_CLIENT_ID", "naver-id", "STUPY_NAVER_CLIENT_SECRET", "naver-very-secret")).describe());
        assertFalse(described.contains("very-secret"), described);
        assertTrue(described.contains("STUPY_KAKAO_CLIENT_ID=kakao-rest-key"));
        assertTrue(described.contains("STUPY_NAVER_CLIENT_SECRET=******** (set)"));
        assertTrue(described.contains("STUPY_KAKAO_AUTH_URL=https://kauth.kakao.com"));
    }

    @Test
    void iceServersAreReadAsRtcIceServersAndTheirCredentialsMasked() {
        assertEquals(java.util.List.of(), Settings.fromEnvironment(Map.of()).iceServers());
        Settings settings = Settings.fromEnvironment(Map.of("STUPY_ICE_SERVERS", """
                [{"urls":"stun:stun.example.org:3478"},
                 {"urls":["turn:turn.example.org:3478?transport=udp","turns:turn.example.org:5349"],
                  "username":"stupy","credential":"turn-very-secret"}]"""));
        assertEquals(2, settings.iceServers().size());
        assertEquals(java.util.List.of("stun:stun.example.org:3478"), settings.iceServers().getFirst().urls());
        assertEquals(Optional.empty(), settings.iceServers().getFirst().credential());
        assertEquals(Optional.of("turn-very-secret"), settings.iceServers().get(1).credential());

        String described = String.join("\n", settings.describe());
        assertFalse(described.contains("turn-very-secret"), described);
        assertTrue(described.contains("STUPY_ICE_SERVERS=[{\"urls\":[\"stun:stun.example.org:3478\"]},"
                + "{\"urls\":[\"turn:turn.example.org:3478?transport=udp\",\"turns:turn.example.org:5349\"],"
                + "\"username\":\"stupy\",\"credential\":\"********\"}]"), described);
        assertTrue(String.join("\n", Settings.fromEnvironment(Map.of()).describe()).contains("STUPY_ICE_SERVERS=(unset"));
    }

    @Test
    void connectionCapsDefaultAndAreReadAndChecked() {
        Settings defaults = Settings.fromEnvironment(Map.of());
        assertEquals(new Settings.ConnectionCaps(10_000, 256), defaults.connectionCaps());
        Settings.ConnectionCaps raised = Settings.fromEnvironment(Map.of("STUPY_MAX_CONNECTIONS", "30000",
                "STUPY_MAX_CONNECTIONS_PER_ADDRESS", "20000")).connectionCaps();
        assertEquals(new Settings.ConnectionCaps(30_000, 20_000), raised);
        assertTrue(String.join("\n", defaults.describe()).contains("STUPY_MAX_CONNECTIONS_PER_ADDRESS=256"));
        assertEquals("STUPY_MAX_CONNECTIONS_PER_ADDRESS: must be a whole number from 1 to 1000000, got '0'",
                assertThrows(SettingsException.class,
                        () -> Settings.fromEnvironment(Map.of("STUPY_MAX_CONNECTIONS_PER_ADDRESS", "0"))).getMessage());
        assertEquals("STUPY_MAX_CONNECTIONS: must be a whole number from 1 to 1000000, got 'lots'",
                assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of("STUPY_MAX_CONNECTIONS", "lots"))).getMessage());
    }

    @Test
    void aBadIceServerSaysWhichEntryAndWhatIsWrong() {
        assertEquals("STUPY_ICE_SERVERS: entry 2 needs \"urls\"", assertThrows(SettingsException.class,
                () -> Settings.fromEnvironment(Map.of("STUPY_ICE_SERVERS", "[{\"urls\":\"stun:a.example\"},{}]"))).getMessage());
        assertTrue(assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of("STUPY_ICE_SERVERS",
                "[{\"urls\":\"https://a.example\"}]"))).getMessage().startsWith(
                "STUPY_ICE_SERVERS: entry 1: URL 'https://a.example' must start with stun:, stuns:, turn: or turns:"));
        assertTrue(assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of("STUPY_ICE_SERVERS",
                "not json"))).getMessage().contains("is not valid JSON"));
    }

    @Test
    void mainRefusesBadIceServersWithExitCode2() {
        try (StupyProcess child = StupyProcess.launch(Map.of("STUPY_ICE_SERVERS", "[{\"urls\":\"stun:a\", \"credential\": \"s3cr3t\", \"bad\": 1}]",
                "STUPY_DATA_DIR", dir.toString()))) {
            assertEquals(2, child.waitForExit(Duration.ofSeconds(30)));
            assertEquals(1, child.output().size(), String.join("\n", child.output()));
            assertTrue(child.output().getFirst().startsWith("stupy: STUPY_ICE_SERVERS: entry 1 has an unknown field \"bad\""),
                    child.output().getFirst());
            assertFalse(child.output().getFirst().contains("s3cr3t"));
        }
    }

    @Test
    void metricsAreOffUnlessATokenOrAPortIsSet() {
        Settings defaults = Settings.fromEnvironment(Map.of());
        assertEquals(MetricsSettings.off(), defaults.metrics());
        assertFalse(defaults.metrics().exposed());
        String described = String.join("\n", defaults.describe());
        assertTrue(described.contains("STUPY_METRICS_TOKEN=(unset: /metrics is not served on STUPY_PORT)"), described);
        assertTrue(described.contains("STUPY_METRICS_PORT=(unset"), described);

        MetricsSettings onTheMainPort = Settings.fromEnvironment(Map.of("STUPY_METRICS_TOKEN", "0123456789abcdef0123")).metrics();
        assertEquals(new MetricsSettings(Optional.of("0123456789abcdef0123"), Optional.empty(), "127.0.0.1"), onTheMainPort);
        assertTrue(onTheMainPort.exposed());

        MetricsSettings apart = Settings.fromEnvironment(Map.of("STUPY_METRICS_PORT", "9404", "STUPY_METRICS_HOST", "0.0.0.0")).metrics();
        assertEquals(new MetricsSettings(Optional.empty(), Optional.of(9404), "0.0.0.0"), apart);
        assertEquals(Optional.of(9404), Settings.fromEnvironment(Map.of("STUPY_METRICS_PORT", "9404")).metrics().port());
        assertEquals("127.0.0.1", Settings.fromEnvironment(Map.of("STUPY_METRICS_PORT", "9404")).metrics().host(),
                "a listener of its own stays on this machine unless told otherwise");
    }

    @Test
    void theMetricsTokenIsNeverShownNorRepeatedWhenRefused() {
        String token = "metrics-very-secret-token-42";
        Settings settings = Settings.fromEnvironment(Map.of("STUPY_METRICS_TOKEN", token, "STUPY_METRICS_PORT", "9404"));
        String described = String.join("\n", settings.describe());
        assertFalse(described.contains("very-secret"), described);
        assertTrue(described.contains("STUPY_METRICS_TOKEN=********"), described);
        assertTrue(described.contains("STUPY_METRICS_HOST=127.0.0.1"), described);
        assertFalse(settings.toString().contains("very-secret"), "the record's own toString masks it too");

        SettingsException refused = assertThrows(SettingsException.class,
                () -> Settings.fromEnvironment(Map.of("STUPY_METRICS_TOKEN", "almost-right secret-token")));
        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }

    @Test
    void aMetricsHostMustBeAnAddress() {
        SettingsException failure = assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of(
                "STUPY_METRICS_PORT", "9404", "STUPY_METRICS_HOST", "http://0.0.0.0/")));
        assertTrue(failure.getMessage().startsWith("STUPY_METRICS_HOST: "), failure.getMessage());
    }

    @Test
    void theEmbeddedPortMakesNoSenseWithAnExternalDatabase() {
        SettingsException failure = assertThrows(SettingsException.class, () -> Settings.fromEnvironment(Map.of(
                "STUPY_MONGO_URI", "mongodb://db:27017", "STUPY_EMBEDDED_MONGO_PORT", "27018")));
        assertTrue(failure.getMessage().startsWith("STUPY_EMBEDDED_MONGO_PORT"));
    }

    @Test
    void mainExitsWithOneLineNamingTheBadVariable() {
        try (StupyProcess child = StupyProcess.launch(Map.of("STUPY_TIMEZONE", "Nowhere/Else", "STUPY_DATA_DIR", dir.toString()))) {
            assertEquals(2, child.waitForExit(Duration.ofSeconds(30)));
            assertEquals(1, child.output().size(), String.join("\n", child.output()));
            assertTrue(child.output().getFirst().startsWith("stupy: STUPY_TIMEZONE: "));
        }
    }

    @Test
    void aGeneratedTokenKeyIsKeptOwnerOnlyAndReused() throws Exception {
        byte[] first = JwtKeys.resolve(Optional.empty(), dir);
        byte[] second = JwtKeys.resolve(Optional.empty(), dir);
        assertEquals(64, first.length);
        assertTrue(java.util.Arrays.equals(first, second));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(dir.resolve(JwtKeys.FILE_NAME)));
    }
}
