package kr.co.stupy.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.co.stupy.rooms.Pomodoro.Phase;
import kr.co.stupy.rooms.Pomodoro.PhaseKind;
import kr.co.stupy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PomodoroTest {

    static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    /** 25 minutes of focus, 5 of break, 15 of long break after every 4th focus. */
    static final Pomodoro CLASSIC = Pomodoro.of(T0, 1500, 300, 900, 4);

    static Phase phase(PhaseKind kind, long round, long fromSeconds, long toSeconds) {
        return new Phase(kind, round, T0.plusSeconds(fromSeconds), T0.plusSeconds(toSeconds));
    }

    @Test
    void focusAndBreaksAlternateWithALongBreakAfterEveryFourthFocus() {
        assertEquals(phase(PhaseKind.FOCUS, 1, 0, 1500), CLASSIC.phaseAt(T0));
        assertEquals(phase(PhaseKind.FOCUS, 1, 0, 1500), CLASSIC.phaseAt(T0.plusMillis(1_499_999)));
        assertEquals(phase(PhaseKind.BREAK, 1, 1500, 1800), CLASSIC.phaseAt(T0.plusSeconds(1500)), "a phase begins at its first instant");
        assertEquals(phase(PhaseKind.FOCUS, 2, 1800, 3300), CLASSIC.phaseAt(T0.plusSeconds(1800)));
        assertEquals(phase(PhaseKind.FOCUS, 4, 5400, 6900), CLASSIC.phaseAt(T0.plusSeconds(6000)));
        assertEquals(phase(PhaseKind.LONG_BREAK, 4, 6900, 7800), CLASSIC.phaseAt(T0.plusSeconds(7000)));
        assertEquals(phase(PhaseKind.FOCUS, 5, 7800, 9300), CLASSIC.phaseAt(T0.plusSeconds(7800)), "the next cycle counts on");
        assertEquals(7800_000, CLASSIC.cycleMillis());
    }

    @Test
    void walkingPhaseByPhaseMatchesAskingAtAnyInstantForManyCycles() {
        for (Pomodoro pomodoro : List.of(CLASSIC, Pomodoro.of(T0, 60, 60, 0, 1), Pomodoro.of(T0, 7200, 3600, 3600, 10),
                Pomodoro.of(T0.plusMillis(123), 61, 67, 0, 3))) {
            Phase phase = pomodoro.phaseAt(T0);
            long focusRounds = 1;
            for (int i = 0; i < 200; i++) {
                Phase next = pomodoro.next(phase);
                assertEquals(phase.endsAt(), next.startedAt(), "phases follow each other without a gap");
                assertTrue(phase.kind() == PhaseKind.FOCUS ? next.kind().resting() : next.kind() == PhaseKind.FOCUS, "focus and rest alternate");
                if (next.kind() == PhaseKind.FOCUS) {
                    focusRounds++;
                    assertEquals(focusRounds, next.round());
                } else {
                    assertEquals(phase.round(), next.round(), "a break belongs to the focus before it");
                    boolean longOne = next.round() % pomodoro.roundsBeforeLongBreak() == 0 && !pomodoro.longBreak().isZero();
                    assertEquals(longOne ? PhaseKind.LONG_BREAK : PhaseKind.BREAK, next.kind());
                }
                Instant middle = next.startedAt().plus(Duration.between(next.startedAt(), next.endsAt()).dividedBy(2));
                assertEquals(next, pomodoro.phaseAt(middle));
                assertEquals(next, pomodoro.phaseAt(next.endsAt().minusMillis(1)));
                phase = next;
            }
        }
    }

    @Test
    void withoutALongBreakEveryRestIsAShortBreakAndBeforeTheStartItIsTheFirstFocus() {
        Pomodoro plain = Pomodoro.of(T0, 600, 120, 0, 2);
        assertEquals(PhaseKind.BREAK, plain.phaseAt(T0.plusSeconds(600 + 120 + 600 + 1)).kind());
        assertEquals(phase(PhaseKind.FOCUS, 1, 0, 600), plain.phaseAt(T0.minusSeconds(30)), "a clock a little behind sees the first focus");
        assertEquals(new Pomodoro(T0.plusNanos(999_999), Duration.ofSeconds(600), Duration.ofSeconds(120), Duration.ZERO, 2).startedAt(),
                T0, "kept to the millisecond");
    }

    @Test
    void lengthsOutOfRangeNameTheirField() {
        assertEquals("focusSeconds", field(() -> Pomodoro.of(T0, 59, 300, 0, 4)));
        assertEquals("focusSeconds", field(() -> Pomodoro.of(T0, 7201, 300, 0, 4)));
        assertEquals("breakSeconds", field(() -> Pomodoro.of(T0, 1500, 59, 0, 4)));
        assertEquals("breakSeconds", field(() -> Pomodoro.of(T0, 1500, 3601, 0, 4)));
        assertEquals("longBreakSeconds", field(() -> Pomodoro.of(T0, 1500, 300, -1, 4)));
        assertEquals("longBreakSeconds", field(() -> Pomodoro.of(T0, 1500, 300, 3601, 4)));
        assertEquals("roundsBeforeLongBreak", field(() -> Pomodoro.of(T0, 1500, 300, 0, 0)));
        assertEquals("roundsBeforeLongBreak", field(() -> Pomodoro.of(T0, 1500, 300, 0, 11)));
        Pomodoro.of(T0, 60, 60, 0, 1);
        Pomodoro.of(T0, 7200, 3600, 3600, 10);
    }

    static String field(Runnable make) {
        return assertThrows(InvalidInputException.class, make::run).errors().getFirst().field();
    }
}
