package kr.co.stupy.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void nicknamesAreTrimmedAndLimited() {
        assertEquals("김철수", new Nickname("  김철수 ").value());
        assertThrows(InvalidInputException.class, () -> new Nickname("   "));
        assertThrows(InvalidInputException.class, () -> new Nickname("a".repeat(21)));
        assertThrows(InvalidInputException.class, () -> new Nickname("bad\u0000name"));
        assertEquals(20, new Nickname("가".repeat(20)).value().length());
    }

    @Test
    void providerNicknamesAreMadeToFit() {
        assertEquals("a".repeat(20), Nickname.fromProvider("a".repeat(40), "user").value());
        assertEquals("user", Nickname.fromProvider("  ", "user").value());
        assertEquals("user", Nickname.fromProvider(null, "user").value());
    }

    @Test
    void emailsAreCheckedAndTheDomainIsLowerCased() {
        assertEquals("Kim@example.com", new Email(" Kim@EXAMPLE.com ").value());
        assertThrows(InvalidInputException.class, () -> new Email("no-at-sign"));
        assertThrows(InvalidInputException.class, () -> new Email("a@b"));
        assertThrows(InvalidInputException.class, () -> new Email("a@@b.com"));
        assertThrows(InvalidInputException.class, () -> new Email("a".repeat(250) + "@b.com"));
        assertTrue(Email.lenient("junk").isEmpty());
    }

    @Test
    void aUserNeedsALinkedAccountAndOnlyOnePerProvider() {
        assertThrows(IllegalArgumentException.class, () -> new User(UserId.newId(), new Nickname("kim"),
                Optional.empty(), Optional.empty(), List.of(), Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new User(UserId.newId(), new Nickname("kim"),
                Optional.empty(), Optional.empty(),
                List.of(new LinkedAccount(Provider.KAKAO, "1"), new LinkedAccount(Provider.KAKAO, "2")), Instant.now()));
    }
}
