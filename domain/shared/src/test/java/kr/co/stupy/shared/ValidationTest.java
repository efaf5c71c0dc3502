package kr.co.stupy.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        var failure = assertThrows(InvalidInputException.class, () -> new Validation()
                .length("", "title", 1, 30)
                .length("한".repeat(31), "description", 1, 30)
                .length("공부", "ok", 1, 30)
                .throwIfFailed());
        assertEquals(2, failure.errors().size());
        assertEquals("title", failure.errors().get(0).field());
        assertEquals("description", failure.errors().get(1).field());
        assertEquals("VALIDATION_FAILED", failure.code());
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        new Validation().length("😀".repeat(30), "title", 1, 30).throwIfFailed();
    }

    @Test
    void pageRequestRefusesOutOfRangeLimits() {
        assertThrows(InvalidInputException.class, () -> PageRequest.first(0));
        assertThrows(InvalidInputException.class, () -> PageRequest.first(101));
        assertEquals(100, PageRequest.first(100).limit());
    }
}
