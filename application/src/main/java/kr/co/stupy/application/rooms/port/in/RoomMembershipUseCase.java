package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import java.util.Optional;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/** Who is in a room: joining, leaving, ownership, kicking and bans. */
public interface RoomMembershipUseCase {

    /** Joins (a member joining again changes nothing): {@code BANNED}, {@code WRONG_PASSWORD}, {@code ROOM_FULL}, {@code JOIN_LIMIT}. */
    RoomView join(UserId userId, RoomId roomId, Optional<RoomPassword> password);

    /** Leaves; the owner's leaving hands the room on, the last member's deletes it. */
    void leave(UserId userId, RoomId roomId);

    RoomView handOver(UserId actor, RoomId roomId, UserId newOwner);

    /** Removes a member and bans them. */
    void kick(UserId actor, RoomId roomId, UserId target);

    List<BanView> bans(UserId actor, RoomId roomId);

    void liftBan(UserId actor, RoomId roomId, UserId target);
}
