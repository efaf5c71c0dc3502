package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;

/** One room as a viewer sees it: members (owner first) only when the viewer is one of them. */
public record RoomDetail(RoomView view, Optional<List<MemberView>> members) {
    public RoomDetail {
        members = members == null ? Optional.empty() : members.map(List::copyOf);
    }
}
