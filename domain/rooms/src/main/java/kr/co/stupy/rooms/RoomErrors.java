package kr.co.stupy.rooms;

import kr.co.stupy.shared.DomainException;

/** The stable codes of the rooms context. */
public final class RoomErrors {

    private RoomErrors() {
    }

    public static DomainException notFound() {
        return DomainException.notFound("ROOM_NOT_FOUND", "no such room");
    }

    public static DomainException notOwner() {
        return DomainException.forbidden("NOT_OWNER", "only the room's owner may do this");
    }

    public static DomainException notMember() {
        return DomainException.notFound("NOT_MEMBER", "that user is not a member of this room");
    }

    public static DomainException banned() {
        return DomainException.forbidden("BANNED", "you were removed from this room by its owner");
    }

    public static DomainException wrongPassword() {
        return DomainException.forbidden("WRONG_PASSWORD", "the room's password does not match");
    }

    public static DomainException full() {
        return DomainException.conflict("ROOM_FULL", "the room has no free seat");
    }

    public static DomainException joinLimit() {
        return DomainException.conflict("JOIN_LIMIT", "a user belongs to at most " + Room.MAX_ROOMS_PER_USER + " rooms");
    }

    public static DomainException capacityBelowMembers(int members) {
        return DomainException.conflict("CAPACITY_BELOW_MEMBERS", "maxMembers cannot be below the " + members + " current members");
    }

    public static DomainException cannotKickOwner() {
        return DomainException.conflict("CANNOT_KICK_OWNER", "the owner cannot remove themselves; leave the room instead");
    }
}
