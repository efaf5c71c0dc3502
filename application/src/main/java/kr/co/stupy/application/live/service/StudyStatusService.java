package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.in.ChangeStudyStatusUseCase;
import kr.co.stupy.application.live.port.in.FrameError;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;

/**
 * Breaks and subjects a member asks for with a {@code status} frame (see {@link StudyStates} for what
 * a move does). While the room's pomodoro is in a break phase the member rests whatever they ask: asking
 * to study means "study again at the next focus", asking for a break means "stay on it after".
 */
final class StudyStatusService implements ChangeStudyStatusUseCase {

    private final HeldConnections held;
    private final StudyStates states;
    private final Predicate<RoomId> pomodoroResting;
    private final RateLimits connectionLimits;
    private final Budget statusPerConnection;
    private final Clock clock;

    StudyStatusService(LiveServices.Dependencies needs, HeldConnections held, StudyStates states, Predicate<RoomId> pomodoroResting,
                       RateLimits connectionLimits) {
        this.held = held;
        this.states = states;
        this.pomodoroResting = pomodoroResting;
        this.connectionLimits = connectionLimits;
        this.statusPerConnection = needs.budgets().of(Budgets.STATUS_PER_CONNECTION);
        this.clock = needs.clock();
    }

    @Override
    public Optional<FrameError> changeStatus(ChangeStatus command) {
        if (held.get(command.from()).isEmpty()) {
            return notLive();
        }
        if (!connectionLimits.take(statusPerConnection, command.from().value()).allowed()) {
            return Optional.of(new FrameError(FrameError.Problem.RATE_LIMITED, "more than " + statusPerConnection.capacity()
                    + " status frames in " + statusPerConnection.period().toSeconds() + " seconds; slow down"));
        }
        return states.exclusively(command.from(), () -> {
            Optional<LiveConnection> current = held.get(command.from());
            if (current.isEmpty()) {
                return notLive();
            }
            LiveConnection connection = current.get();
            Optional<Subject> subject = command.subject().keep() ? connection.state().subject() : command.subject().subject();
            StudyStatus status = command.status();
            if (pomodoroResting.test(connection.roomId())) {
                held.pausedByPomodoro(command.from(), status == StudyStatus.STUDYING);
                status = StudyStatus.BREAK;
            }
            if (!connection.state().differsFrom(status, subject)) {
                // Nothing changes: the sender is told where it stands, nobody else is bothered.
                states.tell(connection);
                return Optional.<FrameError>empty();
            }
            return states.move(connection, status, subject, clock.instant()).isPresent() ? Optional.<FrameError>empty() : notLive();
        });
    }

    private static Optional<FrameError> notLive() {
        return Optional.of(new FrameError(FrameError.Problem.NOT_LIVE, "this connection is no longer live"));
    }
}
