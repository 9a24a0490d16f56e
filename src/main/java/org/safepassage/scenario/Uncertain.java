package org.safepassage.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Uncertain values in a scenario tree: any value may be written as a range or a distribution
 * instead of a number (docs/SCENARIO-FORMAT.md, "Ranges and distributions"):
 *
 * <pre>
 * credibility: {uniform: [0.1, 0.3]}
 * persons: {triangular: [230000, 250000, 275000]}        # low, mode, high
 * earlyEndPerHour: {normal: [0.02, 0.01, 0, 0.1]}        # mean, sd, truncated to [low, high]
 * deathsPerPersonDay: {lognormal: [1e-4, 0.5, 2e-5, 5e-4]} # median, sd of the log, [low, high]
 * monitoring: {choice: [none, neutral]}                  # or {choice: {none: 0.7, neutral: 0.3}}
 * notice: {uniform: [PT12H, PT72H]}                      # durations too (uniform, triangular)
 * </pre>
 *
 * <p>This is a pre-pass over the effective tree, before binding: a draw replaces each such
 * mapping by a plain scalar at the same position, so the value is then checked, and its
 * mistakes located, exactly as a value written in the file. A replicate draws quantile
 * {@link #quantile}(seed, key path) of each: the same replicate seed and the same key path
 * give the same quantile in every scenario (common random numbers), whatever else differs.
 * Ranges whose ends are written as whole numbers draw whole numbers.
 */
public final class Uncertain {

    /** The distribution keys; a mapping with exactly one of them as its only key is uncertain. */
    public enum Kind {
        UNIFORM, TRIANGULAR, NORMAL, LOGNORMAL, CHOICE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One uncertain value.
     *
     * @param path its key path (list items by name where they have one), the key of its draws
     * @param kind the distribution
     * @param node the mapping as written (for positions)
     * @param numbers the distribution's parameters (minutes for durations); empty for a choice
     * @param whole draw whole numbers
     * @param duration the values are ISO durations
     * @param options a choice's values, as written
     * @param weights a choice's weights (summing to 1)
     */
    public record Spec(String path, Kind kind, YamlNode node, double[] numbers, boolean whole, boolean duration,
            List<String> options, double[] weights) {

        /** The value at quantile q in [0, 1], as the text a file would hold. */
        public String at(double q) {
            if (kind == Kind.CHOICE) {
                double cumulative = 0;
                for (int i = 0; i < options.size(); i++) {
                    cumulative += weights[i];
                    if (q < cumulative || i == options.size() - 1) {
                        return options.get(i);
                    }
                }
            }
            double x = value(q);
            if (duration) {
                long minutes = Math.round(x);
                return minutes % 60 == 0 ? "PT" + minutes / 60 + "H" : "PT" + minutes + "M";
            }
            if (whole) {
                return Long.toString(Math.round(x));
            }
            return Double.toString(x);
        }

        private double value(double q) {
            double[] p = numbers;
            return switch (kind) {
                case UNIFORM -> p[0] + q * (p[1] - p[0]);
                case TRIANGULAR -> triangular(p[0], p[1], p[2], q);
                case NORMAL -> truncatedNormal(p[0], p[1], p[2], p[3], q);
                case LOGNORMAL -> Math.exp(truncatedNormal(Math.log(p[0]), p[1], Math.log(p[2]), Math.log(p[3]), q));
                case CHOICE -> throw new IllegalStateException();
            };
        }

        /** How many values must be checked: both ends, or every option of a choice. */
        int checks() {
            return kind == Kind.CHOICE ? options.size() : 2;
        }

        /** The k-th value to check (k from 0 to {@link #checks()} − 1; a smaller spec repeats its last). */
        String check(int k) {
            if (kind == Kind.CHOICE) {
                return options.get(Math.min(k, options.size() - 1));
            }
            return at(k == 0 ? 0.0 : 1.0);
        }

        /** What the checked value is, for messages: "the low end of uniform [0.1, 0.3]". */
        String which(int k) {
            if (kind == Kind.CHOICE) {
                return "option '" + check(k) + "' of the choice";
            }
            return "the " + (k == 0 ? "low" : "high") + " end of the " + kind.key();
        }
    }

    private Uncertain() {
    }

    /** Inverse distribution function of the triangular distribution (low a, mode c, high b). */
    static double triangular(double a, double c, double b, double q) {
        if (b <= a) {
            return a;
        }
        double f = (c - a) / (b - a);
        return q < f ? a + Math.sqrt(q * (b - a) * (c - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - c));
    }

    /** Quantile q of a normal distribution truncated to [low, high]. */
    static double truncatedNormal(double mean, double sd, double low, double high, double q) {
        NormalDistribution n = new NormalDistribution(null, mean, sd);
        double pl = n.cumulativeProbability(low);
        double ph = n.cumulativeProbability(high);
        if (!(ph > pl)) {
            return Math.max(low, Math.min(high, mean));
        }
        double x = n.inverseCumulativeProbability(pl + q * (ph - pl));
        return Math.max(low, Math.min(high, x));
    }

    /**
     * The quantile replicate {@code seed} draws for {@code path}: uniform on [0, 1), a pure
     * function of both (64-bit FNV-1a of the path mixed into the seed), so every scenario of a
     * comparison draws the same quantile for the same key in the same replicate.
     */
    public static double quantile(long seed, String path) {
        long h = 0xcbf29ce484222325L;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h).nextDouble();
    }

    /** The uncertain values of a tree, in reading order; malformed ones are reported and left out. */
    public static List<Spec> find(YamlNode tree, List<Problem> problems) {
        List<Spec> specs = new ArrayList<>();
        walk(tree.copy(), "", problems, specs, null);
        return specs;
    }

    /**
     * A copy of {@code tree} with every uncertain value replaced by the scalar {@code text}
     * gives for it, positioned where the distribution is written.
     */
    public static YamlNode substitute(YamlNode tree, java.util.function.Function<Spec, String> text) {
        YamlNode copy = tree.copy();
        walk(copy, "", new ArrayList<>(), new ArrayList<>(), text);
        return copy;
    }

    /** As {@link #substitute(YamlNode, java.util.function.Function)} at each spec's quantile. */
    public static YamlNode draw(YamlNode tree, ToDoubleFunction<Spec> quantile) {
        return substitute(tree, s -> s.at(quantile.applyAsDouble(s)));
    }

    private static void walk(YamlNode node, String path, List<Problem> problems, List<Spec> specs,
            java.util.function.Function<Spec, String> replace) {
        if (node.isMapping()) {
            for (Map.Entry<String, YamlNode> e : new ArrayList<>(node.entries().entrySet())) {
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                YamlNode child = e.getValue();
                Kind kind = kindOf(child);
                if (kind != null && fixedSection(at)) {
                    rejected(problems, child);
                    problems.add(Fields.at(child, at, "a " + kind.key() + " in " + at.split("[.\\[]")[0],
                            "a plain value: the clock, map, seed, observations and names are the frame every "
                            + "replicate shares (ranges are for the district's numbers, pauses, corridors, "
                            + "fighters, hazards and behaviour)"));
                } else if (kind != null) {
                    Spec spec = spec(at, kind, child, problems);
                    if (spec == null) {
                        rejected(problems, child);
                    }
                    if (spec != null) {
                        specs.add(spec);
                        if (replace != null) {
                            node.put(e.getKey(), YamlNode.scalar(replace.apply(spec), false, child.file(),
                                    child.line(), child.column()));
                        }
                    }
                } else {
                    walk(child, at, problems, specs, replace);
                }
            }
        } else if (node.isSequence()) {
            for (int i = 0; i < node.items().size(); i++) {
                YamlNode item = node.items().get(i);
                YamlNode name = item.isMapping() ? item.get("name") : null;
                String at = path + "[" + (name != null && name.isScalar() && name.text() != null ? name.text() : i)
                        + "]";
                Kind kind = kindOf(item);
                if (kind != null) {
                    Spec spec = spec(at, kind, item, problems);
                    if (spec == null) {
                        rejected(problems, item);
                    }
                    if (spec != null) {
                        specs.add(spec);
                        if (replace != null) {
                            node.set(i, YamlNode.scalar(replace.apply(spec), false, item.file(), item.line(),
                                    item.column()));
                        }
                    }
                } else {
                    walk(item, at, problems, specs, replace);
                }
            }
        }
    }

    /**
     * Marks a distribution that was refused: binding would then also report "found a mapping" at
     * its position, which says less than the refusal ({@link #isEcho} drops it).
     */
    private static void rejected(List<Problem> problems, YamlNode node) {
        problems.add(new Problem(node.file(), node.line(), node.column(), REJECTED, "", ""));
    }

    private static final String REJECTED = "\u0000rejected";

    /**
     * Splits the markers off {@code problems}: returns the positions of refused distributions and
     * leaves only real problems in the list.
     */
    static List<Problem> takeRejected(List<Problem> problems) {
        List<Problem> marks = problems.stream().filter(p -> p.keyPath().equals(REJECTED)).toList();
        problems.removeIf(p -> p.keyPath().equals(REJECTED));
        return marks;
    }

    /** Whether a binding problem sits exactly where a refused distribution is written. */
    static boolean isEcho(Problem p, List<Problem> rejected) {
        return rejected.stream().anyMatch(r -> r.file().equals(p.file()) && r.line() == p.line()
                && r.column() == p.column());
    }

    /** Sections and keys a replicate may not draw: they fix the frame runs are compared in. */
    private static boolean fixedSection(String path) {
        String top = path.split("[.\\[]")[0];
        return List.of("schemaVersion", "meta", "clock", "map", "seed", "observed", "ensemble").contains(top)
                || path.endsWith(".name");
    }

    private static Kind kindOf(YamlNode node) {
        if (!node.isMapping() || node.entries().size() != 1) {
            return null;
        }
        String key = node.entries().keySet().iterator().next();
        for (Kind k : Kind.values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    private static final String[] SHAPES = {
        "[low, high] with low below high",
        "[low, mode, high] with low <= mode <= high and low below high",
        "[mean, sd, low, high] with sd above 0 and low below high",
        "[median, sd of the log, low, high] with all above 0 (sd of the log too), low below high",
        "a list of values, or a mapping of values to weights (at least 0, summing above 0)"};

    private static Spec spec(String path, Kind kind, YamlNode node, List<Problem> problems) {
        YamlNode v = node.get(kind.key());
        String expected = kind.key() + ": " + SHAPES[kind.ordinal()];
        if (kind == Kind.CHOICE) {
            return choice(path, node, v, expected, problems);
        }
        int n = kind == Kind.UNIFORM ? 2 : kind == Kind.TRIANGULAR ? 3 : 4;
        if (!v.isSequence() || v.items().size() != n || !v.items().stream().allMatch(YamlNode::isScalar)) {
            problems.add(Fields.at(v, path, "found " + v.describe(), expected));
            return null;
        }
        double[] x = new double[n];
        boolean numbers = true;
        boolean durations = kind == Kind.UNIFORM || kind == Kind.TRIANGULAR;
        boolean whole = true;
        for (int i = 0; i < n; i++) {
            String t = v.items().get(i).text();
            Double d = t == null ? null : Fields.parseDouble(t);
            numbers &= d != null;
            durations &= minutes(t) != null;
            if (d != null) {
                x[i] = d;
            }
            boolean end = kind == Kind.NORMAL || kind == Kind.LOGNORMAL ? i >= 2 : true;
            if (end) {
                whole &= t != null && Fields.parseLong(t) != null;
            }
        }
        if (!numbers && durations) {
            for (int i = 0; i < n; i++) {
                x[i] = minutes(v.items().get(i).text());
            }
        } else if (!numbers) {
            problems.add(Fields.at(v, path, "found " + v.describe(), expected + " (numbers"
                    + (kind == Kind.UNIFORM || kind == Kind.TRIANGULAR ? ", or ISO durations such as PT24H)" : ")")));
            return null;
        }
        boolean ok = switch (kind) {
            case UNIFORM -> x[0] < x[1];
            case TRIANGULAR -> x[0] <= x[1] && x[1] <= x[2] && x[0] < x[2];
            case NORMAL -> x[1] > 0 && x[2] < x[3];
            case LOGNORMAL -> x[0] > 0 && x[1] > 0 && x[2] > 0 && x[2] < x[3];
            default -> false;
        };
        if (!ok) {
            problems.add(Fields.at(v, path, "found " + v.describe(), expected));
            return null;
        }
        return new Spec(path, kind, node, x, whole && !(!numbers && durations), !numbers && durations, List.of(),
                new double[0]);
    }

    private static Spec choice(String path, YamlNode node, YamlNode v, String expected, List<Problem> problems) {
        List<String> options = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (v.isSequence() && !v.items().isEmpty() && v.items().stream().allMatch(i -> i.isScalar() && !i.isNull())) {
            v.items().forEach(i -> {
                options.add(i.text());
                weights.add(1.0);
            });
        } else if (v.isMapping() && !v.entries().isEmpty()) {
            for (Map.Entry<String, YamlNode> e : v.entries().entrySet()) {
                Double w = e.getValue().isScalar() && e.getValue().text() != null
                        ? Fields.parseDouble(e.getValue().text()) : null;
                if (w == null || w < 0) {
                    problems.add(Fields.at(e.getValue(), path + ".choice." + e.getKey(), "found "
                            + e.getValue().describe(), "a weight of at least 0"));
                    return null;
                }
                options.add(e.getKey());
                weights.add(w);
            }
        } else {
            problems.add(Fields.at(v, path, "found " + v.describe(), expected));
            return null;
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            problems.add(Fields.at(v, path, "weights summing to 0", expected));
            return null;
        }
        return new Spec(path, Kind.CHOICE, node, new double[0], false, false, List.copyOf(options),
                weights.stream().mapToDouble(w -> w / total).toArray());
    }

    private static Double minutes(String text) {
        if (text == null || !text.startsWith("P")) {
            return null;
        }
        try {
            return (double) Duration.parse(text).toMinutes();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
