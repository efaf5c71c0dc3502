package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.rooms.port.in.BanView;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Who is in a room: joining, leaving, handing over, kicking and bans. A seat is covered by a hold
 * in the user's quota from before it is taken until after it is gone ({@link RoomHolds}).
 *
 * <p>Hashing a password is the one slow step (a PBKDF2 hash costs a core some 100 ms), so it comes
 * last: a join that any cheap check refuses (a ban, a full room, the user's 5 rooms, a spent budget
 * of password attempts) never costs a hash. Typed passwords are budgeted per user and per room
 * ({@link PasswordAttempts}); each wrong one is counted on the room for its owner to see
 * ({@link JoinPassword}).
 */
public final class RoomMembershipService implements RoomMembershipUseCase {

    private final Rooms rooms;
    private final RoomUpdates updates;
    private final RoomHolds holds;
    private final Users users;
    private final JoinPassword.Checker passwords;
    private final RoomViews views;
    private final RoomLeftovers leftovers;
    private final MemberRemovals memberRemovals;
    private final Clock clock;

    RoomMembershipService(Rooms rooms, RoomHolds holds, Users users, JoinPassword.Checker passwords, RoomViews views,
                          RoomLeftovers leftovers, MemberRemovals memberRemovals, Clock clock) {
        this.rooms = rooms;
        this.updates = new RoomUpdates(rooms);
        this.holds = holds;
        this.users = users;
        this.passwords = passwords;
        this.views = views;
        this.leftovers = leftovers;
        this.memberRemovals = memberRemovals;
        this.clock = clock;
    }

    @Override
    public RoomView join(UserId userId, RoomId roomId, Optional<RoomPassword> password) {
        Room room = updates.load(roomId);
        if (room.isMember(userId)) {
            return views.of(room);
        }
        // Cheap refusals in the order a client is told them: the room's own (banned, full), the password budgets,
        // the user's limit; only a join that passed them all has its password hashed, inside the seating below.
        room.requireJoinable(userId);
        JoinPassword check = passwords.of(userId, roomId, password);
        if (room.locked()) {
            check.spendAttempt();
        }
        try {
            return seat(userId, roomId, check);
        } finally {
            check.settle();
        }
    }

    private RoomView seat(UserId userId, RoomId roomId, JoinPassword check) {
        // The seat is dated like the hold, which tells this membership's hold from later ones when it ends.
        Instant now = holds.now();
        Optional<RoomHold> hold = holds.take(userId, roomId, now);
        if (hold.isEmpty()) {
            Room current = updates.load(roomId);
            if (current.isMember(userId)) {
                return views.of(current); // a parallel request of the same user got the seat
            }
            throw RoomErrors.joinLimit();
        }
        boolean seated = false;
        try {
            for (int attempt = 0; ; attempt++) {
                Room before = updates.load(roomId);
                if (before.isMember(userId)) {
                    return views.of(before); // seated by a parallel request, which keeps its own hold
                }
                Room after = before.join(userId, check, now);
                holds.requireFresh(hold.get());
                if (rooms.update(before, after)) {
                    seated = true;
                    return views.of(after);
                }
                RoomUpdates.checkAttempts(attempt);
            }
        } finally {
            if (!seated) {
                holds.release(userId, hold.get());
            }
        }
    }

    @Override
    public void leave(UserId userId, RoomId roomId) {
        for (int attempt = 0; ; attempt++) {
            Room before = updates.load(roomId);
            Optional<Room> after = before.leave(userId);
            if (after.isEmpty() ? rooms.delete(before) : rooms.update(before, after.get())) {
                holds.releaseMembership(userId, roomId, joinedAt(before, userId));
                if (after.isEmpty()) {
                    leftovers.clear(before);
                } else {
                    memberRemovals.memberLeft(roomId, userId);
                }
                return;
            }
            RoomUpdates.checkAttempts(attempt);
        }
    }

    @Override
    public RoomView handOver(UserId actor, RoomId roomId, UserId newOwner) {
        return views.of(updates.change(roomId, room -> room.handOver(actor, newOwner)));
    }

    @Override
    public void kick(UserId actor, RoomId roomId, UserId target) {
        for (int attempt = 0; ; attempt++) {
            Room before = updates.load(roomId);
            Room after = before.kick(actor, target, clock.instant());
            if (rooms.update(before, after)) {
                holds.releaseMembership(target, roomId, joinedAt(before, target));
                memberRemovals.memberRemoved(roomId, target);
                return;
            }
            RoomUpdates.checkAttempts(attempt);
        }
    }

    @Override
    public List<BanView> bans(UserId actor, RoomId roomId) {
        Room room = updates.load(roomId);
        room.requireOwner(actor);
        Map<UserId, User> known = users.byIds(room.bans().stream().map(Ban::userId).toList());
        return room.bans().stream().map(ban -> {
            Optional<User> user = Optional.ofNullable(known.get(ban.userId()));
            return new BanView(ban.userId(), user.map(u -> u.nickname().value()).orElse(RoomQueryService.LEFT_USER),
                    user.flatMap(User::profileImage), ban.bannedAt());
        }).toList();
    }

    @Override
    public void liftBan(UserId actor, RoomId roomId, UserId target) {
        updates.change(roomId, room -> room.liftBan(actor, target));
    }

    /** Gives back the user's holds that a process which died left behind; true if there were any ({@link RoomHolds}). */
    boolean releaseLeakedHolds(UserId user) {
        return holds.releaseLeakedHolds(user);
    }

    private static Instant joinedAt(Room room, UserId userId) {
        return room.member(userId).map(Member::joinedAt).orElseThrow(RoomErrors::notMember);
    }
}
