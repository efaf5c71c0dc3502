package kr.co.stupy.application.rooms.service;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.image.ImageUpload;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomView;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.rooms.Room;
import kr.co.stupy.rooms.RoomChanges;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomHold;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * A room's life: opening it, its owner's edits and picture, deleting it. Opening takes the
 * creator's first seat, so it holds a place in the creator's quota like a join ({@link RoomHolds}).
 * Hashing a password is the one slow step, so it comes after every cheap check: a creation or edit
 * that is refused anyway never costs a hash.
 */
public final class RoomLifecycleService implements ManageRoomsUseCase {

    private final Rooms rooms;
    private final RoomUpdates updates;
    private final RoomHolds holds;
    private final PasswordHasher hasher;
    private final RateLimits limits;
    private final Budget creations;
    private final Budget uploads;
    private final ImageStore images;
    private final RoomViews views;
    private final RoomLeftovers leftovers;

    RoomLifecycleService(Rooms rooms, RoomHolds holds, PasswordHasher hasher, RateLimits limits, Budgets budgets,
                         ImageStore images, RoomViews views, RoomLeftovers leftovers) {
        this.rooms = rooms;
        this.updates = new RoomUpdates(rooms);
        this.holds = holds;
        this.hasher = hasher;
        this.limits = limits;
        this.creations = budgets.of(Budgets.ROOM_CREATE_PER_USER);
        this.uploads = budgets.of(Budgets.UPLOAD_PER_USER);
        this.images = images;
        this.views = views;
        this.leftovers = leftovers;
    }

    @Override
    public RoomView create(CreateRoomCommand command) {
        limits.require(creations, command.creator().value(), "rooms created");
        RoomId id = RoomId.newId();
        Instant now = holds.now();
        // Opened without the password first, so the room's own checks and then the user's limit come before the slow hash.
        Room open = Room.open(id, command.creator(), command.title(), command.description(), Optional.empty(),
                command.hashtags(), command.openChatUrl(), command.maxMembers(), now);
        RoomHold hold = holds.take(command.creator(), id, now).orElseThrow(RoomErrors::joinLimit);
        boolean stored = false;
        try {
            Room room = command.password().isEmpty() ? open
                    : Room.open(id, command.creator(), command.title(), command.description(),
                            command.password().map(hasher::hash), command.hashtags(), command.openChatUrl(),
                            command.maxMembers(), now);
            holds.requireFresh(hold);
            rooms.insert(room);
            stored = true;
            return views.of(room);
        } finally {
            if (!stored) {
                holds.release(command.creator(), hold);
            }
        }
    }

    @Override
    public RoomView edit(EditRoomCommand command) {
        // Hashing is slow: done once, outside the retries, and only once the edit without it passed every check
        // (the actor owns the room, the capacity fits).
        updates.load(command.roomId()).edit(command.actor(), changes(command, new RoomChanges.PasswordChange.Keep()));
        RoomChanges.PasswordChange password = command.removePassword() ? new RoomChanges.PasswordChange.Remove()
                : command.password().<RoomChanges.PasswordChange>map(p -> new RoomChanges.PasswordChange.Set(hasher.hash(p)))
                        .orElseGet(RoomChanges.PasswordChange.Keep::new);
        RoomChanges changes = changes(command, password);
        return views.of(updates.change(command.roomId(), room -> room.edit(command.actor(), changes)));
    }

    private static RoomChanges changes(EditRoomCommand command, RoomChanges.PasswordChange password) {
        return new RoomChanges(command.title(), command.description(), command.hashtags(), command.openChatUrl(),
                command.removeOpenChatUrl(), command.maxMembers(), password);
    }

    @Override
    public RoomView changeImage(UserId actor, RoomId roomId, ImageUpload image) {
        updates.load(roomId).requireOwner(actor);
        limits.require(uploads, actor.value(), "picture uploads");
        String key = images.store(image);
        Room before;
        Room after;
        try {
            for (int attempt = 0; ; attempt++) {
                before = updates.load(roomId);
                after = before.changeImage(actor, key);
                if (rooms.update(before, after)) {
                    break;
                }
                RoomUpdates.checkAttempts(attempt);
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
            Room room = updates.load(roomId);
            room.requireOwner(actor);
            if (rooms.delete(room)) {
                room.members().forEach(member -> holds.releaseMembership(member.userId(), roomId, member.joinedAt()));
                leftovers.clear(room);
                return;
            }
            RoomUpdates.checkAttempts(attempt);
        }
    }
}
