package kr.co.stupy.adapter.web.clientconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.shared.DomainException;
import org.junit.jupiter.api.Test;

class ClientConfigRoutesTest {

    static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutIceServersTheListIsEmptyAndNoTokenIsNeeded() throws Exception {
        try (WebServer server = server(new ClientConfigRoutes(List.of(), () -> List.of("dev"), 4))) {
            HttpResponse<String> response = get(server);
            assertEquals(200, response.statusCode());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
            JsonNode body = Json.mapper().readTree(response.body());
            assertEquals(0, body.get("iceServers").size());
            assertEquals(List.of("dev"), Json.mapper().convertValue(body.get("providers"), List.class));
            assertEquals(4, body.get("maxLivePerRoom").asInt());
        }
    }

    @Test
    void iceServersAreSentInTheRtcIceServerShapeAndProvidersAreReadEachTime() throws Exception {
        List<String> providers = new CopyOnWriteArrayList<>(List.of("kakao"));
        List<IceServer> ice = List.of(IceServer.stun("stun:stun.example.org:3478"),
                new IceServer(List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"),
                        Optional.of("user"), Optional.of("pass")));
        try (WebServer server = server(new ClientConfigRoutes(ice, () -> providers, 3))) {
            JsonNode body = Json.mapper().readTree(get(server).body());
            assertEquals(Json.mapper().readTree("""
                    [{"urls":["stun:stun.example.org:3478"]},
                     {"urls":["turn:turn.example.org:3478?transport=udp","turns:turn.example.org:5349"],"username":"user","credential":"pass"}]
                    """), body.get("iceServers"));
            assertEquals(3, body.get("maxLivePerRoom").asInt());
            providers.add("naver");
            assertEquals(2, Json.mapper().readTree(get(server).body()).get("providers").size());
        }
    }

    @Test
    void anIceServerRefusesWhatABrowserWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> new IceServer(List.of(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("http://stun.example.org"));
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("stun:"));
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("stun://stun.example.org"));
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("stun:stun example.org"));
        assertThrows(IllegalArgumentException.class, () -> IceServer.stun("turn:turn.example.org"));
        assertEquals(List.of("STUN:Stun.Example.org"), IceServer.stun("STUN:Stun.Example.org").urls());
    }

    private static WebServer server(ClientConfigRoutes routes) {
        return new WebServer(new WebSettings("127.0.0.1", 0), Json.mapper(), token -> {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "no tokens here");
        }, List.of(routes)).start();
    }

    private static HttpResponse<String> get(WebServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/client-config")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
