package kr.co.stupy.studytime;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which study days met the goal set at the time, and the goal streak they make.
 * <ul>
 *   <li>{@code metByDay}: for each day given, whether its study reached the goal that held on that day
 *       ({@link GoalHistory#on}); a day without a goal met none.</li>
 *   <li>{@code streakDays}: the run of days that met their goal ending today, or ending yesterday while
 *       today has not met it yet (the day is not over, so it does not break the run).</li>
 * </ul>
 */
public record GoalDays(SortedMap<LocalDate, Boolean> metByDay, int streakDays) {

    public GoalDays {
        Objects.requireNonNull(metByDay, "metByDay");
        metByDay = Collections.unmodifiableSortedMap(new TreeMap<>(metByDay));
        if (streakDays < 0) {
            throw new IllegalArgumentException("a streak is never negative");
        }
    }

    /**
     * @param secondsByDay summed seconds per study day; a day that is absent had no study. For the streak
     *                     to be whole it must reach back to the day the run began: at most to
     *                     {@link GoalHistory#firstSetOn}, since no day before the first goal met one
     * @param goals        the user's goal settings
     * @param today        the study day it is now, in the same zone and day start as {@code secondsByDay}
     */
    public static GoalDays of(SortedMap<LocalDate, Long> secondsByDay, GoalHistory goals, LocalDate today) {
        SortedMap<LocalDate, Boolean> met = new TreeMap<>();
        secondsByDay.forEach((day, seconds) -> met.put(day, metOn(day, seconds, goals)));
        LocalDate day = met.getOrDefault(today, false) ? today : today.minusDays(1);
        int streak = 0;
        while (met.getOrDefault(day, false)) {
            streak++;
            day = day.minusDays(1);
        }
        return new GoalDays(met, streak);
    }

    /** Whether {@code day} met its goal; a day not given had no study and so met nothing. */
    public boolean met(LocalDate day) {
        return metByDay.getOrDefault(day, false);
    }

    private static boolean metOn(LocalDate day, Long seconds, GoalHistory goals) {
        return seconds != null && goals.on(day).map(goal -> goal.metBy(seconds)).orElse(false);
    }
}
