package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.rooms.Pomodoro;

/**
 * One room as a viewer sees it: members (owner first) and the room's pomodoro only when the viewer
 * is one of them, and only for its owner how many wrong passwords were refused since the password was set.
 */
public record RoomDetail(RoomView view, Optional<List<MemberView>> members, Optional<Long> refusedPasswordAttempts,
                         Optional<Pomodoro> pomodoro) {
    public RoomDetail {
        members = members == null ? Optional.empty() : members.map(List::copyOf);
        refusedPasswordAttempts = refusedPasswordAttempts == null ? Optional.empty() : refusedPasswordAttempts;
        pomodoro = pomodoro == null ? Optional.empty() : pomodoro;
    }

    public RoomDetail(RoomView view, Optional<List<MemberView>> members, Optional<Long> refusedPasswordAttempts) {
        this(view, members, refusedPasswordAttempts, Optional.empty());
    }

    /** As anyone but the owner sees it. */
    public RoomDetail(RoomView view, Optional<List<MemberView>> members) {
        this(view, members, Optional.empty(), Optional.empty());
    }
}
