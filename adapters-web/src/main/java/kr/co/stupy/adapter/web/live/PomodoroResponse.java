package kr.co.stupy.adapter.web.live;

import java.time.Instant;
import java.util.Optional;
import kr.co.stupy.rooms.Pomodoro;

/** {@code Pomodoro} of the contract: the cycle's lengths and the phase that holds at {@code serverTime}. */
public record PomodoroResponse(Instant startedAt, long focusSeconds, long breakSeconds, long longBreakSeconds, int roundsBeforeLongBreak,
                               String phase, long round, Instant phaseStartedAt, Instant phaseEndsAt, Instant serverTime) {

    public static PomodoroResponse of(Pomodoro pomodoro, Pomodoro.Phase phase, Instant serverTime) {
        return new PomodoroResponse(pomodoro.startedAt(), pomodoro.focus().toSeconds(), pomodoro.shortBreak().toSeconds(),
                pomodoro.longBreak().toSeconds(), pomodoro.roundsBeforeLongBreak(), phase.kind().key(), phase.round(), phase.startedAt(),
                phase.endsAt(), serverTime);
    }

    /** The pomodoro at {@code serverTime}, or {@code null} (the contract's "none") when none runs. */
    public static PomodoroResponse orNull(Optional<Pomodoro> pomodoro, Instant serverTime) {
        return pomodoro.map(p -> of(p, p.phaseAt(serverTime), serverTime)).orElse(null);
    }
}
