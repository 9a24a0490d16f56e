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
            "fightersEvacuated", "peakQueue", "timeToHalfHours", "pauseOpenHours", "killedOnTheWay", "killedAtHome", "corridorsOpen");
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
        levers = conditions(levers, leverNodes, f, problems);
        longWindowsRepeated(levers, leverNodes, problems);
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
        DesignSpec.Search search = search(f, levers);
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

    private static DesignSpec.Search search(Fields f, List<DesignSpec.Lever> levers) {
        Fields s = f.child("search", "seed", "candidates", "population", "stages", "keep", "start");
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
        List<DesignSpec.Start> start = new ArrayList<>();
        List<YamlNode> startNodes = s.list("start", false);
        for (int i = 0; i < startNodes.size(); i++) {
            DesignSpec.Start d = start(startNodes.get(i), s.path("start") + "[" + i + "]", levers, s.problems());
            if (d != null) {
                start.add(d);
            }
        }
        if (start.size() > population) {
            s.report("start", start.size() + " designs", "at most the population (" + population + ")");
        }
        return new DesignSpec.Search(seed, candidates, population, stages, keep, start);
    }

    /**
     * One design of {@code search.start}: {@code name} and a value for every lever, keyed by the
     * lever's path ({@code corridors} for a corridors lever, whose value is the list of crossings
     * that open), each one of the lever's values.
     */
    private static DesignSpec.Start start(YamlNode node, String path, List<DesignSpec.Lever> levers,
            List<Problem> problems) {
        if (!node.isMapping()) {
            problems.add(Fields.at(node, path, "found " + node.describe(),
                    "a design: name and a value for each lever, e.g. {name: UN ask, pauses[pause].duration: PT48H, ...}"));
            return null;
        }
        YamlNode nameNode = node.get("name");
        String name = nameNode != null && nameNode.isScalar() ? nameNode.text() : null;
        if (name == null || name.isBlank()) {
            problems.add(Fields.at(node, Fields.join(path, "name"), nameNode == null ? "no name" : "found "
                    + nameNode.describe(), "a name for the design, e.g. name: UN 2016 ask"));
        }
        List<Integer> index = new ArrayList<>();
        boolean ok = true;
        for (DesignSpec.Lever lever : levers) {
            YamlNode v = node.get(lever.path());
            if (v == null) {
                problems.add(Fields.at(node, path, "no value for lever " + lever.path(),
                        "a value for every lever (" + String.join(", ", levers.stream().map(DesignSpec.Lever::path)
                                .toList()) + ")"));
                ok = false;
                continue;
            }
            String text = CORRIDORS.equals(lever.path()) ? openCorridors(v, lever) : flow(v);
            int at = lever.values().indexOf(text);
            if (at < 0) {
                problems.add(Fields.at(v, Fields.join(path, lever.path()), "'" + text + "'",
                        "one of the lever's values: " + String.join("; ", lever.values().size() <= 12 ? lever.values()
                                : lever.values().subList(0, 12)) + (lever.values().size() > 12 ? "; ..." : "")));
                ok = false;
            }
            index.add(at);
        }
        for (String key : node.entries().keySet()) {
            if (!"name".equals(key) && levers.stream().noneMatch(l -> l.path().equals(key))) {
                problems.add(Fields.at(node.keyNode(key) != null ? node.keyNode(key) : node, Fields.join(path, key), "'" + key + "', which is no lever",
                        "name or a lever's path"));
                ok = false;
            }
        }
        return ok && name != null ? new DesignSpec.Start(name, index) : null;
    }

    /** A corridors lever's value from a list of crossing names (any order): the names in the lever's order. */
    private static String openCorridors(YamlNode v, DesignSpec.Lever lever) {
        if (!v.isSequence()) {
            return flow(v);
        }
        java.util.Set<String> open = new java.util.HashSet<>();
        for (YamlNode item : v.items()) {
            open.add(item.text());
        }
        List<String> all = List.of(lever.values().get(lever.values().size() - 1).split(" \\+ "));
        List<String> inOrder = all.stream().filter(open::contains).toList();
        return inOrder.size() == open.size() ? String.join(" + ", inOrder) : flow(v);
    }

    private static DesignSpec.Lever lever(YamlNode node, String path, Fields parent, List<Problem> problems) {
        Fields l = Fields.of(node, path, problems, parent.node(), "path", "values", "min", "max", "step",
                "corridors", "atLeast", "atMost", "onlyWhen");
        if (l.has("corridors")) {
            return corridorLever(l);
        }
        for (String key : new String[] {"atLeast", "atMost"}) {
            if (l.has(key)) {
                l.report(key, key + " without corridors", "atLeast and atMost only with corridors: [NAME, ...]");
            }
        }
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

    /** Most crossings a corridors lever may list (2^12 - 1 subsets). */
    private static final int MAX_CORRIDORS = 12;
    /** The label of a corridors lever, in the outputs and for {@code --lever}. */
    public static final String CORRIDORS = "corridors";

    /**
     * A lever over which of the listed crossings open: every subset with {@code atLeast} (default 1)
     * to {@code atMost} (default all) of them, the fewest first (so that a threshold question walks
     * from the fewest crossings up), then in the order listed. A value closes the listed crossings it
     * leaves out ({@code corridors[NAME].open=false}); crossings not listed stay as the base has them.
     */
    private static DesignSpec.Lever corridorLever(Fields l) {
        for (String key : new String[] {"path", "values", "min", "max", "step"}) {
            if (l.has(key)) {
                l.report(key, "both corridors and " + key, "either corridors: [NAME, ...] or path with values or a range");
            }
        }
        List<String> names = l.strings("corridors");
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(names);
        if (names.isEmpty() || names.size() > MAX_CORRIDORS || unique.size() < names.size()) {
            l.report("corridors", names.size() + " name(s)" + (unique.size() < names.size() ? ", some twice" : ""),
                    "from 1 to " + MAX_CORRIDORS + " different corridor names of the base scenario");
            return new DesignSpec.Lever(CORRIDORS, List.of(), false);
        }
        int n = names.size();
        int atLeast = (int) l.integer("atLeast", 1L, 1, n);
        int atMost = (int) l.integer("atMost", (long) n, 1, n);
        if (atMost < atLeast) {
            l.report("atMost", "atMost " + atMost + " below atLeast " + atLeast, "at least atLeast");
        }
        List<String> values = new ArrayList<>();
        List<List<String>> sets = new ArrayList<>();
        for (int size = atLeast; size <= atMost; size++) {
            for (int mask : subsets(n, size)) {
                List<String> open = new ArrayList<>();
                List<String> closes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << (n - 1 - i))) != 0) {
                        open.add(names.get(i));
                    } else {
                        closes.add("corridors[" + names.get(i) + "].open=false");
                    }
                }
                values.add(String.join(" + ", open));
                sets.add(closes);
            }
        }
        if (values.size() < 2) {
            l.report("corridors", values.size() + " subset(s)", "at least two subsets (a fixed choice belongs in the base)");
        }
        return new DesignSpec.Lever(CORRIDORS, values, true, sets, null);
    }

    /** The subsets of {@code size} of n items as bit masks (item 0 the highest bit), in lexicographic order. */
    private static List<Integer> subsets(int n, int size) {
        List<Integer> out = new ArrayList<>();
        for (int mask = (1 << n) - 1; mask > 0; mask--) {
            if (Integer.bitCount(mask) == size) {
                out.add(mask);
            }
        }
        return out;
    }

    /**
     * Resolves each lever's {@code onlyWhen: {lever: PATH, below|atLeast: VALUE}}: the lever matters
     * only where the named lever's value is below (or at least) VALUE, numbers or durations; elsewhere it
     * is held at its first value. The named lever must itself be unconditional.
     */
    private static List<DesignSpec.Lever> conditions(List<DesignSpec.Lever> levers, List<YamlNode> nodes, Fields f,
            List<Problem> problems) {
        List<DesignSpec.Lever> out = new ArrayList<>(levers);
        for (int i = 0; i < levers.size(); i++) {
            String path = "levers[" + i + "]";
            if (nodes.get(i).get("onlyWhen") == null) {
                continue;
            }
            Fields c = Fields.of(nodes.get(i).get("onlyWhen"), path + ".onlyWhen", problems, nodes.get(i), "lever",
                    "below", "atLeast");
            String other = c.string("lever", null);
            if (c.has("below") == c.has("atLeast")) {
                c.report(c.has("below") ? "atLeast" : "below", c.has("below") ? "both below and atLeast"
                        : "neither below nor atLeast", "one bound, e.g. below: PT24H");
                continue;
            }
            boolean below = c.has("below");
            String bound = c.string(below ? "below" : "atLeast", null);
            int target = -1;
            for (int j = 0; j < levers.size(); j++) {
                if (j != i && levers.get(j).path() != null && levers.get(j).path().equals(other)) {
                    target = j;
                }
            }
            if (other == null || bound == null) {
                continue;
            }
            if (target < 0 || nodes.get(target).get("onlyWhen") != null) {
                List<String> paths = new ArrayList<>();
                for (int j = 0; j < levers.size(); j++) {
                    if (j != i && nodes.get(j).get("onlyWhen") == null && !paths.contains(levers.get(j).path())) {
                        paths.add(levers.get(j).path());
                    }
                }
                c.report("lever", "'" + other + "'" + (target >= 0 ? ", itself conditional" : ""),
                        "the path of another, unconditional lever: " + String.join(", ", paths));
                continue;
            }
            List<Boolean> active = new ArrayList<>();
            for (String v : levers.get(target).values()) {
                Integer cmp = compare(v, bound);
                if (cmp == null) {
                    c.report(below ? "below" : "atLeast", "'" + bound + "' against the value '" + v + "' of " + other,
                            "a number or a duration, as the lever's values are");
                    active = null;
                    break;
                }
                active.add(below ? cmp < 0 : cmp >= 0);
            }
            if (active != null) {
                DesignSpec.Lever l0 = levers.get(i);
                out.set(i, new DesignSpec.Lever(l0.path(), l0.values(), l0.ordered(), l0.sets(),
                        new DesignSpec.Condition(target, active, other + (below ? " below " : " at least ") + bound)));
            }
        }
        return out;
    }

    /**
     * A {@code repeatDays} lever beside a {@code duration} lever of the same pause with values of a
     * day or more needs {@code onlyWhen}: a window of a day or more opened again on the next days
     * overlaps itself and is one longer block, the same design as a longer window once.
     */
    private static void longWindowsRepeated(List<DesignSpec.Lever> levers, List<YamlNode> nodes,
            List<Problem> problems) {
        for (int i = 0; i < levers.size(); i++) {
            String path = levers.get(i).path();
            if (path == null || !path.endsWith(".repeatDays") || levers.get(i).onlyWhen() != null
                    || nodes.get(i).get("onlyWhen") != null) {
                continue;
            }
            String duration = path.substring(0, path.length() - "repeatDays".length()) + "duration";
            for (DesignSpec.Lever other : levers) {
                List<String> longOnes = duration.equals(other.path()) ? other.values().stream()
                        .filter(v -> Fields.parseDuration(v) != null
                                && Fields.parseDuration(v).compareTo(Duration.ofDays(1)) >= 0).toList() : List.of();
                if (!longOnes.isEmpty()) {
                    YamlNode where = nodes.get(i).get("path") != null ? nodes.get(i).get("path") : nodes.get(i);
                    problems.add(Fields.at(where, "levers[" + i + "]", "repeatDays beside windows of a day or more ("
                            + String.join(", ", longOnes) + "): such a window repeated on the next days overlaps "
                            + "itself and is one longer block, a design counted twice", "onlyWhen: {lever: \"" 
                            + duration + "\", below: PT24H}"));
                }
            }
        }
    }

    /** Compares two values as durations or as numbers; null when they are neither. */
    private static Integer compare(String a, String b) {
        Duration da = Fields.parseDuration(a);
        Duration db = Fields.parseDuration(b);
        if (da != null && db != null) {
            return da.compareTo(db);
        }
        Double na = Fields.parseDouble(a);
        Double nb = Fields.parseDouble(b);
        return na != null && nb != null ? Double.compare(na, nb) : null;
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
        Scenario base;
        try {
            base = ScenarioLoader.load(spec.base(), spec.inputs(), spec.ensemble()).scenario();
        } catch (InvalidInputException e) {
            f.report(f.has("uncertainty") ? "uncertainty" : "base", "base scenario " + spec.base() + " with the inputs has "
                    + e.problems().size() + " problem(s): " + e.problems().get(0).format(), "a valid scenario");
            return;
        }
        for (int i = 0; i < spec.levers().size(); i++) {
            DesignSpec.Lever lever = spec.levers().get(i);
            YamlNode item = leverNodes.get(i);
            if (CORRIDORS.equals(lever.path()) && !lever.sets().isEmpty()) {
                // each name must be a crossing of the base; a subset that the scenario refuses (a fighter
                // group leaving by a closed corridor) is an invalid design, reported and skipped
                List<String> known = base.corridors().stream().map(Corridor::name).toList();
                List<YamlNode> names = item.get("corridors").items();
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get(k).text();
                    if (!known.contains(name)) {
                        String hint = Suggest.nearest(name, known);
                        problems.add(Fields.at(names.get(k), "levers[" + i + "].corridors[" + k + "]", "no corridor named '"
                                + name + "' in the base", hint != null ? "did you mean '" + hint + "'?"
                                : "one of " + String.join(", ", known)));
                    }
                }
                continue;
            }
            for (int v = 0; v < lever.values().size(); v++) {
                List<String> sets = new ArrayList<>(spec.inputs());
                sets.addAll(lever.sets(v));
                try {
                    ScenarioLoader.load(spec.base(), sets, ScenarioLoader.NO_ENSEMBLE);
                } catch (InvalidInputException e) {
                    Problem first = e.problems().get(0);
                    YamlNode where = item.get("path") != null ? item.get("path")
                            : item.get("corridors") != null ? item.get("corridors") : item;
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
