package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every daily goal a student set, by the study day it was set on: a setting holds from its day until
 * the next one, and an empty setting means the goal was cleared from that day. It is kept because a
 * goal streak judges each day by the goal that held on it, not by today's.
 */
public record GoalHistory(SortedMap<LocalDate, Optional<DailyGoal>> settings) {

    public static final GoalHistory NONE = new GoalHistory(new TreeMap<>());

    public GoalHistory {
        Objects.requireNonNull(settings, "settings");
        settings.forEach((day, goal) -> {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(goal, "goal");
        });
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    /** The goal that held on {@code day}: the latest setting on or before it; none before the first. */
    public Optional<DailyGoal> on(LocalDate day) {
        SortedMap<LocalDate, Optional<DailyGoal>> upToDay = settings.headMap(day.plusDays(1));
        return upToDay.isEmpty() ? Optional.empty() : upToDay.get(upToDay.lastKey());
    }

    /** The goal that holds now: the latest setting. */
    public Optional<DailyGoal> current() {
        return settings.isEmpty() ? Optional.empty() : settings.get(settings.lastKey());
    }

    /** The first day a goal was set; no goal, and so no goal streak, reaches before it. */
    public Optional<LocalDate> firstSetOn() {
        return settings.isEmpty() ? Optional.empty() : Optional.of(settings.firstKey());
    }
}
