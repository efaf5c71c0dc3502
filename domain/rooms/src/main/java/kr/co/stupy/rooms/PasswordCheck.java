package kr.co.stupy.rooms;

/**
 * Whether the password a joining user gave matches a room's hash. The room asks only when it is
 * locked and the user is not already a member, so the slow comparison runs only when it decides.
 */
@FunctionalInterface
public interface PasswordCheck {
    boolean matches(PasswordHash hash);
}
