package kr.co.stupy.bootstrap.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.co.stupy.application.limits.Budget;
import kr.co.stupy.application.limits.Budgets;

/**
 * {@code STUPY_LIMITS}: overrides of the default budgets, comma-separated {@code name=capacity/period}
 * (period in {@code s}, {@code m} or {@code h}) or {@code name=off}, e.g.
 * {@code wrong-password-per-user=3/10m,chat-per-user=30/10s}.
 */
final class LimitSettings {

    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9-]*)=(?:off|(\\d{1,9})/(\\d{1,6})([smh]))");

    private LimitSettings() {
    }

    static Budgets parse(String name, String value) {
        Map<String, Budget> overrides = new LinkedHashMap<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new SettingsException(name, "entries are name=capacity/period (e.g. chat-per-user=20/10s) or name=off, got '"
                        + abbreviate(entry) + "'");
            }
            String budget = m.group(1);
            if (!Budgets.isKnown(budget)) {
                throw new SettingsException(name, "no limit is named '" + budget + "' (known: "
                        + Budgets.ALL.stream().map(Budget::name).collect(Collectors.joining(", ")) + ")");
            }
            if (overrides.containsKey(budget)) {
                throw new SettingsException(name, "'" + budget + "' is given twice");
            }
            try {
                overrides.put(budget, m.group(2) == null ? Budget.unlimited(budget)
                        : Budgets.defaultNamed(budget).orElseThrow().as(Long.parseLong(m.group(2)), period(Long.parseLong(m.group(3)), m.group(4))));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(name, e.getMessage());
            }
        }
        return new Budgets(overrides);
    }

    static String describe(Budgets budgets) {
        return budgets.inForce().stream().map(b -> b.name() + "=" + b.describe()).collect(Collectors.joining(","));
    }

    private static Duration period(long amount, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
