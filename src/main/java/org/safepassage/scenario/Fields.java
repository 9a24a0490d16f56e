package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Typed, checked access to the keys of one YAML mapping. Every getter either returns a valid
 * value or records a {@link Problem} at the value's position and returns a harmless fallback,
 * so that a file's problems are all found in one pass. A key that is absent takes its default,
 * or is reported missing when it has none ({@code null} default).
 */
final class Fields {

    private final YamlNode node;
    private final String path;
    private final List<Problem> problems;
    private final YamlNode parentForMissing;

    private Fields(YamlNode node, String path, List<Problem> problems, YamlNode parentForMissing) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.parentForMissing = parentForMissing;
    }

    /**
     * Opens a mapping and reports its unknown keys (with the nearest allowed key as a hint).
     * A null node (section absent) gives an empty reader whose getters return defaults.
     */
    static Fields of(YamlNode node, String path, List<Problem> problems, YamlNode parent, String... allowed) {
        if (node == null || node.isNull()) {
            return new Fields(null, path, problems, parent);
        }
        if (!node.isMapping()) {
            problems.add(at(node, path, "found " + node.describe(), "a mapping with keys "
                    + String.join(", ", allowed)));
            return new Fields(null, path, problems, null);
        }
        List<String> allowedList = Arrays.asList(allowed);
        for (String key : node.entries().keySet()) {
            if (!allowedList.contains(key)) {
                YamlNode keyNode = node.keyNode(key);
                String hint = Suggest.nearest(key, allowedList);
                problems.add(at(keyNode, join(path, key), "unknown key '" + key + "'",
                        hint != null ? "did you mean '" + hint + "'?" : "one of " + String.join(", ", allowed)));
            }
        }
        return new Fields(node, path, problems, parent);
    }

    static Problem at(YamlNode where, String path, String found, String expected) {
        return new Problem(where.file(), where.line(), where.column(), path, found, expected);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean present() {
        return node != null;
    }

    boolean has(String key) {
        return node != null && node.get(key) != null && !node.get(key).isNull();
    }

    YamlNode node() {
        return node;
    }

    YamlNode raw(String key) {
        return node == null ? null : node.get(key);
    }

    String path(String key) {
        return join(path, key);
    }

    List<Problem> problems() {
        return problems;
    }

    Fields child(String key, String... allowed) {
        return of(raw(key), path(key), problems, node, allowed);
    }

    /** Records a problem about a key of this mapping, at the key's value (or the mapping). */
    void report(String key, String found, String expected) {
        YamlNode where = raw(key) != null ? raw(key) : whereMissing();
        if (where != null) {
            problems.add(at(where, path(key), found, expected));
        }
    }

    private YamlNode whereMissing() {
        return node != null ? node : parentForMissing;
    }

    private <T> T value(String key, T dflt, T fallback, String expected,
            BiFunction<YamlNode, String, T> parse) {
        YamlNode v = raw(key);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                // An explicit empty value is reported where it is written, an absent key at its mapping.
                YamlNode where = v != null ? v : whereMissing();
                if (where != null) {
                    problems.add(at(where, path(key), "missing", expected));
                }
                return fallback;
            }
            return dflt;
        }
        if (!v.isScalar()) {
            problems.add(at(v, path(key), "found " + v.describe(), expected));
            return fallback;
        }
        T parsed = parse.apply(v, v.text().trim());
        if (parsed == null) {
            problems.add(at(v, path(key), "found " + v.describe(), expected));
            return fallback;
        }
        return parsed;
    }

    String string(String key, String dflt) {
        if (dflt == null) {
            // Required texts are names and references: an empty one is as good as missing.
            return value(key, null, "", "a non-empty text", (v, s) -> s.isEmpty() ? null : v.text());
        }
        return value(key, dflt, "", "a text", (v, s) -> v.text());
    }

    double number(String key, Double dflt, double min, double max) {
        String expected = "a number from " + fmt(min) + " to " + fmt(max);
        double d = value(key, dflt, Double.NaN, expected, (v, s) -> parseDouble(s));
        if (!Double.isNaN(d) && (d < min || d > max)) {
            report(key, "found " + fmt(d), expected);
            return Double.NaN;
        }
        return d;
    }

    /**
     * A number described by a {@link Parameter}: its default, its range, and in the message for a
     * wrong value its unit and meaning too.
     */
    double number(Parameter p) {
        String expected = "a number from " + fmt(p.min()) + " to " + fmt(p.max()) + " (" + p.unit() + ": " + p.meaning()
                + ")";
        double d = value(p.key(), p.defaultValue(), Double.NaN, expected, (v, s) -> parseDouble(s));
        if (!Double.isNaN(d) && (d < p.min() || d > p.max())) {
            report(p.key(), "found " + fmt(d), expected);
            return Double.NaN;
        }
        return d;
    }

    /**
     * A number of the scenario's facts described by a {@link ScenarioParameters} descriptor: its
     * default (none when {@link Parameter#required}) and range, whole or not; the message names
     * the range, as for any number of a scenario.
     */
    double fact(Parameter p) {
        if (p.whole()) {
            return integer(p.key(), p.required() ? null : (long) p.defaultValue(), (long) p.min(), (long) p.max());
        }
        return number(p.key(), p.required() ? null : p.defaultValue(), p.min(), p.max());
    }

    long integer(String key, Long dflt, long min, long max) {
        String expected = min <= Integer.MIN_VALUE && max >= Integer.MAX_VALUE ? "a whole number"
                : "a whole number from " + min + " to " + max;
        Long n = value(key, dflt, Long.MIN_VALUE, expected, (v, s) -> parseLong(s));
        if (n != Long.MIN_VALUE && (n < min || n > max)) {
            report(key, "found " + n, expected);
            return min;
        }
        return n;
    }

    boolean bool(String key, Boolean dflt) {
        return value(key, dflt, Boolean.FALSE, "true or false", (v, s) ->
                s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null);
    }

    Duration duration(String key, Duration dflt, Duration min, Duration max) {
        String expected = "an ISO-8601 duration such as PT11H or P4D";
        Duration d = value(key, dflt, null, expected, (v, s) -> parseDuration(s));
        if (d == null) {
            return min;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            report(key, "found " + d, "a duration from " + min + " to " + max);
            return min;
        }
        return d;
    }

    LocalDateTime dateTime(String key, LocalDateTime dflt) {
        return value(key, dflt, LocalDateTime.of(2000, 1, 1, 0, 0),
                "a local date-time such as 2016-10-20T08:00", (v, s) -> {
                    try {
                        return LocalDateTime.parse(s);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                });
    }

    <E extends Enum<E>> E choice(String key, E dflt, Class<E> type) {
        E[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (E c : constants) {
            names.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        String expected = "one of " + String.join(", ", names);
        return value(key, dflt, constants[0], expected, (v, s) -> {
            int i = names.indexOf(s);
            return i < 0 ? null : constants[i];
        });
    }

    /** The items of a list under {@code key}; absent gives an empty list. */
    List<YamlNode> list(String key, boolean required) {
        YamlNode v = raw(key);
        if (v == null || v.isNull()) {
            if (required) {
                YamlNode where = v != null ? v : whereMissing();
                if (where != null) {
                    problems.add(at(where, path(key), "missing", "a list"));
                }
            }
            return List.of();
        }
        if (!v.isSequence()) {
            problems.add(at(v, path(key), "found " + v.describe(), "a list"));
            return List.of();
        }
        return v.items();
    }

    /** A list of plain texts. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = list(key, false);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            if (!item.isScalar() || item.text() == null) {
                problems.add(at(item, path(key) + "[" + i + "]", "found " + item.describe(), "a text"));
            } else {
                out.add(item.text());
            }
        }
        return out;
    }

    static Double parseDouble(String s) {
        try {
            double d = Double.parseDouble(s.replace("_", ""));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long parseLong(String s) {
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration parseDuration(String s) {
        try {
            if (s.startsWith("P") && s.contains("D") && !s.contains("T")) {
                long days = Long.parseLong(s.substring(1, s.length() - 1));
                return s.endsWith("D") ? Duration.ofDays(days) : null;
            }
            return Duration.parse(s);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
