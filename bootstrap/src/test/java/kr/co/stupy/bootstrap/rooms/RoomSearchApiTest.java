package kr.co.stupy.bootstrap.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** One search box over titles, descriptions and tags; rooms one can join now; tag suggestions — through the real store. */
class RoomSearchApiTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    static final Api api = node.api();

    @Test
    void theBoxFindsTagsTheFilterLeavesOutLockedAndFullRoomsAndTagsAreSuggested() {
        Api.Session kim = api.devLogin("search-kim");
        Api.Session lee = api.devLogin("search-lee");
        String open = create(kim, Map.of("title", "아침 공부", "description", "같이 해요", "hashtags", List.of("자격증", "토익"), "maxMembers", 4));
        String locked = create(kim, Map.of("title", "비밀 방", "description", "조용히", "hashtags", List.of("자격증"), "password", "s3cret"));
        String full = create(lee, Map.of("title", "작은 방", "description", "둘이서", "hashtags", List.of("자격증", "자바"), "maxMembers", 2));
        assertEquals(200, api.post("/api/rooms/" + full + "/members", kim, Map.of()).status());

        assertEquals(Set.of(open, locked, full), ids("/api/rooms?q=" + encode("자격")), "a part of a tag, without #");
        assertEquals(Set.of(open, locked, full), ids("/api/rooms?q=" + encode("#자격")), "the start of a tag, with #");
        assertEquals(Set.of(), ids("/api/rooms?q=" + encode("#격증")), "a written tag matches from its start");
        assertEquals(Set.of(open), ids("/api/rooms?available=true&q=" + encode("#자격")), "locked and full rooms left out");
        assertEquals(Set.of(open), ids("/api/rooms?available=true&sort=popular&hashtag=" + encode("자격증")));

        JsonNode suggested = api.get("/api/hashtags?prefix=" + encode("#자"), kim).body();
        assertEquals(List.of("자격증:3", "자바:1"), uses(suggested));
        assertEquals(List.of("자격증:3"), uses(api.get("/api/hashtags?prefix=" + encode("자") + "&limit=1", kim).body()));
        assertEquals(400, api.get("/api/hashtags?limit=50", kim).status());
        assertEquals(401, api.get("/api/hashtags", null).status());
    }

    private static String create(Api.Session owner, Map<String, Object> body) {
        Api.Reply reply = api.post("/api/rooms", owner, body);
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().get("id").asText();
    }

    private static Set<String> ids(String path) {
        Api.Reply reply = api.get(path, api.devLogin("search-reader"));
        assertEquals(200, reply.status(), reply.raw());
        Set<String> ids = new TreeSet<>();
        reply.body().get("items").forEach(room -> ids.add(room.get("id").asText()));
        return ids;
    }

    private static List<String> uses(JsonNode answer) {
        List<String> uses = new ArrayList<>();
        answer.get("items").forEach(use -> uses.add(use.get("tag").asText() + ":" + use.get("rooms").asLong()));
        return uses;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
