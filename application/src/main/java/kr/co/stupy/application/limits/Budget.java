package kr.co.stupy.application.limits;

import java.time.Duration;

/**
 * A named allowance of {@code capacity} attempts per {@code period} (a token bucket). How spent
 * attempts come back is the {@link Refill}: evenly (a burst of {@code capacity}, then one attempt
 * every {@code period / capacity}), or all at once when the period is over (never more than
 * {@code capacity} inside one period, for limits a contract states as "N in S seconds"). An
 * unlimited budget never refuses.
 */
public record Budget(String name, long capacity, Duration period, Refill refill) {

    public enum Refill {
        /** One attempt back every {@code period / capacity}. */
        EVENLY,
        /** The whole capacity back at the end of each period. */
        WHOLE_PERIOD
    }

    private static final long UNLIMITED = Long.MAX_VALUE;

    public Budget {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a budget's name is lower-case words joined by '-', got " + name);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": capacity must be at least 1");
        }
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException(name + ": period must be 1 s to 7 days");
        }
        if (refill == null) {
            throw new IllegalArgumentException(name + ": refill is required");
        }
    }

    /** Attempts that come back evenly over the period. */
    public Budget(String name, long capacity, Duration period) {
        this(name, capacity, period, Refill.EVENLY);
    }

    public static Budget unlimited(String name) {
        return new Budget(name, UNLIMITED, Duration.ofSeconds(1));
    }

    public boolean isUnlimited() {
        return capacity == UNLIMITED;
    }

    /** The same allowance under another capacity and period (a setting overriding the default). */
    public Budget as(long newCapacity, Duration newPeriod) {
        return new Budget(name, newCapacity, newPeriod, refill);
    }

    /** As the {@code STUPY_LIMITS} setting writes it: {@code 5/10m}, or {@code off}. */
    public String describe() {
        if (isUnlimited()) {
            return "off";
        }
        long seconds = period.toSeconds();
        String span = seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        return capacity + "/" + span;
    }
}
