package kr.co.stupy.rooms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import kr.co.stupy.shared.InvalidInputException;

/**
 * A room's pomodoro: focus and break phases one after another from {@code startedAt}, a long break
 * in place of the break after every {@code roundsBeforeLongBreak}-th focus (when it is longer than
 * zero). The phase at any instant follows from these numbers alone, so every node computes the same
 * phase without a timer anyone must keep alive.
 */
public record Pomodoro(Instant startedAt, Duration focus, Duration shortBreak, Duration longBreak, int roundsBeforeLongBreak) {

    public static final Duration MIN_FOCUS = Duration.ofMinutes(1);
    public static final Duration MAX_FOCUS = Duration.ofHours(2);
    public static final Duration MIN_BREAK = Duration.ofMinutes(1);
    public static final Duration MAX_BREAK = Duration.ofHours(1);
    public static final int MAX_ROUNDS = 10;

    /** The kinds of phase, named as the contract names them. */
    public enum PhaseKind {
        FOCUS("focus"), BREAK("break"), LONG_BREAK("longBreak");

        private final String key;

        PhaseKind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public boolean resting() {
            return this != FOCUS;
        }
    }

    /** One phase: which, the focus round it belongs to (counted from 1 since the start), and when it begins and ends. */
    public record Phase(PhaseKind kind, long round, Instant startedAt, Instant endsAt) {
        public Phase {
            Objects.requireNonNull(kind, "kind");
            if (round < 1 || !endsAt.isAfter(startedAt)) {
                throw new IllegalArgumentException("rounds count from 1 and a phase lasts");
            }
        }
    }

    public Pomodoro {
        Objects.requireNonNull(startedAt, "startedAt");
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        requireWithin("focusSeconds", focus, MIN_FOCUS, MAX_FOCUS);
        requireWithin("breakSeconds", shortBreak, MIN_BREAK, MAX_BREAK);
        requireWithin("longBreakSeconds", longBreak, Duration.ZERO, MAX_BREAK);
        if (roundsBeforeLongBreak < 1 || roundsBeforeLongBreak > MAX_ROUNDS) {
            throw InvalidInputException.of("roundsBeforeLongBreak", "must be 1 to " + MAX_ROUNDS);
        }
    }

    /** From the contract's whole seconds; each out of range is a {@code VALIDATION_FAILED} naming its field. */
    public static Pomodoro of(Instant startedAt, long focusSeconds, long breakSeconds, long longBreakSeconds, int roundsBeforeLongBreak) {
        return new Pomodoro(startedAt, Duration.ofSeconds(focusSeconds), Duration.ofSeconds(breakSeconds),
                Duration.ofSeconds(longBreakSeconds), roundsBeforeLongBreak);
    }

    private static void requireWithin(String field, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.toMillis() % 1000 != 0) {
            throw InvalidInputException.of(field, "must be whole seconds from " + min.toSeconds() + " to " + max.toSeconds());
        }
    }

    /** The phase that holds at {@code at}; before the start, the first focus. */
    public Phase phaseAt(Instant at) {
        long elapsed = Math.max(0, Duration.between(startedAt, at).toMillis());
        long cycles = elapsed / cycleMillis();
        long begins = cycles * cycleMillis();   // where the cycle holding {@code at} begins, in millis since the start
        for (int i = 0; i < roundsBeforeLongBreak; i++) {
            long round = cycles * roundsBeforeLongBreak + i + 1;
            long focusEnds = begins + focus.toMillis();
            if (elapsed < focusEnds) {
                return phase(PhaseKind.FOCUS, round, begins, focusEnds);
            }
            PhaseKind rest = i == roundsBeforeLongBreak - 1 && !longBreak.isZero() ? PhaseKind.LONG_BREAK : PhaseKind.BREAK;
            long restEnds = focusEnds + (rest == PhaseKind.LONG_BREAK ? longBreak : shortBreak).toMillis();
            if (elapsed < restEnds) {
                return phase(rest, round, focusEnds, restEnds);
            }
            begins = restEnds;
        }
        throw new IllegalStateException("a cycle holds every instant of its length");
    }

    /** The phase after {@code phase}. */
    public Phase next(Phase phase) {
        return phaseAt(phase.endsAt());
    }

    /** One focus and break after another until the long break (or the last break) ends. */
    public long cycleMillis() {
        long rests = (roundsBeforeLongBreak - 1) * shortBreak.toMillis() + (longBreak.isZero() ? shortBreak : longBreak).toMillis();
        return roundsBeforeLongBreak * focus.toMillis() + rests;
    }

    private Phase phase(PhaseKind kind, long round, long fromMillis, long toMillis) {
        return new Phase(kind, round, startedAt.plusMillis(fromMillis), startedAt.plusMillis(toMillis));
    }
}
