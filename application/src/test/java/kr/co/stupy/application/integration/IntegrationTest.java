package kr.co.stupy.application.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kr.co.stupy.application.chat.port.in.ForgetRoomChatUseCase;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.in.LivePresenceQuery;
import kr.co.stupy.application.studytime.port.in.RoomStudyNowQuery;
import kr.co.stupy.application.live.port.in.RoomChangesUseCase;
import kr.co.stupy.application.rooms.port.in.LeaveAllRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomsOfMemberQuery;
import kr.co.stupy.application.studytime.port.in.DailyGoalQuery;
import kr.co.stupy.application.studytime.port.in.ForgetAccountGoalsUseCase;
import kr.co.stupy.application.studytime.port.in.ForgetRoomStudyUseCase;
import kr.co.stupy.application.studytime.port.out.RunningSessions.RunningSession;
import kr.co.stupy.application.todos.port.in.ForgetAccountTodosUseCase;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.DailyGoal;
import org.junit.jupiter.api.Test;

/** The classes that join contexts: each passes what one context says to the other's in-port, and nothing else. */
class IntegrationTest {

    final RoomId room = RoomId.newId();
    final UserId kim = UserId.newId();
    final UserId lee = UserId.newId();
    final Instant since = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aRemovedOrDepartedMemberIsToldToLiveRooms() {
        RoomChangesUseCase live = mock(RoomChangesUseCase.class);
        var removals = new LiveMemberRemovals(live);
        removals.memberRemoved(room, kim);
        removals.memberLeft(room, kim);
        var order = inOrder(live);
        order.verify(live).memberRemoved(room, kim);
        order.verify(live).memberLeft(room, kim);
    }

    @Test
    void liveFiguresComeFromStudyTimeAndAnAbsentBusShowsNobodyLive() {
        RoomStudyNowQuery study = mock(RoomStudyNowQuery.class);
        var figures = new RoomStudyNowQuery.RoomsNow(Map.of(room, new RoomStudyNowQuery.RoomNow(List.of(), 30, 12)), Map.of(room, 12L));
        when(study.studyNow(List.of(room))).thenReturn(figures);
        assertEquals(figures, new LiveRoomCounts(study).figures(List.of(room)));

        when(study.studyNow(List.of(room))).thenThrow(new IllegalStateException("redis is restarting"));
        assertEquals(RoomStudyNowQuery.RoomsNow.NOBODY, new LiveRoomCounts(study).figures(List.of(room)));
    }

    @Test
    void aLiveConnectionIsTheSessionRunningNow() {
        LivePresenceQuery presence = mock(LivePresenceQuery.class);
        var connection = new LiveConnection(ConnectionId.newId(), kim, room, "node-a", since, "session-1");
        when(presence.liveInRoom(room)).thenReturn(List.of(connection));
        when(presence.liveConnectionOf(kim)).thenReturn(Optional.of(connection));
        var running = new PresenceRunningSessions(presence);

        RunningSession expected = new RunningSession(kim, room, "session-1", since);
        assertEquals(List.of(expected), running.inRoom(room));
        assertEquals(Optional.of(expected), running.ofUser(kim));
        assertEquals(Optional.empty(), running.ofUser(UserId.newId()));
    }

    @Test
    void aDeletedRoomClosesItsLiveConnectionsBeforeItsStudyRecordsAndChatGo() {
        RoomChangesUseCase live = mock(RoomChangesUseCase.class);
        ForgetRoomStudyUseCase studyTime = mock(ForgetRoomStudyUseCase.class);
        ForgetRoomChatUseCase chat = mock(ForgetRoomChatUseCase.class);
        new RoomRemovalAcrossContexts(live, studyTime, chat).roomRemoved(room);
        var order = inOrder(live, studyTime, chat);
        order.verify(live).roomClosed(room);
        order.verify(studyTime).forgetRoom(room);
        order.verify(chat).forgetRoomChat(room);
    }

    @Test
    void identityReadsRoomsAndCleansUpThroughTheirInPorts() {
        RoomsOfMemberQuery rooms = mock(RoomsOfMemberQuery.class);
        when(rooms.roomsOf(kim)).thenReturn(List.of(room));
        assertEquals(List.of(room), new RoomMembershipsFromRooms(rooms).roomsOf(kim));

        LeaveAllRoomsUseCase leave = mock(LeaveAllRoomsUseCase.class);
        ForgetAccountTodosUseCase todos = mock(ForgetAccountTodosUseCase.class);
        ForgetAccountGoalsUseCase goals = mock(ForgetAccountGoalsUseCase.class);
        new AccountCleanupAcrossContexts(leave, todos, goals).accountDeleted(kim);
        var order = inOrder(leave, todos, goals);
        order.verify(leave).leaveAllRoomsOf(kim);
        order.verify(todos).forgetTodosOf(kim);
        order.verify(goals).forgetGoalsOf(kim);
    }

    @Test
    void identityShowsTheDailyGoalStudyTimeHoldsNow() {
        DailyGoalQuery goals = mock(DailyGoalQuery.class);
        when(goals.currentGoal(kim)).thenReturn(Optional.of(new DailyGoal(90)));
        when(goals.currentGoal(lee)).thenReturn(Optional.empty());
        var shown = new StudyGoalsFromStudyTime(goals);
        assertEquals(OptionalInt.of(90), shown.dailyGoalMinutesOf(kim));
        assertEquals(OptionalInt.empty(), shown.dailyGoalMinutesOf(lee));
    }
}
