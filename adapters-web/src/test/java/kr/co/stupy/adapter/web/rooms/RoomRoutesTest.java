package kr.co.stupy.adapter.web.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.studytime.Subject;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.WebFixtures;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.CreateRoomCommand;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase.EditRoomCommand;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.MemberView;
import kr.co.stupy.application.rooms.port.in.MyRoom;
import kr.co.stupy.application.rooms.port.in.RoomDetail;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Opening, reading, changing and closing rooms. Search is in {@link RoomSearchRoutesTest}, joining and
 * the owner's powers over members in {@link RoomMembershipRoutesTest}.
 */
class RoomRoutesTest {

    static final List<String> ROOM_FIELDS = List.of("createdAt", "description", "hashtags", "id", "imageUrl", "live",
            "liveCount", "locked", "maxMembers", "memberCount", "openChatUrl", "ownerId", "rank", "studyingNow", "title", "todayStudySeconds",
            "totalStudySeconds");

    static final ManageRoomsUseCase manage = mock(ManageRoomsUseCase.class);
    static final RoomMembershipUseCase membership = mock(RoomMembershipUseCase.class);
    static final FindRoomsQuery find = mock(FindRoomsQuery.class);
    static final StubRateLimits limits = new StubRateLimits();

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(
            new RoomRoutes(manage, membership, find, Json.mapper(), limits.readBudget()));

    final UserId me = UserId.newId();
    final UserId other = UserId.newId();
    final Room room = RoomSamples.everythingSet(me, other, UserId.newId());

    @AfterEach
    void forget() {
        reset(manage, membership, find);
        limits.reset();
    }

    @Test
    void aNewRoomIs201WithItsLocationAndTheContractsRoomWithoutThePassword() {
        when(manage.create(any())).thenReturn(RoomSamples.view(room));
        Answer answer = web.as(me).post("/api/rooms", """
                {"title":" Algorithms ","description":"one problem a day","password":"s3cret","hashtags":["#Java","algo"],
                 "openChatUrl":"https://open.kakao.com/o/abc","maxMembers":6}""");
        verify(manage).create(new CreateRoomCommand(me, new RoomTitle("Algorithms"), new RoomDescription("one problem a day"),
                Optional.of(new RoomPassword("s3cret")), List.of(new Hashtag("java"), new Hashtag("algo")),
                Optional.of(new OpenChatUrl("https://open.kakao.com/o/abc")), Optional.of(6)));
        JsonNode body = answer.ok(201);
        assertEquals("/api/rooms/" + room.id().value(), answer.header("Location"));
        assertEquals(ROOM_FIELDS, Answer.fieldNames(body));
        assertEquals(room.id().value(), body.get("id").asText());
        assertEquals("Algorithms", body.get("title").asText());
        assertEquals("one problem a day", body.get("description").asText());
        assertEquals("[\"java\",\"algo\"]", body.get("hashtags").toString());
        assertEquals("https://open.kakao.com/o/abc", body.get("openChatUrl").asText());
        assertEquals(6, body.get("maxMembers").asInt());
        assertEquals(2, body.get("memberCount").asInt());
        assertEquals(me.value(), body.get("ownerId").asText());
        assertTrue(body.get("locked").asBoolean());
        assertEquals("/images/room-picture", body.get("imageUrl").asText());
        assertTrue(body.get("live").asBoolean());
        assertEquals(2, body.get("liveCount").asInt());
        assertEquals(7200, body.get("totalStudySeconds").asLong());
        assertEquals(7, body.get("rank").asLong());
        assertEquals("2026-11-24T09:00:00Z", body.get("createdAt").asText());
        assertFalse(answer.body().contains("argon2"), "the password hash never leaves");
    }

    @Test
    void aRoomShowsWhoIsStudyingNowAndItsLiveFigures() {
        Room room = RoomSamples.plain(me);
        UserId lee = UserId.newId();
        var studying = new RoomView.LiveMember(me, "kim", Optional.of("avatar-kim"),
                StudyState.studying(Optional.of(new Subject("수학")), WebFixtures.CREATED_AT));
        var resting = new RoomView.LiveMember(lee, "lee", Optional.empty(),
                new StudyState(StudyStatus.BREAK, Optional.empty(), WebFixtures.CREATED_AT));
        when(find.room(any(), any())).thenReturn(new RoomDetail(
                new RoomView(room, List.of(studying, resting), room.totalStudySeconds() + 95, 1800, 3), Optional.empty()));

        JsonNode body = web.as(me).get("/api/rooms/" + room.id().value()).ok(200);

        assertEquals(room.totalStudySeconds() + 95, body.get("totalStudySeconds").asLong(), "the running sessions are in the total");
        assertEquals(1800, body.get("todayStudySeconds").asLong());
        assertEquals(3, body.get("rank").asLong());
        assertEquals(2, body.get("liveCount").asInt());
        JsonNode first = body.get("studyingNow").get(0);
        assertEquals(List.of("nickname", "profileImageUrl", "status", "userId"), Answer.fieldNames(first));
        assertEquals(me.value(), first.get("userId").asText());
        assertEquals("studying", first.get("status").asText());
        assertEquals("/images/avatar-kim", first.get("profileImageUrl").asText());
        assertEquals("break", body.get("studyingNow").get(1).get("status").asText());
        assertTrue(body.get("studyingNow").get(1).get("profileImageUrl").isNull());
    }

    @Test
    void whatARoomDoesNotSayIsLeftToTheDefaults() {
        Room open = RoomSamples.plain(me);
        when(manage.create(any())).thenReturn(RoomSamples.view(open, 0, 1));
        JsonNode body = web.as(me).post("/api/rooms", "{\"title\":\"t\",\"description\":\"d\",\"openChatUrl\":\"\"}").ok(201);
        verify(manage).create(new CreateRoomCommand(me, new RoomTitle("t"), new RoomDescription("d"), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        assertFalse(body.get("locked").asBoolean());
        assertFalse(body.get("live").asBoolean());
        assertTrue(body.get("imageUrl").isNull());
        assertTrue(body.get("openChatUrl").isNull());
    }

    @Test
    void everyMistakeInANewRoomIsReportedAtOnceAndNoRoomIsOpened() {
        List<String> fields = web.as(me).post("/api/rooms", """
                {"title":"","password":"abc","hashtags":["has space"],"openChatUrl":"https://evil.example/o/x","maxMembers":"5"}""")
                .invalidFields();
        assertEquals(List.of("title", "description", "password", "hashtags", "openChatUrl", "maxMembers"), fields);
        assertEquals(List.of("hashtags"), web.as(me).post("/api/rooms", "{\"title\":\"t\",\"description\":\"d\",\"hashtags\":\"java\"}")
                .invalidFields());
        web.as(me).post("/api/rooms", "{\"title\":\"t\",\"title\":\"u\",\"description\":\"d\"}").problem(400, "MALFORMED_BODY");
        web.anonymous().post("/api/rooms", "{\"title\":\"t\",\"description\":\"d\"}").problem(401, "UNAUTHENTICATED");
        verifyNoInteractions(manage);
    }

    @Test
    void aSixthRoomIs409JoinLimit() {
        when(manage.create(any())).thenThrow(RoomErrors.joinLimit());
        web.as(me).post("/api/rooms", "{\"title\":\"t\",\"description\":\"d\"}").problem(409, "JOIN_LIMIT");
    }

    @Test
    void aMemberSeesTheMembersOwnerFirstAndTheOwnerAlsoTheRefusedPasswords() {
        List<MemberView> members = List.of(new MemberView(me, "kim", Optional.of("me-key"), true, WebFixtures.CREATED_AT),
                new MemberView(other, "lee", Optional.empty(), false, RoomSamples.JOINED_AT));
        when(find.room(me, room.id())).thenReturn(new RoomDetail(RoomSamples.view(room), Optional.of(members), Optional.of(3L)));
        JsonNode body = web.as(me).get("/api/rooms/" + room.id().value()).ok(200);
        assertEquals(room.id().value(), body.get("id").asText());
        assertEquals(3, body.get("refusedPasswordAttempts").asLong());
        JsonNode owner = body.get("members").get(0);
        assertEquals(List.of("joinedAt", "nickname", "owner", "profileImageUrl", "userId"), Answer.fieldNames(owner));
        assertEquals(me.value(), owner.get("userId").asText());
        assertEquals("/images/me-key", owner.get("profileImageUrl").asText());
        assertTrue(owner.get("owner").asBoolean());
        JsonNode second = body.get("members").get(1);
        assertEquals("lee", second.get("nickname").asText());
        assertTrue(second.get("profileImageUrl").isNull());
        assertFalse(second.get("owner").asBoolean());
        assertEquals("2026-11-24T10:00:00Z", second.get("joinedAt").asText());

        when(find.room(other, room.id())).thenReturn(new RoomDetail(RoomSamples.view(room), Optional.of(members)));
        assertFalse(web.as(other).get("/api/rooms/" + room.id().value()).ok(200).has("refusedPasswordAttempts"));
    }

    @Test
    void anyoneElseSeesTheRoomAlone() {
        UserId stranger = UserId.newId();
        when(find.room(stranger, room.id())).thenReturn(new RoomDetail(RoomSamples.view(room), Optional.empty()));
        assertEquals(ROOM_FIELDS, Answer.fieldNames(web.as(stranger).get("/api/rooms/" + room.id().value()).ok(200)));
    }

    @Test
    void aMalformedIdIsAnUnknownRoomWithoutAsking() {
        web.as(me).get("/api/rooms/not-an-id").problem(404, "ROOM_NOT_FOUND");
        web.as(me).patch("/api/rooms/not-an-id", "{\"title\":\"t\"}").problem(404, "ROOM_NOT_FOUND");
        web.as(me).delete("/api/rooms/" + room.id().value().toLowerCase()).problem(404, "ROOM_NOT_FOUND");
        verifyNoInteractions(find, manage, membership);

        when(find.room(me, room.id())).thenThrow(RoomErrors.notFound());
        web.as(me).get("/api/rooms/" + room.id().value()).problem(404, "ROOM_NOT_FOUND");
    }

    @Test
    void myRoomsSayWhichIOwn() {
        Room joined = RoomSamples.plain(other);
        when(find.mine(me)).thenReturn(List.of(new MyRoom(RoomSamples.view(room), true), new MyRoom(RoomSamples.view(joined), false)));
        JsonNode items = web.as(me).get("/api/rooms/mine").ok(200).get("items");
        assertEquals(2, items.size());
        List<String> withOwner = new ArrayList<>(ROOM_FIELDS);
        withOwner.add("owner");
        assertEquals(withOwner.stream().sorted().toList(), Answer.fieldNames(items.get(0)));
        assertEquals(room.id().value(), items.get(0).get("id").asText());
        assertTrue(items.get(0).get("owner").asBoolean());
        assertEquals(joined.id().value(), items.get(1).get("id").asText());
        assertFalse(items.get(1).get("owner").asBoolean());
    }

    @Test
    void anEditChangesOnlyWhatItNames() {
        when(manage.edit(any())).thenReturn(RoomSamples.view(room));
        web.as(me).patch("/api/rooms/" + room.id().value(), "{\"title\":\"New\",\"maxMembers\":8,\"hashtags\":[\"Go\"]}").ok(200);
        verify(manage).edit(new EditRoomCommand(me, room.id(), Optional.of(new RoomTitle("New")), Optional.empty(),
                Optional.of(List.of(new Hashtag("go"))), Optional.empty(), false, Optional.of(8), Optional.empty(), false));
    }

    @Test
    void nullRemovesThePasswordTheLinkAndTheTags() {
        when(manage.edit(any())).thenReturn(RoomSamples.view(room));
        web.as(me).patch("/api/rooms/" + room.id().value(), "{\"password\":null,\"openChatUrl\":null,\"hashtags\":null}").ok(200);
        verify(manage).edit(new EditRoomCommand(me, room.id(), Optional.empty(), Optional.empty(), Optional.of(List.of()),
                Optional.empty(), true, Optional.empty(), Optional.empty(), true));
        web.as(me).patch("/api/rooms/" + room.id().value(), "{\"openChatUrl\":\" \",\"password\":\"n3w-pass\"}").ok(200);
        verify(manage).edit(new EditRoomCommand(me, room.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true, Optional.empty(), Optional.of(new RoomPassword("n3w-pass")), false));
    }

    @Test
    void whatCannotBeRemovedIsRefusedAtTheEdge() {
        List<String> fields = web.as(me).patch("/api/rooms/" + room.id().value(),
                "{\"title\":null,\"description\":null,\"maxMembers\":null}").invalidFields();
        assertEquals(List.of("title", "description", "maxMembers"), fields);
        verifyNoInteractions(manage);
    }

    @Test
    void anEditByAnyoneButTheOwnerIs403AndBelowTheMembersIs409() {
        when(manage.edit(any())).thenThrow(RoomErrors.notOwner());
        web.as(other).patch("/api/rooms/" + room.id().value(), "{\"title\":\"mine now\"}").problem(403, "NOT_OWNER");
        reset(manage);
        when(manage.edit(any())).thenThrow(RoomErrors.capacityBelowMembers(3));
        web.as(me).patch("/api/rooms/" + room.id().value(), "{\"maxMembers\":2}").problem(409, "CAPACITY_BELOW_MEMBERS");
    }

    @Test
    void deletingIs204AndOnlyTheOwnerMay() {
        Answer deleted = web.as(me).delete("/api/rooms/" + room.id().value());
        assertEquals(204, deleted.status());
        verify(manage).delete(me, room.id());
        doThrow(RoomErrors.notOwner()).when(manage).delete(other, room.id());
        web.as(other).delete("/api/rooms/" + room.id().value()).problem(403, "NOT_OWNER");
    }

    @Test
    void aNewPictureIsHandedOnAndTheRoomComesBack() {
        when(manage.changeImage(eq(me), eq(room.id()), any())).thenReturn(RoomSamples.view(room));
        byte[] png = WebFixtures.png();
        JsonNode body = web.as(me).putFile("/api/rooms/" + room.id().value() + "/image", "image", png).ok(200);
        ArgumentCaptor<ImageUpload> upload = ArgumentCaptor.forClass(ImageUpload.class);
        verify(manage).changeImage(eq(me), eq(room.id()), upload.capture());
        assertArrayEquals(png, upload.getValue().bytes());
        assertEquals("/images/room-picture", body.get("imageUrl").asText());

        assertEquals(List.of("image"), web.as(me).putFile("/api/rooms/" + room.id().value() + "/image", "image",
                "GIF00a".getBytes()).invalidFields());
        verifyNoInteractions(membership, find);
    }
}
