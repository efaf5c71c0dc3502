package kr.co.stupy.adapter.web.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kr.co.stupy.adapter.web.Answer;
import kr.co.stupy.adapter.web.StubRateLimits;
import kr.co.stupy.adapter.web.WebAdapterHarness;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.application.rooms.port.in.BanView;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Joining and leaving, handing a room over, kicking and bans. */
class RoomMembershipRoutesTest {

    static final RoomMembershipUseCase membership = mock(RoomMembershipUseCase.class);
    static final ManageRoomsUseCase manage = mock(ManageRoomsUseCase.class);
    static final FindRoomsQuery find = mock(FindRoomsQuery.class);

    @AutoClose
    static final WebAdapterHarness web = WebAdapterHarness.serve(
            new RoomRoutes(manage, membership, find, Json.mapper(), new StubRateLimits().readBudget()));

    final UserId me = UserId.newId();
    final UserId other = UserId.newId();
    final UserId banned = UserId.newId();
    final Room room = RoomSamples.everythingSet(me, other, banned);
    final String path = "/api/rooms/" + room.id().value();

    @AfterEach
    void forget() {
        reset(membership, manage, find);
    }

    @Test
    void anOpenRoomIsJoinedWithoutABody() {
        when(membership.join(any(), any(), any())).thenReturn(RoomSamples.view(room));
        JsonNode body = web.as(other).send("POST", path + "/members", null, new byte[0]).ok(200);
        verify(membership).join(other, room.id(), Optional.empty());
        assertEquals(RoomRoutesTest.ROOM_FIELDS, Answer.fieldNames(body));
        assertEquals(room.id().value(), body.get("id").asText());
    }

    @Test
    void aPasswordIsHandedOnAndOneThatCouldNeverBeValidSimplyDoesNotMatch() {
        when(membership.join(any(), any(), any())).thenReturn(RoomSamples.view(room));
        web.as(other).post(path + "/members", "{\"password\":\"s3cret\"}").ok(200);
        verify(membership).join(other, room.id(), Optional.of(new RoomPassword("s3cret")));
        web.as(banned).post(path + "/members", "{\"password\":\"abc\"}").ok(200);
        verify(membership).join(banned, room.id(), Optional.empty());
    }

    @Test
    void aPasswordOfTheWrongTypeIs400WithoutJoining() {
        assertEquals(List.of("password"), web.as(other).post(path + "/members", "{\"password\":1234}").invalidFields());
        web.as(other).post(path + "/members", "{\"password\":").problem(400, "MALFORMED_BODY");
        verifyNoInteractions(membership);
    }

    static Stream<Arguments> refusedJoins() {
        return Stream.of(
                Arguments.of((Supplier<DomainException>) RoomErrors::banned, 403, "BANNED"),
                Arguments.of((Supplier<DomainException>) RoomErrors::wrongPassword, 403, "WRONG_PASSWORD"),
                Arguments.of((Supplier<DomainException>) RoomErrors::full, 409, "ROOM_FULL"),
                Arguments.of((Supplier<DomainException>) RoomErrors::joinLimit, 409, "JOIN_LIMIT"),
                Arguments.of((Supplier<DomainException>) RoomErrors::notFound, 404, "ROOM_NOT_FOUND"));
    }

    @ParameterizedTest
    @MethodSource("refusedJoins")
    void aRefusedJoinIsTheContractsProblem(Supplier<DomainException> refusal, int status, String code) {
        when(membership.join(any(), any(), any())).thenThrow(refusal.get());
        JsonNode problem = web.as(other).post(path + "/members", "{}").problem(status, code);
        assertEquals(refusal.get().getMessage(), problem.get("detail").asText());
    }

    @Test
    void leavingIs204AndMeIsNeverTakenForAUserId() {
        Answer left = web.as(other).delete(path + "/members/me");
        assertEquals(204, left.status());
        verify(membership).leave(other, room.id());
        verify(membership, never()).kick(any(), any(), any());
        doThrow(RoomErrors.notMember()).when(membership).leave(banned, room.id());
        web.as(banned).delete(path + "/members/me").problem(404, "NOT_MEMBER");
    }

    @Test
    void theOwnerKicksAMemberByTheirId() {
        assertEquals(204, web.as(me).delete(path + "/members/" + other.value()).status());
        verify(membership).kick(me, room.id(), other);
        doThrow(RoomErrors.cannotKickOwner()).when(membership).kick(me, room.id(), me);
        web.as(me).delete(path + "/members/" + me.value()).problem(409, "CANNOT_KICK_OWNER");
        doThrow(RoomErrors.notOwner()).when(membership).kick(other, room.id(), me);
        web.as(other).delete(path + "/members/" + me.value()).problem(403, "NOT_OWNER");
    }

    @Test
    void aMalformedUserIdIsNoMemberWithoutAsking() {
        web.as(me).delete(path + "/members/nobody").problem(404, "NOT_MEMBER");
        web.as(me).put(path + "/owner", "{\"userId\":\"nobody\"}").problem(404, "NOT_MEMBER");
        web.as(me).delete(path + "/bans/nobody").problem(404, "NOT_FOUND");
        web.as(me).delete("/api/rooms/nope/members/" + other.value()).problem(404, "ROOM_NOT_FOUND");
        verifyNoInteractions(membership);
    }

    @Test
    void theOwnerHandsTheRoomToAMember() {
        when(membership.handOver(me, room.id(), other)).thenReturn(RoomSamples.view(room));
        JsonNode body = web.as(me).put(path + "/owner", "{\"userId\":\"" + other.value() + "\"}").ok(200);
        assertEquals(room.id().value(), body.get("id").asText());
        verify(membership).handOver(me, room.id(), other);
    }

    @Test
    void aHandOverNamesTheNewOwner() {
        assertEquals(List.of("userId"), web.as(me).put(path + "/owner", "{}").invalidFields());
        assertEquals(List.of("userId"), web.as(me).put(path + "/owner", "{\"userId\":7}").invalidFields());
        web.as(me).send("PUT", path + "/owner", "text/plain", other.value().getBytes()).problem(415, "UNSUPPORTED_MEDIA_TYPE");
        verifyNoInteractions(membership);
    }

    @Test
    void theOwnerSeesTheBansAndLiftsThem() {
        when(membership.bans(me, room.id())).thenReturn(List.of(
                new BanView(banned, "gone", Optional.of("https://phinf.pstatic.net/b.png"), RoomSamples.JOINED_AT)));
        JsonNode items = web.as(me).get(path + "/bans").ok(200).get("items");
        assertEquals(1, items.size());
        assertEquals(List.of("bannedAt", "nickname", "profileImageUrl", "userId"), Answer.fieldNames(items.get(0)));
        assertEquals(banned.value(), items.get(0).get("userId").asText());
        assertEquals("gone", items.get(0).get("nickname").asText());
        assertEquals("https://phinf.pstatic.net/b.png", items.get(0).get("profileImageUrl").asText());
        assertEquals("2026-11-24T10:00:00Z", items.get(0).get("bannedAt").asText());

        assertEquals(204, web.as(me).delete(path + "/bans/" + banned.value()).status());
        verify(membership).liftBan(me, room.id(), banned);
    }

    @Test
    void onlyTheOwnerSeesTheBans() {
        when(membership.bans(other, room.id())).thenThrow(RoomErrors.notOwner());
        web.as(other).get(path + "/bans").problem(403, "NOT_OWNER");
        web.anonymous().get(path + "/bans").problem(401, "UNAUTHENTICATED");
        verify(membership).bans(other, room.id());
    }
}
