package org.safepassage.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads a design file ({@link DesignSpec}) and checks it like the other files: every problem
 * with FILE:LINE:COL, every lever value loaded into the base scenario as a {@code --set} override.
 */
public final class DesignSpecLoader {

    private static final Pattern PERCENTILE = Pattern.compile("p([1-9]|[1-9][0-9])");
    /** Figures an objective or a constraint may name: a run's summary figures. */
    public static final List<String> FIGURES = List.of("evacuated", "evacuatedFraction", "evacuatedThroughCorridors",
            "leftAcrossFront", "evacuatedDuringPauses", "killed", "injured", "detained", "remaining",
            "fightersEvacuated", "peakQueue", "timeToHalfHours", "pauseOpenHours", "killedOnTheWay", "killedAtHome");
    private static final int MAX_STEPS = 1000;

    private DesignSpecLoader() {
    }

    public static DesignSpec load(Path file) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = YamlSource.read(file, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        Fields f = Fields.of(tree, "", problems, null, "schemaVersion", "name", "question", "base", "levers",
                "objectives", "constraints", "uncertainty", "search", "failure", "compareWith");
        f.integer("schemaVersion", null, 1, 1);
        String name = f.string("name", null);
        String question = f.string("question", "");
        String baseText = f.string("base", null);
        Path dir = file.toAbsolutePath().getParent();
        Path base = baseText == null ? null : dir.resolve(baseText).normalize();
        List<YamlNode> leverNodes = f.list("levers", true);
        if (f.has("levers") && leverNodes.isEmpty()) {
            f.report("levers", "an empty list", "at least one lever");
        }
        List<DesignSpec.Lever> levers = new ArrayList<>();
        for (int i = 0; i < leverNodes.size(); i++) {
            levers.add(lever(leverNodes.get(i), "levers[" + i + "]", f, problems));
        }
        List<DesignSpec.Objective> objectives = new ArrayList<>();
        List<YamlNode> objectiveNodes = f.list("objectives", true);
        if (f.has("objectives") && objectiveNodes.isEmpty()) {
            f.report("objectives", "an empty list", "at least one objective");
        }
        for (int i = 0; i < objectiveNodes.size(); i++) {
            Fields o = Fields.of(objectiveNodes.get(i), "objectives[" + i + "]", problems, f.node(), "maximise",
                    "minimise");
            if (o.has("maximise") == o.has("minimise")) {
                o.report(o.has("maximise") ? "minimise" : "maximise",
                        o.has("maximise") ? "both maximise and minimise" : "neither maximise nor minimise",
                        "one of maximise: FIGURE STATISTIC or minimise: FIGURE STATISTIC, e.g. maximise: evacuated p10");
                continue;
            }
            String key = o.has("maximise") ? "maximise" : "minimise";
            String text = o.string(key, null);
            String[] words = text == null ? new String[0] : text.trim().split("\\s+");
            String statistic = words.length > 1 ? words[1] : "mean";
            if (words.length == 0 || words.length > 2 || !FIGURES.contains(words[0])
                    || !("mean".equals(statistic) || PERCENTILE.matcher(statistic).matches())) {
                o.report(key, "'" + text + "'", "a figure (" + String.join(", ", FIGURES)
                        + ") and optionally a statistic: mean (default) or pNN, the NN-th percentile (p1 to p99)");
                continue;
            }
            objectives.add(new DesignSpec.Objective(words[0], statistic, o.has("maximise")));
        }
        List<DesignSpec.Constraint> constraints = new ArrayList<>();
        List<YamlNode> constraintNodes = f.list("constraints", false);
        for (int i = 0; i < constraintNodes.size(); i++) {
            Fields c = Fields.of(constraintNodes.get(i), "constraints[" + i + "]", problems, f.node(), "figure",
                    "atMost", "atLeast", "inShareOfRuns");
            String figure = c.string("figure", null);
            if (figure != null && !FIGURES.contains(figure)) {
                String hint = Suggest.nearest(figure, FIGURES);
                c.report("figure", "'" + figure + "'",
                        hint != null ? "did you mean '" + hint + "'?" : "one of " + String.join(", ", FIGURES));
            }
            if (c.has("atMost") == c.has("atLeast")) {
                c.report(c.has("atMost") ? "atLeast" : "atMost", c.has("atMost") ? "both atMost and atLeast"
                        : "neither atMost nor atLeast", "one bound, e.g. atMost: 20");
                continue;
            }
            boolean atMost = c.has("atMost");
            double bound = c.number(atMost ? "atMost" : "atLeast", null, -1e12, 1e12);
            double share = c.number("inShareOfRuns", 0.95, 0.01, 1.0);
            constraints.add(new DesignSpec.Constraint(figure, atMost, bound, share));
        }
        String ensemble = null;
        List<String> inputs = new ArrayList<>();
        if (f.has("uncertainty")) {
            Fields u = f.child("uncertainty", "ensemble", "inputs");
            String e = u.has("ensemble") ? u.string("ensemble", null) : null;
            if (e != null) {
                ensemble = ScenarioLoader.NO_ENSEMBLE.equals(e) ? e : dir.resolve(e).normalize().toString();
            }
            YamlNode node = u.raw("inputs");
            if (node != null && node.isMapping()) {
                for (java.util.Map.Entry<String, YamlNode> e2 : node.entries().entrySet()) {
                    inputs.add(e2.getKey() + "=" + flow(e2.getValue()));
                }
            } else if (node != null) {
                u.report("inputs", "found " + node.describe(), "a mapping of key paths to values or ranges, e.g. "
                        + "pauses[pause].credibility: {uniform: [0.1, 0.4]}");
            }
        }
        DesignSpec.Search search = search(f);
        DesignSpec.Failure failure = null;
        if (f.has("failure")) {
            Fields x = f.child("failure", "figure", "below", "above");
            String figure = x.string("figure", null);
            if (figure != null && !FIGURES.contains(figure)) {
                x.report("figure", "'" + figure + "'", "one of " + String.join(", ", FIGURES));
            }
            if (x.has("below") == x.has("above")) {
                x.report("below", x.has("below") ? "both below and above" : "neither below nor above",
                        "one bound, e.g. below: 10000");
            } else {
                boolean below = x.has("below");
                failure = new DesignSpec.Failure(figure, below, x.number(below ? "below" : "above", null, -1e12, 1e12));
            }
        }
        List<Path> compareWith = new ArrayList<>();
        List<YamlNode> compareNodes = f.list("compareWith", false);
        for (YamlNode n : compareNodes) {
            if (!n.isScalar() || n.text() == null) {
                problems.add(Fields.at(n, "compareWith", "found " + n.describe(), "scenario files"));
            } else {
                compareWith.add(dir.resolve(n.text()).normalize());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        DesignSpec spec = new DesignSpec(name, question, base, file, levers, objectives, constraints, ensemble,
                inputs, search, failure, compareWith);
        checkAgainstBase(spec, f, leverNodes, problems);
        for (int i = 0; i < compareWith.size(); i++) {
            try {
                ScenarioLoader.load(compareWith.get(i), spec.inputs(), spec.ensemble());
            } catch (InvalidInputException e) {
                problems.add(Fields.at(compareNodes.get(i), "compareWith[" + i + "]", "scenario " + compareWith.get(i)
                        + " with the inputs has " + e.problems().size() + " problem(s): " + e.problems().get(0).format(),
                        "a scenario that takes the design's inputs"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return spec;
    }

    private static DesignSpec.Search search(Fields f) {
        Fields s = f.child("search", "seed", "candidates", "population", "stages", "keep");
        long seed = s.integer("seed", 1L, Long.MIN_VALUE + 1, Long.MAX_VALUE);
        int candidates = (int) s.integer("candidates", 200L, 1, 100_000);
        int population = (int) s.integer("population", 20L, 4, 10_000);
        List<Integer> stages = new ArrayList<>();
        List<YamlNode> stageNodes = s.list("stages", false);
        for (YamlNode n : stageNodes) {
            Long v = n.isScalar() ? Fields.parseLong(n.text()) : null;
            if (v == null || v < 1 || v > 100_000 || (!stages.isEmpty() && v <= stages.get(stages.size() - 1))) {
                s.problems().add(Fields.at(n, s.path("stages"), "found " + n.describe(),
                        "increasing whole numbers of replicates from 1, e.g. [5, 15, 50]"));
                continue;
            }
            stages.add(v.intValue());
        }
        if (stageNodes.isEmpty()) {
            stages = List.of(5, 15, 50);
        }
        if (population % 2 != 0) {
            s.report("population", "an odd population " + population, "an even number (NSGA-II mates in pairs)");
        }
        double keep = s.number("keep", 1.0 / 3, 0.01, 1.0);
        return new DesignSpec.Search(seed, candidates, population, stages, keep);
    }

    private static DesignSpec.Lever lever(YamlNode node, String path, Fields parent, List<Problem> problems) {
        Fields l = Fields.of(node, path, problems, parent.node(), "path", "values", "min", "max", "step");
        String keyPath = l.string("path", null);
        if (keyPath != null) {
            try {
                KeyPath.parse(keyPath);
            } catch (IllegalArgumentException e) {
                l.report("path", "'" + keyPath + "': " + e.getMessage(), "a key path such as pauses[pause].duration");
            }
        }
        List<String> values = new ArrayList<>();
        if (l.has("values")) {
            if (l.has("min") || l.has("max") || l.has("step")) {
                l.report(l.has("min") ? "min" : l.has("max") ? "max" : "step", "both values and a range",
                        "either values: [...] or min, max and step");
            }
            for (YamlNode v : l.list("values", true)) {
                values.add(flow(v));
            }
            if (values.size() < 2) {
                l.report("values", values.size() + " value(s)", "at least two values (a fixed value belongs in the base)");
            }
            return new DesignSpec.Lever(keyPath, values, false);
        }
        String min = l.string("min", null);
        String max = l.string("max", null);
        String step = l.string("step", null);
        if (min == null || max == null || step == null) {
            return new DesignSpec.Lever(keyPath, values, true);
        }
        Duration dMin = Fields.parseDuration(min);
        Duration dMax = Fields.parseDuration(max);
        Duration dStep = Fields.parseDuration(step);
        Double nMin = Fields.parseDouble(min);
        Double nMax = Fields.parseDouble(max);
        Double nStep = Fields.parseDouble(step);
        if (dMin != null && dMax != null && dStep != null) {
            if (dStep.isZero() || dStep.isNegative() || dMax.compareTo(dMin) < 0
                    || dMax.minus(dMin).dividedBy(dStep) >= MAX_STEPS) {
                l.report("step", "min " + min + ", max " + max + ", step " + step,
                        "max not below min and a positive step giving at most " + MAX_STEPS + " values");
            } else {
                for (Duration d = dMin; d.compareTo(dMax) <= 0; d = d.plus(dStep)) {
                    values.add(d.toString());
                }
            }
        } else if (nMin != null && nMax != null && nStep != null) {
            if (!(nStep > 0) || nMax < nMin || (nMax - nMin) / nStep >= MAX_STEPS) {
                l.report("step", "min " + min + ", max " + max + ", step " + step,
                        "max not below min and a positive step giving at most " + MAX_STEPS + " values");
            } else {
                long n = Math.round(Math.floor((nMax - nMin) / nStep + 1e-9));
                for (long k = 0; k <= n; k++) {
                    values.add(Fields.fmt(new java.math.BigDecimal(nMin + k * nStep).round(new java.math.MathContext(12))
                            .doubleValue()));
                }
            }
        } else {
            l.report("min", "min " + min + ", max " + max + ", step " + step,
                    "three numbers, or three ISO-8601 durations such as PT6H");
        }
        if (values.size() == 1) {
            l.report("max", "a range with one value", "at least two values (a fixed value belongs in the base)");
        }
        return new DesignSpec.Lever(keyPath, values, true);
    }

    /** A node as YAML flow text, as a {@code --set} value takes it. */
    static String flow(YamlNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isScalar()) {
            return node.text();
        }
        List<String> parts = new ArrayList<>();
        if (node.isSequence()) {
            for (YamlNode item : node.items()) {
                parts.add(flow(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        for (java.util.Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            parts.add(e.getKey() + ": " + flow(e.getValue()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** The base must load with the inputs, and so must each lever value. */
    private static void checkAgainstBase(DesignSpec spec, Fields f, List<YamlNode> leverNodes,
            List<Problem> problems) {
        try {
            ScenarioLoader.load(spec.base(), spec.inputs(), spec.ensemble());
        } catch (InvalidInputException e) {
            f.report(f.has("uncertainty") ? "uncertainty" : "base", "base scenario " + spec.base() + " with the inputs has "
                    + e.problems().size() + " problem(s): " + e.problems().get(0).format(), "a valid scenario");
            return;
        }
        for (int i = 0; i < spec.levers().size(); i++) {
            DesignSpec.Lever lever = spec.levers().get(i);
            YamlNode item = leverNodes.get(i);
            for (int v = 0; v < lever.values().size(); v++) {
                List<String> sets = new ArrayList<>(spec.inputs());
                sets.add(lever.path() + "=" + lever.values().get(v));
                try {
                    ScenarioLoader.load(spec.base(), sets, ScenarioLoader.NO_ENSEMBLE);
                } catch (InvalidInputException e) {
                    Problem first = e.problems().get(0);
                    YamlNode where = item.get("path") != null ? item.get("path") : item;
                    YamlNode values = item.get("values");
                    if (values != null && values.isSequence() && v < values.items().size()) {
                        where = values.items().get(v);
                    }
                    problems.add(Fields.at(where, "levers[" + i + "]", "value '" + lever.values().get(v) + "' for "
                            + lever.path() + ": " + first.found(), first.expected()));
                    break;
                }
            }
        }
    }
}
