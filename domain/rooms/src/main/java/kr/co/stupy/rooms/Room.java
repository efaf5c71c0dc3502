package kr.co.stupy.rooms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * A study room. Members are kept in join order; the owner is always one of them and is listed
 * first. A banned user is never a member. Each change returns a new room and leaves this one as it
 * was, so a store can write the change only if nobody changed the room since it was read
 * ({@link #version()}).
 */
public record Room(RoomId id, RoomTitle title, RoomDescription description, Optional<PasswordHash> password,
                   List<Hashtag> hashtags, Optional<OpenChatUrl> openChatUrl, int maxMembers, Optional<String> image,
                   UserId ownerId, List<Member> members, List<Ban> bans, Instant createdAt, long totalStudySeconds,
                   long version) {

    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 10;
    public static final int DEFAULT_MAX_MEMBERS = 5;
    /** A user belongs to at most this many rooms, owned or joined. */
    public static final int MAX_ROOMS_PER_USER = 5;

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        password = password == null ? Optional.empty() : password;
        openChatUrl = openChatUrl == null ? Optional.empty() : openChatUrl;
        image = image == null ? Optional.empty() : image;
        hashtags = Hashtags.check(hashtags);
        members = List.copyOf(members);
        bans = List.copyOf(bans);
        checkCapacity(maxMembers);
        Set<UserId> memberIds = new HashSet<>();
        members.forEach(m -> memberIds.add(m.userId()));
        if (memberIds.size() != members.size()) {
            throw new IllegalArgumentException("a user is a member once");
        }
        if (!memberIds.contains(ownerId)) {
            throw new IllegalArgumentException("the owner is a member");
        }
        if (members.size() > maxMembers) {
            throw new IllegalArgumentException("more members than seats");
        }
        if (bans.stream().anyMatch(ban -> memberIds.contains(ban.userId()))) {
            throw new IllegalArgumentException("a banned user is not a member");
        }
        if (bans.stream().map(Ban::userId).distinct().count() != bans.size()) {
            throw new IllegalArgumentException("a user is banned once");
        }
        if (totalStudySeconds < 0 || version < 0) {
            throw new IllegalArgumentException("study seconds and version are never negative");
        }
    }

    /** A new room whose creator is its first owner and only member. */
    public static Room open(RoomId id, UserId creator, RoomTitle title, RoomDescription description,
                            Optional<PasswordHash> password, List<Hashtag> hashtags, Optional<OpenChatUrl> openChatUrl,
                            Optional<Integer> maxMembers, Instant now) {
        // Stores keep milliseconds; a new room is made at that precision so a reload compares equal.
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int capacity = maxMembers.orElse(DEFAULT_MAX_MEMBERS);
        checkCapacity(capacity);
        return new Room(id, title, description, password, hashtags, openChatUrl, capacity, Optional.empty(), creator,
                List.of(new Member(creator, at)), List.of(), at, 0, 0);
    }

    /** A room as a store kept it; the same checks as every other room. */
    public static Room restore(RoomId id, RoomTitle title, RoomDescription description, Optional<PasswordHash> password,
                               List<Hashtag> hashtags, Optional<OpenChatUrl> openChatUrl, int maxMembers,
                               Optional<String> image, UserId ownerId, List<Member> members, List<Ban> bans,
                               Instant createdAt, long totalStudySeconds, long version) {
        return new Room(id, title, description, password, hashtags, openChatUrl, maxMembers, image, ownerId, members,
                bans, createdAt, totalStudySeconds, version);
    }

    public int memberCount() {
        return members.size();
    }

    public boolean hasFreeSeat() {
        return members.size() < maxMembers;
    }

    public boolean locked() {
        return password.isPresent();
    }

    /** Whether anyone could join now without being told a password: a free seat and none set. */
    public boolean joinableByAnyone() {
        return hasFreeSeat() && !locked();
    }

    public boolean isMember(UserId userId) {
        return members.stream().anyMatch(m -> m.userId().equals(userId));
    }

    public boolean isOwner(UserId userId) {
        return ownerId.equals(userId);
    }

    public boolean isBanned(UserId userId) {
        return bans.stream().anyMatch(b -> b.userId().equals(userId));
    }

    public Optional<Member> member(UserId userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    /** Members as they are shown: the owner first, then everyone else by join time. */
    public List<Member> membersOwnerFirst() {
        List<Member> ordered = new ArrayList<>(members.size());
        member(ownerId).ifPresent(ordered::add);
        members.stream().filter(m -> !m.userId().equals(ownerId)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** Fails with {@code NOT_OWNER} unless {@code actor} owns the room. */
    public void requireOwner(UserId actor) {
        if (!isOwner(actor)) {
            throw RoomErrors.notOwner();
        }
    }

    /**
     * Refuses, as {@link #join} would, what needs no password to tell: a banned user, then a full
     * room. A member passes. Asked before anything slow, so a refused join never costs a hash.
     */
    public void requireJoinable(UserId userId) {
        if (isMember(userId)) {
            return;
        }
        if (isBanned(userId)) {
            throw RoomErrors.banned();
        }
        if (!hasFreeSeat()) {
            throw RoomErrors.full();
        }
    }

    /**
     * {@code userId} takes a seat. A member joining again changes nothing (this room comes back).
     * Otherwise a banned user, a full room and a wrong password on a locked room are refused, in that
     * order: the password, the one slow check, is asked last.
     */
    public Room join(UserId userId, PasswordCheck passwordCheck, Instant now) {
        if (isMember(userId)) {
            return this;
        }
        requireJoinable(userId);
        if (password.isPresent() && !passwordCheck.matches(password.get())) {
            throw RoomErrors.wrongPassword();
        }
        List<Member> joined = new ArrayList<>(members);
        joined.add(new Member(userId, now.truncatedTo(ChronoUnit.MILLIS)));
        return withMembers(ownerId, joined, bans);
    }

    /**
     * {@code userId} gives up their seat. The owner leaving hands the room to the longest-standing
     * member; the last member leaving leaves nothing behind, which the caller turns into deleting
     * the room (empty result).
     */
    public Optional<Room> leave(UserId userId) {
        if (!isMember(userId)) {
            throw RoomErrors.notMember();
        }
        List<Member> remaining = members.stream().filter(m -> !m.userId().equals(userId)).toList();
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        UserId owner = isOwner(userId) ? remaining.getFirst().userId() : ownerId;
        return Optional.of(withMembers(owner, remaining, bans));
    }

    /** The owner hands the room to another member; handing it to oneself changes nothing. */
    public Room handOver(UserId actor, UserId newOwner) {
        requireOwner(actor);
        if (!isMember(newOwner)) {
            throw RoomErrors.notMember();
        }
        return withMembers(newOwner, members, bans);
    }

    /** The owner removes a member and bans them, so they cannot come back until the ban is lifted. */
    public Room kick(UserId actor, UserId target, Instant now) {
        requireOwner(actor);
        if (actor.equals(target)) {
            throw RoomErrors.cannotKickOwner();
        }
        if (!isMember(target)) {
            throw RoomErrors.notMember();
        }
        List<Member> remaining = members.stream().filter(m -> !m.userId().equals(target)).toList();
        List<Ban> banned = new ArrayList<>(bans);
        banned.add(new Ban(target, now.truncatedTo(ChronoUnit.MILLIS)));
        return withMembers(ownerId, remaining, banned);
    }

    /** The owner lifts a ban; lifting a ban that does not exist changes nothing. */
    public Room liftBan(UserId actor, UserId target) {
        requireOwner(actor);
        if (!isBanned(target)) {
            return this;
        }
        return withMembers(ownerId, members, bans.stream().filter(b -> !b.userId().equals(target)).toList());
    }

    /** The owner changes the room's settings; the capacity never drops below the current members. */
    public Room edit(UserId actor, RoomChanges changes) {
        requireOwner(actor);
        int capacity = changes.maxMembers().orElse(maxMembers);
        checkCapacity(capacity);
        if (capacity < members.size()) {
            throw RoomErrors.capacityBelowMembers(members.size());
        }
        Optional<PasswordHash> newPassword = switch (changes.password()) {
            case RoomChanges.PasswordChange.Keep keep -> password;
            case RoomChanges.PasswordChange.Remove remove -> Optional.empty();
            case RoomChanges.PasswordChange.Set set -> Optional.of(set.hash());
        };
        Optional<OpenChatUrl> link = changes.removeOpenChatUrl() ? Optional.empty()
                : changes.openChatUrl().or(() -> openChatUrl);
        return new Room(id, changes.title().orElse(title), changes.description().orElse(description), newPassword,
                changes.hashtags().orElse(hashtags), link, capacity, image, ownerId, members, bans, createdAt,
                totalStudySeconds, version);
    }

    /** The owner sets a new picture ({@code image} is a key of the image store). */
    public Room changeImage(UserId actor, String newImage) {
        requireOwner(actor);
        if (newImage == null || newImage.isBlank()) {
            throw new IllegalArgumentException("an image key is required");
        }
        return new Room(id, title, description, password, hashtags, openChatUrl, maxMembers, Optional.of(newImage),
                ownerId, members, bans, createdAt, totalStudySeconds, version);
    }

    private Room withMembers(UserId owner, List<Member> newMembers, List<Ban> newBans) {
        return new Room(id, title, description, password, hashtags, openChatUrl, maxMembers, image, owner, newMembers,
                newBans, createdAt, totalStudySeconds, version);
    }

    private static void checkCapacity(int capacity) {
        if (capacity < MIN_MEMBERS || capacity > MAX_MEMBERS) {
            throw kr.co.stupy.shared.InvalidInputException.of("maxMembers",
                    "must be " + MIN_MEMBERS + " to " + MAX_MEMBERS);
        }
    }
}
