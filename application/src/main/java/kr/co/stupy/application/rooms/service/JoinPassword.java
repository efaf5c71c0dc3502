package kr.co.stupy.application.rooms.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.application.rooms.port.out.PasswordHasher;
import kr.co.stupy.rooms.PasswordCheck;
import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;

/**
 * The password of one join. The slow comparison runs once per stored hash, so retries of the join
 * hash the typed password once, and only after an attempt was taken from the budgets. A wrong
 * password keeps that attempt and is counted on the room; anything else gives it back. No password
 * typed on a locked room is simply wrong: nothing is hashed, spent or counted for it.
 */
final class JoinPassword implements PasswordCheck {

    /** What every join's password check uses: the budgets, the slow hasher, and the rooms that count wrong passwords. */
    record Checker(PasswordAttempts attempts, PasswordHasher hasher, Rooms rooms) {

        JoinPassword of(UserId user, RoomId room, Optional<RoomPassword> typed) {
            return new JoinPassword(this, user, room, typed);
        }
    }

    private final Checker checker;
    private final UserId user;
    private final RoomId room;
    private final Optional<RoomPassword> typed;
    private final Map<PasswordHash, Boolean> results = new HashMap<>();
    private Optional<PasswordAttempts.Attempt> attempt = Optional.empty();
    private boolean refused;

    private JoinPassword(Checker checker, UserId user, RoomId room, Optional<RoomPassword> typed) {
        this.checker = checker;
        this.user = user;
        this.room = room;
        this.typed = typed;
    }

    /** Takes this join's attempt from the budgets now (once): a spent budget refuses before anything is written. */
    void spendAttempt() {
        if (typed.isPresent() && attempt.isEmpty()) {
            attempt = Optional.of(checker.attempts().take(user, room));
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
        boolean right = checker.hasher().matches(typed.get(), hash);
        results.put(hash, right);
        if (!right) {
            refused = true;
            checker.rooms().countRefusedPassword(room, hash);
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
