package kr.co.stupy.application.rooms.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.rooms.port.in.BanView;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.PasswordCheck;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomChanges;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.DomainException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * Changes to rooms without transactions. Each change reads the room, lets the room decide, and
 * writes the result only if nobody wrote the room meanwhile (else it reads again and decides
 * again). Membership also touches the user's {@link RoomQuotas}: a hold is taken before a seat and
 * given back after the seat is gone or if taking it failed, so no user is ever in more than
 * {@link Room#MAX_ROOMS_PER_USER} rooms, however many requests race.
 *
 * <p>A process that dies between those two writes leaves a hold that no membership backs, which
 * would refuse the user a room they are entitled to. So a refused hold repairs the user's holds
 * before it answers {@code JOIN_LIMIT}: every hold on a room the user is not a member of that was
 * taken more than {@link #REPAIR_GRACE} ago is released (exactly that hold, so nothing taken since
 * is lost), and the hold is tried once more. A join or creation never seats on a hold older than
 * {@link #SEAT_DEADLINE}, well inside the grace, so a hold the repair takes for a leak is never one
 * a request still in flight is about to use.
 *
 * <p>An account being deleted is closed in its quota first ({@link RoomAccountCleanup}); a hold it
 * is refused then answers {@code 401}, so no creation or join seats it once the deletion began.
 *
 * <p>Hashing a password is the one slow step (a PBKDF2 hash costs a core some 100 ms), so it comes
 * last: a join or creation that any cheap check refuses (a ban, a full room, the user's 5 rooms,
 * a spent budget of password attempts) never costs a hash. Typed passwords are budgeted per user and
 * per room ({@link PasswordAttempts}); each wrong one is counted on the room for its owner to see.
 */
public final class RoomService implements ManageRoomsUseCase, RoomMembershipUseCase {

    /** Enough for every member of a full room to have changed it once in between; after that, 409 ROOM_BUSY. */
    private static final int MAX_ATTEMPTS = 100;

    /** How old a hold no membership backs must be before a refused hold gives it back as leaked. */
    static final Duration REPAIR_GRACE = Duration.ofMinutes(2);

    /** A request that took its hold longer ago than this gives up instead of seating (409 ROOM_BUSY). */
    static final Duration SEAT_DEADLINE = Duration.ofMinutes(1);

    private final Rooms rooms;
    private final RoomQuotas quotas;
    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordAttempts attempts;
    private final RateLimits limits;
    private final Budget creations;
    private final Budget uploads;
    private final ImageStore images;
    private final RoomViews views;
    private final List<RoomRemovalCleanup> cleanups;
    private final MemberRemovals memberRemovals;
    private final Clock clock;

    public RoomService(Rooms rooms, RoomQuotas quotas, Users users, PasswordHasher hasher, RateLimits limits,
                       Budgets budgets, ImageStore images, LiveRoomsView live, List<RoomRemovalCleanup> cleanups,
                       MemberRemovals memberRemovals, Clock clock) {
        this.rooms = rooms;
        this.quotas = quotas;
        this.users = users;
        this.hasher = hasher;
        this.attempts = new PasswordAttempts(limits, budgets);
        this.limits = limits;
        this.creations = budgets.of(Budgets.ROOM_CREATE_PER_USER);
        this.uploads = budgets.of(Budgets.UPLOAD_PER_USER);
        this.images = images;
        this.views = new RoomViews(rooms, live);
        this.cleanups = List.copyOf(cleanups);
        this.memberRemovals = memberRemovals;
        this.clock = clock;
    }

    @Override
    public RoomView create(CreateRoomCommand command) {
        limits.require(creations, command.creator().value(), "rooms created");
        RoomId id = RoomId.newId();
        Instant now = now();
        // Opened without the password first, so the room's own checks and then the user's limit come before the slow hash.
        Room open = Room.open(id, command.creator(), command.title(), command.description(), Optional.empty(),
                command.hashtags(), command.openChatUrl(), command.maxMembers(), now);
        RoomHold hold = take(command.creator(), id, now).orElseThrow(RoomErrors::joinLimit);
        boolean stored = false;
        try {
            Room room = command.password().isEmpty() ? open
                    : Room.open(id, command.creator(), command.title(), command.description(),
                            command.password().map(hasher::hash), command.hashtags(), command.openChatUrl(),
                            command.maxMembers(), now);
            requireFresh(hold);
            rooms.insert(room);
            stored = true;
            return views.of(room);
        } finally {
            if (!stored) {
                quotas.release(command.creator(), hold);
            }
        }
    }

    @Override
    public RoomView edit(EditRoomCommand command) {
        // Hashing is slow: done once, outside the retries, and only once the edit without it passed every check
        // (the actor owns the room, the capacity fits).
        load(command.roomId()).edit(command.actor(), changes(command, new RoomChanges.PasswordChange.Keep()));
        RoomChanges.PasswordChange password = command.removePassword() ? new RoomChanges.PasswordChange.Remove()
                : command.password().<RoomChanges.PasswordChange>map(p -> new RoomChanges.PasswordChange.Set(hasher.hash(p)))
                        .orElseGet(RoomChanges.PasswordChange.Keep::new);
        RoomChanges changes = changes(command, password);
        return views.of(change(command.roomId(), room -> room.edit(command.actor(), changes)));
    }

    private static RoomChanges changes(EditRoomCommand command, RoomChanges.PasswordChange password) {
        return new RoomChanges(command.title(), command.description(), command.hashtags(), command.openChatUrl(),
                command.removeOpenChatUrl(), command.maxMembers(), password);
    }

    @Override
    public RoomView changeImage(UserId actor, RoomId roomId, ImageUpload image) {
        load(roomId).requireOwner(actor);
        limits.require(uploads, actor.value(), "picture uploads");
        String key = images.store(image);
        Room before;
        Room after;
        try {
            for (int attempt = 0; ; attempt++) {
                before = load(roomId);
                after = before.changeImage(actor, key);
                if (rooms.update(before, after)) {
                    break;
                }
                checkAttempts(attempt);
            }
        } catch (RuntimeException e) {
            images.delete(key);
            throw e;
        }
        before.image().ifPresent(images::delete);
        return views.of(after);
    }

    @Override
    public void delete(UserId actor, RoomId roomId) {
        for (int attempt = 0; ; attempt++) {
            Room room = load(roomId);
            room.requireOwner(actor);
            if (rooms.delete(room)) {
                room.members().forEach(member -> quotas.releaseMembership(member.userId(), roomId, member.joinedAt()));
                removed(room);
                return;
            }
            checkAttempts(attempt);
        }
    }

    @Override
    public RoomView join(UserId userId, RoomId roomId, Optional<RoomPassword> password) {
        Room room = load(roomId);
        if (room.isMember(userId)) {
            return views.of(room);
        }
        // Cheap refusals in the order a client is told them: the room's own (banned, full), the password budgets,
        // the user's limit; only a join that passed them all has its password hashed, inside the seating below.
        room.requireJoinable(userId);
        JoinPassword check = new JoinPassword(userId, roomId, password);
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
        Instant now = now();
        Optional<RoomHold> hold = take(userId, roomId, now);
        if (hold.isEmpty()) {
            Room current = load(roomId);
            if (current.isMember(userId)) {
                return views.of(current); // a parallel request of the same user got the seat
            }
            throw RoomErrors.joinLimit();
        }
        boolean seated = false;
        try {
            for (int attempt = 0; ; attempt++) {
                Room before = load(roomId);
                if (before.isMember(userId)) {
                    return views.of(before); // seated by a parallel request, which keeps its own hold
                }
                Room after = before.join(userId, check, now);
                requireFresh(hold.get());
                if (rooms.update(before, after)) {
                    seated = true;
                    return views.of(after);
                }
                checkAttempts(attempt);
            }
        } finally {
            if (!seated) {
                quotas.release(userId, hold.get());
            }
        }
    }

    @Override
    public void leave(UserId userId, RoomId roomId) {
        for (int attempt = 0; ; attempt++) {
            Room before = load(roomId);
            Optional<Room> after = before.leave(userId);
            if (after.isEmpty() ? rooms.delete(before) : rooms.update(before, after.get())) {
                quotas.releaseMembership(userId, roomId, joinedAt(before, userId));
                if (after.isEmpty()) {
                    removed(before);
                } else {
                    memberRemovals.memberLeft(roomId, userId);
                }
                return;
            }
            checkAttempts(attempt);
        }
    }

    @Override
    public RoomView handOver(UserId actor, RoomId roomId, UserId newOwner) {
        return views.of(change(roomId, room -> room.handOver(actor, newOwner)));
    }

    @Override
    public void kick(UserId actor, RoomId roomId, UserId target) {
        for (int attempt = 0; ; attempt++) {
            Room before = load(roomId);
            Room after = before.kick(actor, target, clock.instant());
            if (rooms.update(before, after)) {
                quotas.releaseMembership(target, roomId, joinedAt(before, target));
                memberRemovals.memberRemoved(roomId, target);
                return;
            }
            checkAttempts(attempt);
        }
    }

    @Override
    public List<BanView> bans(UserId actor, RoomId roomId) {
        Room room = load(roomId);
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
        change(roomId, room -> room.liftBan(actor, target));
    }

    /** Everything a room leaves behind: its picture and what other contexts keep about it. */
    void removed(Room room) {
        room.image().ifPresent(images::delete);
        cleanups.forEach(cleanup -> cleanup.roomRemoved(room.id()));
    }

    private Room change(RoomId roomId, UnaryOperator<Room> decision) {
        for (int attempt = 0; ; attempt++) {
            Room before = load(roomId);
            Room after = decision.apply(before);
            if (after.equals(before) || rooms.update(before, after)) {
                return after;
            }
            checkAttempts(attempt);
        }
    }

    /**
     * A hold on {@code room}; when the user's places are all held, first gives back the ones no
     * membership backs that are older than {@link #REPAIR_GRACE} (left by a process that died), then
     * tries once more. A closed account (being deleted) is refused as unauthenticated.
     */
    private Optional<RoomHold> take(UserId user, RoomId room, Instant now) {
        Optional<RoomHold> hold = quotas.hold(user, room, now, Room.MAX_ROOMS_PER_USER);
        if (hold.isPresent()) {
            return hold;
        }
        requireOpen(user);
        if (!releaseLeakedHolds(user)) {
            return hold;
        }
        hold = quotas.hold(user, room, now, Room.MAX_ROOMS_PER_USER);
        if (hold.isEmpty()) {
            requireOpen(user);
        }
        return hold;
    }

    /** An account being deleted takes no seat: its token may still be valid for the moment, its rooms are not. */
    private void requireOpen(UserId user) {
        if (quotas.isClosed(user)) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                    "this account is deleted");
        }
    }

    /**
     * Releases the user's holds that no membership backs and that are older than {@link #REPAIR_GRACE}
     * (left by a process that died); true if there were any.
     */
    boolean releaseLeakedHolds(UserId user) {
        // Holds first, memberships second: a seat taken in between is then seen as a membership.
        List<RoomHold> holds = quotas.holds(user);
        Instant leakedBefore = clock.instant().minus(REPAIR_GRACE);
        Set<RoomId> memberOf = rooms.ofMember(user).stream().map(Room::id).collect(Collectors.toSet());
        List<RoomHold> leaked = holds.stream()
                .filter(hold -> !memberOf.contains(hold.room()) && hold.takenAt().isBefore(leakedBefore))
                .toList();
        leaked.forEach(hold -> quotas.release(user, hold));
        return !leaked.isEmpty();
    }

    /** Refuses to seat on a hold so old that a repair could soon take it for a leak. */
    private void requireFresh(RoomHold hold) {
        if (clock.instant().isAfter(hold.takenAt().plus(SEAT_DEADLINE))) {
            throw busy();
        }
    }

    /** Now, at the precision stores keep, so a hold and the seat it covers carry the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant joinedAt(Room room, UserId userId) {
        return room.member(userId).map(Member::joinedAt).orElseThrow(RoomErrors::notMember);
    }

    private Room load(RoomId roomId) {
        return rooms.byId(roomId).orElseThrow(RoomErrors::notFound);
    }

    /**
     * The password of one join. The slow comparison runs once per stored hash, so retries of the join
     * hash the typed password once, and only after an attempt was taken from the budgets. A wrong
     * password keeps that attempt and is counted on the room; anything else gives it back. No password
     * typed on a locked room is simply wrong: nothing is hashed, spent or counted for it.
     */
    private final class JoinPassword implements PasswordCheck {
        private final UserId user;
        private final RoomId room;
        private final Optional<RoomPassword> typed;
        private final Map<PasswordHash, Boolean> results = new HashMap<>();
        private Optional<PasswordAttempts.Attempt> attempt = Optional.empty();
        private boolean refused;

        JoinPassword(UserId user, RoomId room, Optional<RoomPassword> typed) {
            this.user = user;
            this.room = room;
            this.typed = typed;
        }

        /** Takes this join's attempt from the budgets now (once): a spent budget refuses before anything is written. */
        void spendAttempt() {
            if (typed.isPresent() && attempt.isEmpty()) {
                attempt = Optional.of(attempts.take(user, room));
            }
        }

        @Override
        public boolean matches(PasswordHash hash) {
            if (typed.isEmpty()) {
                return false;
            }
            Boolean known = results.get(hash);
            if (known != null) {
                return known;
            }
            spendAttempt(); // the room was open when the join began and got a password since
            boolean right = hasher.matches(typed.get(), hash);
            results.put(hash, right);
            if (!right) {
                refused = true;
                rooms.countRefusedPassword(room, hash);
            }
            return right;
        }

        /** Once the join is over: only a refused wrong password keeps its attempt. */
        void settle() {
            if (!refused) {
                attempt.ifPresent(PasswordAttempts.Attempt::giveBack);
            }
        }
    }

    private static void checkAttempts(int attempt) {
        if (attempt + 1 >= MAX_ATTEMPTS) {
            throw busy();
        }
    }

    private static DomainException busy() {
        return DomainException.conflict("ROOM_BUSY", "the room is changing too fast right now; try again");
    }
}
