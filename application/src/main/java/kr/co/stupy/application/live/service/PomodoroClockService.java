package kr.co.stupy.application.live.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.LiveEvent.PomodoroUpdate;
import kr.co.stupy.application.live.port.in.KeepPomodorosInStepUseCase;
import kr.co.stupy.application.live.port.out.LocalConnections;
import kr.co.stupy.application.live.port.out.RoomPomodoroSource;
import kr.co.stupy.rooms.Pomodoro;
import kr.co.stupy.rooms.Pomodoro.Phase;
import kr.co.stupy.shared.RoomId;

/**
 * This node's pomodoro clock for the connections it holds. It alone tells them of the pomodoro, each
 * phase once: it remembers what each connection was told and, every tick, tells those whose room's
 * phase (or pomodoro) is another now. Starts and stops on other nodes are read from the store, where
 * they are kept, at most {@link #REREAD} late; nothing depends on the bus, so a bus outage loses no
 * phase and no node's death stops another's clock. Crossing into a break phase puts the room's
 * studying connections on a break at the phase's first instant; the next focus puts them back.
 */
final class PomodoroClockService implements KeepPomodorosInStepUseCase {

    static final Duration REREAD = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(PomodoroClockService.class.getName());

    /** What a connection was last told: the pomodoro and the phase that held then (both empty: none runs). */
    private record Told(Optional<Pomodoro> pomodoro, Optional<Phase> phase) {
        static final Told NOTHING = new Told(Optional.empty(), Optional.empty());

        boolean resting() {
            return phase.filter(p -> p.kind().resting()).isPresent();
        }
    }

    private final HeldConnections held;
    private final RoomPomodoroSource source;
    private final StudyStates states;
    private final LocalConnections local;
    private final Clock clock;
    private final Map<RoomId, Optional<Pomodoro>> rooms = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Told> told = new ConcurrentHashMap<>();
    /** What each connection's study follows: the phase whose break or focus was last applied (behind {@code told} while it fails). */
    private final Map<ConnectionId, Told> applied = new ConcurrentHashMap<>();
    /** Connections told in their welcome and not held yet (admission holds them right after): not to be forgotten meanwhile. */
    private final Map<ConnectionId, Instant> welcoming = new ConcurrentHashMap<>();
    private Instant lastRead = Instant.MIN;

    PomodoroClockService(HeldConnections held, RoomPomodoroSource source, StudyStates states, LocalConnections local, Clock clock) {
        this.held = held;
        this.source = source;
        this.states = states;
        this.local = local;
        this.clock = clock;
    }

    /**
     * A connection about to be welcomed: the room's pomodoro as stored now, remembered as what the
     * connection is told in its welcome, so the clock never tells it anything before.
     */
    PomodoroUpdate welcome(ConnectionId connectionId, RoomId roomId, Instant now) {
        Optional<Pomodoro> pomodoro = Optional.ofNullable(source.pomodorosOf(List.of(roomId)).get(roomId));
        rooms.put(roomId, pomodoro);
        PomodoroUpdate update = PomodoroUpdate.of(pomodoro, now);
        told.put(connectionId, new Told(pomodoro, update.phase()));
        applied.put(connectionId, new Told(pomodoro, update.phase()));
        welcoming.put(connectionId, now);
        return update;
    }

    /** The connection was refused or left: nothing more is told to it. */
    void forget(ConnectionId connectionId) {
        welcoming.remove(connectionId);
        told.remove(connectionId);
        applied.remove(connectionId);
    }

    /** Whether the room's pomodoro is in a break phase now, as this node knows it. */
    boolean resting(RoomId roomId) {
        Instant now = clock.instant();
        return rooms.getOrDefault(roomId, Optional.empty()).filter(p -> p.phaseAt(now).kind().resting()).isPresent();
    }

    @Override
    public void changed(RoomId roomId, Optional<Pomodoro> pomodoro) {
        rooms.put(roomId, pomodoro);
        tick();
    }

    @Override
    public synchronized int tick() {
        Instant now = clock.instant();
        Collection<LiveConnection> connections = held.asMap().values();
        boolean reading = !lastRead.plus(REREAD).isAfter(now);
        if (reading) {
            lastRead = now;
            try {
                reread(connections);
            } catch (RuntimeException e) {
                // The store is away: the phases go on from what was read last; a start or stop elsewhere waits.
                LOG.log(System.Logger.Level.WARNING, "pomodoros could not be re-read ({0}); keeping the ones known", e.toString());
            }
        }
        // Each room's phase once per tick, not once per connection; a room without a pomodoro costs no allocation.
        Map<RoomId, Told> phases = new HashMap<>();
        rooms.forEach((room, pomodoro) -> phases.put(room,
                pomodoro.map(p -> new Told(pomodoro, Optional.of(p.phaseAt(now)))).orElse(Told.NOTHING)));
        int toldNow = 0;
        for (LiveConnection connection : connections) {
            ConnectionId id = connection.connectionId();
            if (!welcoming.isEmpty()) {
                welcoming.remove(id);
            }
            Told before = told.get(id);
            if (before == null) {
                continue;   // being welcomed: its welcome tells it
            }
            Told after = phases.getOrDefault(connection.roomId(), Told.NOTHING);
            if (!after.equals(before)) {
                told.put(id, after);
                local.deliver(id, new PomodoroUpdate(after.pomodoro(), after.phase(), now));
                toldNow++;
            }
            Told done = applied.getOrDefault(id, before);
            if (!done.equals(after)) {
                try {
                    followStudy(id, done, after, now);
                    applied.put(id, after);
                } catch (RuntimeException e) {
                    // Presence or the ledger is away (a Redis restart): tried again next tick, still at the phase's own instants.
                    LOG.log(System.Logger.Level.WARNING, "a pomodoro break or focus could not be applied yet ({0})", e.toString());
                }
            }
        }
        if (reading) {
            // A welcome whose admission failed leaves its entry; a minute later it is surely not coming. Once a second is enough.
            welcoming.values().removeIf(since -> since.isBefore(now.minus(Duration.ofMinutes(1))));
            told.keySet().removeIf(id -> held.get(id).isEmpty() && !welcoming.containsKey(id));
            applied.keySet().removeIf(id -> !told.containsKey(id));
        }
        return toldNow;
    }

    /**
     * The breaks and focuses between what the connection was told and now, each at its first instant
     * (a tick that came late still stops the clock where the break began); a new or stopped pomodoro
     * takes effect now.
     */
    private void followStudy(ConnectionId connectionId, Told before, Told after, Instant now) {
        if (before.pomodoro().isPresent() && before.pomodoro().equals(after.pomodoro())) {
            Pomodoro pomodoro = after.pomodoro().get();
            Phase phase = before.phase().orElseThrow();
            while (phase.endsAt().isBefore(after.phase().orElseThrow().endsAt())) {
                phase = pomodoro.next(phase);
                apply(connectionId, phase.kind().resting(), phase.startedAt());
            }
        } else if (before.resting() != after.resting()) {
            apply(connectionId, after.resting(), now);
        }
    }

    private void apply(ConnectionId connectionId, boolean resting, Instant at) {
        if (resting) {
            states.pauseForPomodoro(connectionId, at);
        } else {
            states.resumeAfterPomodoro(connectionId, at);
        }
    }

    private void reread(Collection<LiveConnection> connections) {
        Set<RoomId> held = new HashSet<>();
        connections.forEach(connection -> held.add(connection.roomId()));
        rooms.keySet().retainAll(held);
        if (held.isEmpty()) {
            return;
        }
        Map<RoomId, Pomodoro> stored = source.pomodorosOf(held);
        held.forEach(room -> rooms.put(room, Optional.ofNullable(stored.get(room))));
    }
}
