package kr.co.stupy.bootstrap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.clientconfig.IceServer;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code /api/client-config} on a wired node: open to anyone, and in step with the settings and the other routes. */
class ClientConfigTest {

    @AutoClose
    static final TestNode plain = TestNode.start();

    @AutoClose
    static final TestNode withIce = TestNode.start(new Settings(0, TestNode.freshDataDir(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.of(true), ZoneId.of("Asia/Seoul"), LocalTime.of(5, 0), Optional.empty(),
            Settings.OAuthClientSettings.kakaoDisabled(), Settings.OAuthClientSettings.naverDisabled(),
            List.of(IceServer.stun("stun:stun.example.org:3478"),
                    new IceServer(List.of("turns:turn.example.org:5349"), Optional.of("stupy"), Optional.of("secret")))));

    @Test
    void withoutIceServersItNeedsNoTokenAndMatchesTheProviderList() {
        Api.Reply config = plain.api().get("/api/client-config", null);
        assertEquals(200, config.status(), config.raw());
        assertEquals(0, config.body().get("iceServers").size());
        assertEquals(plain.api().get("/api/auth/providers", null).body().get("providers"), config.body().get("providers"));
        assertEquals("dev", config.body().at("/providers/0").asText());
        assertEquals(LivePresence.MAX_PER_ROOM, config.body().get("maxLivePerRoom").asInt());
    }

    @Test
    void configuredIceServersAreHandedToTheBrowser() {
        Api.Reply config = withIce.api().get("/api/client-config", null);
        assertEquals(200, config.status(), config.raw());
        assertEquals("[{\"urls\":[\"stun:stun.example.org:3478\"]},"
                        + "{\"urls\":[\"turns:turn.example.org:5349\"],\"username\":\"stupy\",\"credential\":\"secret\"}]",
                config.body().get("iceServers").toString());
    }
}
