package kr.co.stupy.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.co.stupy.rooms.PasswordHash;
import kr.co.stupy.rooms.RoomPassword;
import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest {

    private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(100_000);

    @Test
    void aHashMatchesItsPasswordOnlyAndNeverContainsIt() {
        PasswordHash hash = hasher.hash(new RoomPassword("비밀번호1"));
        assertTrue(hash.encoded().startsWith("pbkdf2-sha256$100000$"));
        assertFalse(hash.encoded().contains("비밀번호1"));
        assertTrue(hasher.matches(new RoomPassword("비밀번호1"), hash));
        assertFalse(hasher.matches(new RoomPassword("비밀번호2"), hash));
    }

    @Test
    void everyHashHasItsOwnSaltAndKeepsItsCost() {
        RoomPassword password = new RoomPassword("same");
        PasswordHash first = hasher.hash(password);
        assertNotEquals(first, hasher.hash(password));
        // A hash made with another cost still verifies: the cost travels with it.
        assertTrue(new Pbkdf2PasswordHasher(200_000).matches(password, first));
    }

    @Test
    void foreignOrDamagedHashesNeverMatch() {
        RoomPassword password = new RoomPassword("same");
        String good = hasher.hash(password).encoded();
        assertFalse(hasher.matches(password, new PasswordHash("plain-text")));
        assertFalse(hasher.matches(password, new PasswordHash(good.replace("$100000$", "$0$"))));
        assertFalse(hasher.matches(password, new PasswordHash(good.substring(0, good.length() - 4) + "AAAA")));
        assertFalse(hasher.matches(password, new PasswordHash("pbkdf2-sha256$100000$!!$!!")));
        assertThrows(IllegalArgumentException.class, () -> new Pbkdf2PasswordHasher(1000));
    }
}
