package kr.co.stupy.application.rooms.service;

import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * What typing a room password costs: one attempt from the user's budget and one from the room's.
 * Both are taken before the slow check, so parallel guesses never get more checks than the budgets
 * hold, and given back when the attempt did not count (a right password, or no check made). A spent
 * budget refuses the right password too until it refills: were a right password let through, a
 * guesser would only be slowed down, never stopped.
 */
final class PasswordAttempts {

    private final RateLimits limits;
    private final Budget perUser;
    private final Budget perRoom;

    PasswordAttempts(RateLimits limits, Budgets budgets) {
        this.limits = limits;
        this.perUser = budgets.of(Budgets.WRONG_PASSWORD_PER_USER);
        this.perRoom = budgets.of(Budgets.WRONG_PASSWORD_PER_ROOM);
    }

    /** Takes one attempt from both budgets, or refuses with {@code 429 RATE_LIMITED} and takes none. */
    Attempt take(UserId user, RoomId room) {
        limits.require(perUser, user.value(), "wrong room passwords from you");
        try {
            limits.require(perRoom, room.value(), "wrong passwords for this room");
        } catch (RuntimeException refused) {
            limits.giveBack(perUser, user.value());
            throw refused;
        }
        return new Attempt(user, room);
    }

    /** One attempt taken from both budgets. */
    final class Attempt {
        private final UserId user;
        private final RoomId room;

        private Attempt(UserId user, RoomId room) {
            this.user = user;
            this.room = room;
        }

        /** The attempt did not count: both budgets get it back. */
        void giveBack() {
            limits.giveBack(perUser, user.value());
            limits.giveBack(perRoom, room.value());
        }
    }
}
