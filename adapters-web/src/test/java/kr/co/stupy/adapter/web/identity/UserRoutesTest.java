package kr.co.stupy.adapter.web.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.identity.port.in.ChangeProfileImageUseCase;
import kr.co.stupy.application.identity.port.in.DeleteAccountUseCase;
import kr.co.stupy.application.identity.port.in.GetProfileQuery;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import kr.co.stupy.application.identity.port.in.UpdateProfileUseCase;
import kr.co.stupy.application.image.ImageFormat;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase;
import kr.co.stupy.application.studytime.port.in.SetDailyGoalUseCase.SetDailyGoalCommand;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.shared.RetryLaterException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class UserRoutesTest {

    static final GetProfileQuery profiles = mock(GetProfileQuery.class);
    static final UpdateProfileUseCase update = mock(UpdateProfileUseCase.class);
    static final ChangeProfileImageUseCase changeImage = mock(ChangeProfileImageUseCase.class);
    static final DeleteAccountUseCase deleteAccount = mock(DeleteAccountUseCase.class);
    static final SetDailyGoalUseCase setGoal = mock(SetDailyGoalUseCase.class);

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(
            new UserRoutes(profiles, update, changeImage, deleteAccount, setGoal, Json.mapper()));

    final UserId me = UserId.newId();

    @AfterEach
    void forget() {
        reset(profiles, update, changeImage, deleteAccount, setGoal);
    }

    @Test
    void myProfileIsTheContractsUser() {
        RoomId joined = RoomId.newId();
        when(profiles.profile(me)).thenReturn(WebFixtures.profile(me, "kim", Optional.of("kim@example.org"),
                Optional.of("key-1"), List.of(joined), Provider.KAKAO, Provider.NAVER));
        JsonNode user = web.as(me).get("/api/users/me").ok(200);
        assertEquals(List.of("dailyGoalMinutes", "email", "id", "joinedRoomIds", "nickname", "profileImageUrl", "providers"),
                Answer.fieldNames(user));
        assertEquals(me.value(), user.get("id").asText());
        assertEquals("kim", user.get("nickname").asText());
        assertEquals("kim@example.org", user.get("email").asText());
        assertEquals("/images/key-1", user.get("profileImageUrl").asText(), "a stored picture is served by us");
        assertEquals(List.of("kakao", "naver"), strings(user.get("providers")));
        assertEquals(List.of(joined.value()), strings(user.get("joinedRoomIds")));
        assertTrue(user.get("dailyGoalMinutes").isNull(), "no goal set");
    }

    @Test
    void aProvidersPictureKeepsItsOwnUrlAndMissingValuesAreNull() {
        when(profiles.profile(me)).thenReturn(WebFixtures.profile(me, "lee", Optional.empty(),
                Optional.of("https://k.kakaocdn.net/p.jpg"), List.of(), Provider.KAKAO));
        JsonNode user = web.as(me).get("/api/users/me").ok(200);
        assertEquals("https://k.kakaocdn.net/p.jpg", user.get("profileImageUrl").asText());
        assertTrue(user.get("email").isNull());
        assertEquals(0, user.get("joinedRoomIds").size());
    }

    @Test
    void withoutAValidTokenNothingIsAsked() {
        web.anonymous().get("/api/users/me").problem(401, "UNAUTHENTICATED");
        Answer wrongScheme = web.authorizedBy("Basic " + WebAdapterHarness.tokenFor(me)).get("/api/users/me");
        wrongScheme.problem(401, "UNAUTHENTICATED");
        assertEquals("Bearer", wrongScheme.header("WWW-Authenticate"));
        web.authorizedBy("Bearer nonsense").patch("/api/users/me", "{\"nickname\":\"x\"}").problem(401, "UNAUTHENTICATED");
        web.anonymous().delete("/api/users/me").problem(401, "UNAUTHENTICATED");
        web.anonymous().put("/api/users/me/goal", "{\"dailyMinutes\":60}").problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(profiles, update, changeImage, deleteAccount, setGoal);
    }

    @Test
    void aNewNicknameAloneLeavesTheEmailAsItIs() {
        when(update.update(any())).thenReturn(WebFixtures.profile(me, "park"));
        JsonNode user = web.as(me).patch("/api/users/me", "{\"nickname\":\"  park \",\"unknown\":1}").ok(200);
        verify(update).update(new UpdateProfileCommand(me, Optional.of(new Nickname("park")), Optional.empty(), false));
        assertEquals("park", user.get("nickname").asText());
    }

    @Test
    void anEmptyOrNullEmailRemovesItAndAnAddressSetsIt() {
        when(update.update(any())).thenReturn(WebFixtures.profile(me, "kim"));
        web.as(me).patch("/api/users/me", "{\"email\":\"\"}").ok(200);
        web.as(me).patch("/api/users/me", "{\"email\":null}").ok(200);
        verify(update, times(2))
                .update(new UpdateProfileCommand(me, Optional.empty(), Optional.empty(), true));
        web.as(me).patch("/api/users/me", "{\"email\":\"Kim@Example.ORG\"}").ok(200);
        verify(update).update(new UpdateProfileCommand(me, Optional.empty(), Optional.of(new Email("Kim@example.org")), false));
    }

    @Test
    void everyMistakeInAnUpdateIsReportedAtOnceAndNothingIsChanged() {
        List<String> fields = web.as(me).patch("/api/users/me", "{\"nickname\":null,\"email\":\"not-an-address\"}").invalidFields();
        assertEquals(List.of("nickname", "email"), fields);
        assertEquals(List.of("nickname"), web.as(me).patch("/api/users/me", "{\"nickname\":42}").invalidFields());
        assertEquals(List.of("nickname"), web.as(me).patch("/api/users/me", "{\"nickname\":\"" + "가".repeat(21) + "\"}").invalidFields());
        web.as(me).patch("/api/users/me", "[\"nickname\"]").problem(400, "MALFORMED_BODY");
        web.as(me).send("PATCH", "/api/users/me", "text/plain", "nickname=kim".getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
        verifyNoInteractions(update);
    }

    @Test
    void anUploadedPictureIsCheckedByItsContentAndHandedOn() {
        when(changeImage.changeImage(eq(me), any())).thenReturn(WebFixtures.profile(me, "kim", Optional.empty(),
                Optional.of("new-key"), List.of(), Provider.DEV));
        byte[] png = WebFixtures.png();
        JsonNode user = web.as(me).putFile("/api/users/me/image", "image", png).ok(200);
        ArgumentCaptor<ImageUpload> upload = ArgumentCaptor.forClass(ImageUpload.class);
        verify(changeImage).changeImage(eq(me), upload.capture());
        assertEquals(ImageFormat.PNG, upload.getValue().format());
        assertArrayEquals(png, upload.getValue().bytes());
        assertEquals("/images/new-key", user.get("profileImageUrl").asText());
    }

    @Test
    void aFileThatIsNoPictureOrNoFileOrNoFormIsRefusedAtTheEdge() {
        assertEquals(List.of("image"), web.as(me).putFile("/api/users/me/image", "image", "<svg/>".getBytes()).invalidFields());
        assertEquals(List.of("image"), web.as(me).putFile("/api/users/me/image", "picture", WebFixtures.png()).invalidFields());
        web.as(me).put("/api/users/me/image", "{}").problem(415, "UNSUPPORTED_MEDIA_TYPE");
        verifyNoInteractions(changeImage);
    }

    @Test
    void deletingTheAccountIs204AndABusyServiceSaysWhenToRetry() {
        Answer deleted = web.as(me).delete("/api/users/me");
        assertEquals(204, deleted.status());
        assertEquals(0, deleted.bytes().length);
        verify(deleteAccount).deleteAccount(me);

        doThrow(RetryLaterException.busy("a join is still finishing", Duration.ofSeconds(2))).when(deleteAccount).deleteAccount(me);
        Answer busy = web.as(me).delete("/api/users/me");
        busy.problem(503, "BUSY");
        assertEquals("2", busy.header("Retry-After"));
    }

    @Test
    void aGoalIsSetFromWholeMinutesAndTheAnswerIsTheUserShowingIt() {
        when(profiles.profile(me)).thenReturn(WebFixtures.withGoal(WebFixtures.profile(me, "kim"), 960));
        JsonNode user = web.as(me).put("/api/users/me/goal", "{\"dailyMinutes\":960,\"unknown\":true}").ok(200);
        web.as(me).put("/api/users/me/goal", "{\"dailyMinutes\":30}").ok(200);

        var order = inOrder(setGoal, profiles);
        order.verify(setGoal).setDailyGoal(new SetDailyGoalCommand(me, Optional.of(new DailyGoal(960))));
        order.verify(profiles).profile(me);
        order.verify(setGoal).setDailyGoal(new SetDailyGoalCommand(me, Optional.of(new DailyGoal(30))));
        assertEquals(960, user.get("dailyGoalMinutes").asInt());
        assertTrue(user.get("dailyGoalMinutes").isInt());
        assertEquals(me.value(), user.get("id").asText(), "the whole User comes back");
    }

    @Test
    void anExplicitNullClearsTheGoal() {
        when(profiles.profile(me)).thenReturn(WebFixtures.profile(me, "kim"));
        JsonNode user = web.as(me).put("/api/users/me/goal", "{\"dailyMinutes\":null}").ok(200);
        verify(setGoal).setDailyGoal(new SetDailyGoalCommand(me, Optional.empty()));
        assertTrue(user.get("dailyGoalMinutes").isNull());
    }

    @Test
    void aGoalOutOfRangeOrNotAWholeNumberOrMissingIsRefusedAndNothingIsSet() {
        for (String body : List.of("{\"dailyMinutes\":29}", "{\"dailyMinutes\":961}", "{\"dailyMinutes\":0}",
                "{\"dailyMinutes\":-60}", "{\"dailyMinutes\":\"60\"}", "{\"dailyMinutes\":60.5}", "{\"dailyMinutes\":60.0}",
                "{\"dailyMinutes\":1e2}", "{\"dailyMinutes\":true}", "{\"dailyMinutes\":[60]}", "{\"dailyMinutes\":{}}",
                "{\"dailyMinutes\":99999999999}", "{}", "{\"minutes\":60}")) {
            Answer refused = web.as(me).put("/api/users/me/goal", body);
            assertEquals(List.of("dailyMinutes"), refused.invalidFields(), body);
        }
        assertEquals("must be 30 to 960 minutes",
                web.as(me).put("/api/users/me/goal", "{\"dailyMinutes\":961}").json().at("/errors/0/message").asText());
        assertEquals("is required (null clears the goal)",
                web.as(me).put("/api/users/me/goal", "{}").json().at("/errors/0/message").asText());
        web.as(me).put("/api/users/me/goal", "{\"dailyMinutes\":").problem(400, "MALFORMED_BODY");
        web.as(me).put("/api/users/me/goal", "60").problem(400, "MALFORMED_BODY");
        web.as(me).put("/api/users/me/goal", "null").problem(400, "MALFORMED_BODY");
        web.as(me).send("PUT", "/api/users/me/goal", "text/plain", "60".getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
        verifyNoInteractions(setGoal, profiles);
    }

    static List<String> strings(JsonNode array) {
        return Json.mapper().convertValue(array, Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
