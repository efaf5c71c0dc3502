package kr.co.stupy.application.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every budget Stupy keeps, with its default; a node's settings may override any of them by name.
 * README's "Limits and abuse" lists them with their answers.
 */
public final class Budgets {

    /** New guest accounts from one client address. */
    public static final Budget GUEST_SIGNUP_PER_ADDRESS = new Budget("guest-signup-per-address", 20, Duration.ofHours(1));
    /** Logins (guest and social) from one client address. */
    public static final Budget LOGIN_PER_ADDRESS = new Budget("login-per-address", 60, Duration.ofMinutes(10));
    /** Logins into one account. */
    public static final Budget LOGIN_PER_ACCOUNT = new Budget("login-per-account", 20, Duration.ofMinutes(10));
    /** Wrong room passwords typed by one user, across rooms. */
    public static final Budget WRONG_PASSWORD_PER_USER = new Budget("wrong-password-per-user", 5, Duration.ofMinutes(10));
    /** Wrong passwords typed into one room, by anyone. */
    public static final Budget WRONG_PASSWORD_PER_ROOM = new Budget("wrong-password-per-room", 20, Duration.ofMinutes(10));
    /** Chat messages of one user, over every connection and node: API.md's "20 chat frames in 10 s", never more inside one window. */
    public static final Budget CHAT_PER_USER = new Budget("chat-per-user", 20, Duration.ofSeconds(10), Budget.Refill.WHOLE_PERIOD);
    /** WebRTC signals one live connection relays (a negotiation sends a few dozen in a burst). */
    public static final Budget SIGNAL_PER_CONNECTION = new Budget("signal-per-connection", 300, Duration.ofSeconds(10));
    /** Pings one live connection may send (the web app pings every 15 s). */
    public static final Budget PING_PER_CONNECTION = new Budget("ping-per-connection", 10, Duration.ofMinutes(1));
    /** Status frames (breaks, subjects) one live connection sends: each ends a study session and starts the next. */
    public static final Budget STATUS_PER_CONNECTION = new Budget("status-per-connection", 20, Duration.ofMinutes(1));
    /** Live tickets one user asks for (each reconnect takes one). */
    public static final Budget TICKET_PER_USER = new Budget("live-ticket-per-user", 30, Duration.ofMinutes(1));
    /** Pictures one user uploads (profile and room pictures). */
    public static final Budget UPLOAD_PER_USER = new Budget("upload-per-user", 30, Duration.ofMinutes(10));
    /** Rooms one user creates. */
    public static final Budget ROOM_CREATE_PER_USER = new Budget("room-create-per-user", 20, Duration.ofHours(1));
    /** Room searches, statistics and rankings one user asks for, together: the reads that cost the store most. */
    public static final Budget READ_PER_USER = new Budget("read-per-user", 120, Duration.ofMinutes(1));

    public static final List<Budget> ALL = List.of(GUEST_SIGNUP_PER_ADDRESS, LOGIN_PER_ADDRESS, LOGIN_PER_ACCOUNT,
            WRONG_PASSWORD_PER_USER, WRONG_PASSWORD_PER_ROOM, CHAT_PER_USER, SIGNAL_PER_CONNECTION, PING_PER_CONNECTION,
            STATUS_PER_CONNECTION,             TICKET_PER_USER, UPLOAD_PER_USER, ROOM_CREATE_PER_USER, READ_PER_USER);

    private final Map<String, Budget> byName = new LinkedHashMap<>();

    /** The defaults, with {@code overrides} (by name) in their place; an unknown name is refused. */
    public Budgets(Map<String, Budget> overrides) {
        ALL.forEach(budget -> byName.put(budget.name(), budget));
        overrides.forEach((name, budget) -> {
            if (!byName.containsKey(name) || !budget.name().equals(name)) {
                throw new IllegalArgumentException("no budget is named " + name);
            }
            byName.put(name, budget);
        });
    }

    public static Budgets defaults() {
        return new Budgets(Map.of());
    }

    /** The budget in force for {@code defaults}' name. */
    public Budget of(Budget defaults) {
        return byName.get(defaults.name());
    }

    public List<Budget> inForce() {
        return List.copyOf(byName.values());
    }

    public static boolean isKnown(String name) {
        return defaultNamed(name).isPresent();
    }

    /** The default budget of that name, so an override can keep how it refills. */
    public static java.util.Optional<Budget> defaultNamed(String name) {
        return ALL.stream().filter(budget -> budget.name().equals(name)).findFirst();
    }
}
