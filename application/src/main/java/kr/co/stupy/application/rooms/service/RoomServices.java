package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.util.List;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;

/**
 * The rooms context's use cases wired together: one service per in-port, sharing the parts that
 * must be one (the quota holds, the views, what a deleted room leaves behind). The reads
 * ({@link RoomQueryService}) are built on their own: other contexts need them before these exist.
 *
 * @param manage         {@code ManageRoomsUseCase}: create, edit, picture, delete
 * @param membership     {@code RoomMembershipUseCase}: join, leave, hand over, kick, bans
 * @param accountCleanup what a deleted account does to its rooms
 */
public record RoomServices(RoomLifecycleService manage, RoomMembershipService membership, AccountRoomsService accountCleanup) {

    /** What the rooms context needs from the outside, by name. */
    public record Dependencies(Rooms rooms, RoomQuotas quotas, Users users, PasswordHasher hasher, RateLimits limits,
                               Budgets budgets, ImageStore images, LiveRoomsView live, List<RoomRemovalCleanup> roomCleanups,
                               MemberRemovals memberRemovals, Clock clock) {
        public Dependencies {
            roomCleanups = List.copyOf(roomCleanups);
        }
    }

    public static RoomServices create(Dependencies d) {
        RoomHolds holds = new RoomHolds(d.quotas(), d.rooms(), d.clock());
        RoomViews views = new RoomViews(d.rooms(), d.users(), d.live());
        RoomLeftovers leftovers = new RoomLeftovers(d.images(), d.roomCleanups());
        var passwords = new JoinPassword.Checker(new PasswordAttempts(d.limits(), d.budgets()), d.hasher(), d.rooms());
        var manage = new RoomLifecycleService(d.rooms(), holds, d.hasher(), d.limits(), d.budgets(), d.images(), views,
                leftovers);
        var membership = new RoomMembershipService(d.rooms(), holds, d.users(), passwords, views, leftovers,
                d.memberRemovals(), d.clock());
        return new RoomServices(manage, membership, new AccountRoomsService(d.rooms(), d.quotas(), membership));
    }
}
