package kr.co.stupy.bootstrap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kr.co.stupy.bootstrap.support.ApiContract;
import org.junit.jupiter.api.Test;

/** The checker every end-to-end answer goes through has teeth: each kind of wrong answer is caught, and a right one passes. */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.get();
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String TODO = """
            {"id":"t1","content":"영단어 30개","done":false,"createdAt":"2026-12-06T01:00:00.123456Z"}""";

    @Test
    void theDocumentIsAValidOpenApi31Description() {
        assertEquals(List.of(), CONTRACT.parseMessages());
        assertEquals("3.1.0", CONTRACT.model().getOpenapi());
    }

    @Test
    void aRightAnswerPasses() {
        assertEquals(List.of(), CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, JSON, TODO));
        assertEquals(List.of(), CONTRACT.problems("DELETE", "/api/todo-lists/l1/todos/t1", 204, "", ""));
        assertEquals(List.of(), CONTRACT.problems("GET", "/api/rooms/r1", 404, PROBLEM,
                problem(404, "ROOM_NOT_FOUND")));
    }

    @Test
    void aBodyMissingAFieldOrCarryingAnUndocumentedOneOrOfTheWrongTypeIsRejected() {
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, JSON, TODO.replace("\"done\":false,", "")).isEmpty());
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, JSON, TODO.replace("{", "{\"secret\":1,")).isEmpty());
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, JSON, TODO.replace("false", "\"no\"")).isEmpty());
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, JSON, "not json").isEmpty());
    }

    @Test
    void aSchemaReachedThroughReferencesIsEnforcedToo() {
        // GET /api/users/me answers components/responses/User, whose schema is a $ref to components/schemas/User.
        String user = """
                {"id":"u1","nickname":"kim","email":null,"profileImageUrl":null,"providers":["dev"],"joinedRoomIds":[],"dailyGoalMinutes":null}""";
        assertEquals(List.of(), CONTRACT.problems("GET", "/api/users/me", 200, JSON, user));
        assertFalse(CONTRACT.problems("GET", "/api/users/me", 200, JSON, user.replace("\"dev\"", "\"github\"")).isEmpty());
    }

    @Test
    void anUndocumentedSuccessStatusOrMediaTypeIsRejected() {
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 200, JSON, TODO).isEmpty(), "201 is documented, not 200");
        assertFalse(CONTRACT.problems("POST", "/api/todo-lists/l1/todos", 201, "text/plain", TODO).isEmpty());
        assertFalse(CONTRACT.problems("GET", "/api/rooms/r1", 404, JSON, problem(404, "ROOM_NOT_FOUND")).isEmpty(),
                "a problem must say it is one");
    }

    @Test
    void aProblemCodeTheDocumentDoesNotListIsRejected() {
        assertFalse(CONTRACT.problems("GET", "/api/rooms/r1", 404, PROBLEM, problem(404, "NO_SUCH_THING")).isEmpty());
    }

    @Test
    void anUnknownPathOrMethodMustBeAnsweredWithAProblemAndASuccessThereIsRejected() {
        assertEquals(List.of(), CONTRACT.problems("GET", "/api/nothing-here", 404, PROBLEM, problem(404, "NOT_FOUND")));
        assertEquals(List.of(), CONTRACT.problems("PUT", "/api/rooms", 405, PROBLEM, problem(405, "METHOD_NOT_ALLOWED")));
        assertFalse(CONTRACT.problems("GET", "/api/nothing-here", 200, JSON, "{}").isEmpty());
        assertFalse(CONTRACT.problems("GET", "/api/nothing-here", 404, "text/html", "<h1>404</h1>").isEmpty());
    }

    @Test
    void theWebAppsOwnFilesAreLeftOutAsTheDocumentSays() {
        assertEquals(List.of(), CONTRACT.problems("GET", "/app/main.js", 200, "text/javascript", "export {}"));
    }

    @Test
    void concretePathsWinOverTemplates() {
        assertEquals("/api/rooms/mine", CONTRACT.templateOf("/api/rooms/mine").orElseThrow());
        assertEquals("/api/rooms/{id}", CONTRACT.templateOf("/api/rooms/r1").orElseThrow());
        assertEquals("/api/rooms/{id}/members/me", CONTRACT.templateOf("/api/rooms/r1/members/me").orElseThrow());
        assertEquals("/api/rooms/{id}/members/{userId}", CONTRACT.templateOf("/api/rooms/r1/members/u2").orElseThrow());
    }

    @Test
    void checkFailsTheTestThatGotTheAnswer() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> CONTRACT.check("GET", "/api/rooms/r1", 404, PROBLEM, problem(404, "NO_SUCH_THING")));
        assertTrue(failure.getMessage().contains("GET /api/rooms/r1"), failure.getMessage());
    }

    private static String problem(int status, String code) {
        return "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":" + status + ",\"detail\":\"no such room\",\"code\":\"" + code + "\"}";
    }
}
