package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;

/**
 * One room as a viewer sees it: members (owner first) only when the viewer is one of them, and
 * only for its owner how many wrong passwords were refused since the password was set.
 */
public record RoomDetail(RoomView view, Optional<List<MemberView>> members, Optional<Long> refusedPasswordAttempts) {
    public RoomDetail {
        members = members == null ? Optional.empty() : members.map(List::copyOf);
        refusedPasswordAttempts = refusedPasswordAttempts == null ? Optional.empty() : refusedPasswordAttempts;
    }

    /** As anyone but the owner sees it. */
    public RoomDetail(RoomView view, Optional<List<MemberView>> members) {
        this(view, members, Optional.empty());
    }
}
