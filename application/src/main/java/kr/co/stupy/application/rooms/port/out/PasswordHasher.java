package kr.co.stupy.application.rooms.port.out;

import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;

/**
 * Turns room passwords into slow, salted hashes and checks a typed password against one in
 * constant time. The hash says how it was made, so the cost can be raised without breaking old rooms.
 */
public interface PasswordHasher {

    PasswordHash hash(RoomPassword password);

    boolean matches(RoomPassword password, PasswordHash hash);
}
