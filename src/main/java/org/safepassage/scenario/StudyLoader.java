package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a study file (a sweep over a base scenario) and checks it, including that every
 * varied key path exists in the base scenario and that each listed value gives a valid scenario.
 */
public final class StudyLoader {

    /** Summary figures a study may name as outputs. */
    public static final List<String> OUTPUTS = List.of("evacuated", "evacuatedFraction",
            "evacuatedThroughCorridors", "leftAcrossFront", "killed", "detained", "remaining",
            "fightersEvacuated", "peakQueue", "timeToHalfHours", "pauseOpenHours");

    private StudyLoader() {
    }

    public static Study load(Path file) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = YamlSource.read(file, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        Fields f = Fields.of(tree, "", problems, null, "schemaVersion", "name", "base", "parameters", "design",
                "samples", "replicates", "seed", "outputs");
        f.integer("schemaVersion", null, 1, 1);
        String name = f.string("name", null);
        PlainText.refuseControl(tree.get("name"), "name", "a name", problems);
        String baseText = f.string("base", null);
        Path base = null;
        if (f.has("base")) {
            Path dir = file.getParent();
            try {
                base = dir == null ? Path.of(baseText) : dir.resolve(baseText).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                f.report("base", "'" + baseText + "' is not a file path (" + e.getReason() + ")",
                        "the path of a scenario file");
            }
        }
        int beforeDesign = problems.size();
        Study.Design design = f.choice("design", Study.Design.FACTORIAL, Study.Design.class);
        boolean designOk = problems.size() == beforeDesign;
        long samples = f.integer("samples", 64L, 1, 1_000_000);
        long replicates = f.integer("replicates", 30L, 1, 100_000);
        long seed = f.integer("seed", 1L, Long.MIN_VALUE + 1, Long.MAX_VALUE);
        List<String> outputs = f.has("outputs") ? f.strings("outputs") : List.of("evacuated", "killed", "remaining");
        List<YamlNode> outputNodes = f.list("outputs", false);
        for (int i = 0; i < outputNodes.size() && i < outputs.size(); i++) {
            if (!OUTPUTS.contains(outputs.get(i))) {
                String hint = Suggest.nearest(outputs.get(i), OUTPUTS);
                problems.add(Fields.at(outputNodes.get(i), "outputs[" + i + "]", "output '" + outputs.get(i) + "'",
                        hint != null ? "did you mean '" + hint + "'?" : "one of " + String.join(", ", OUTPUTS)));
            }
        }
        List<Study.Parameter> parameters = new ArrayList<>();
        List<YamlNode> items = f.list("parameters", true);
        if (f.has("parameters") && items.isEmpty()) {
            f.report("parameters", "an empty list", "at least one parameter to vary");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "parameters[" + i + "]";
            Fields p = Fields.of(items.get(i), path, problems, f.node(), "path", "values", "min", "max");
            String keyPath = p.string("path", null);
            if (PlainText.refuseControl(items.get(i).get("path"), path + ".path", "a key path", problems)) {
                keyPath = null;
            } else if (p.has("path")) {
                try {
                    KeyPath.parse(keyPath);
                } catch (IllegalArgumentException e) {
                    p.report("path", "'" + keyPath + "': " + e.getMessage(), "a key path such as pauses[0].duration");
                }
            }
            List<String> values = new ArrayList<>();
            double min = Double.NaN;
            double max = Double.NaN;
            if (!designOk) {
                // Values or a range depend on the design, which is already reported as wrong.
                parameters.add(new Study.Parameter(keyPath, values, min, max));
                continue;
            }
            if (design == Study.Design.FACTORIAL) {
                List<YamlNode> valueNodes = p.list("values", true);
                for (int k = 0; k < valueNodes.size(); k++) {
                    YamlNode v = valueNodes.get(k);
                    if (!v.isScalar() || v.text() == null) {
                        problems.add(Fields.at(v, path + ".values", "found " + v.describe(), "plain values"));
                    } else if (!PlainText.refuseControl(v, path + ".values[" + k + "]", "a value", problems)) {
                        values.add(v.text());
                    }
                }
                if (p.has("values") && values.isEmpty()) {
                    p.report("values", "an empty list", "at least one value");
                }
                if (p.has("min") || p.has("max")) {
                    p.report(p.has("min") ? "min" : "max", "a range in a factorial design",
                            "values: [...] (ranges are for lhs and sobol designs)");
                }
            } else {
                min = p.number("min", null, -1e12, 1e12);
                max = p.number("max", null, -1e12, 1e12);
                if (min >= max) {
                    p.report("max", "max " + Fields.fmt(max) + " not above min " + Fields.fmt(min), "min < max");
                }
                if (p.has("values")) {
                    p.report("values", "listed values in a " + design.name().toLowerCase() + " design",
                            "min and max (values are for factorial designs)");
                }
            }
            parameters.add(new Study.Parameter(keyPath, values, min, max));
        }
        if (problems.isEmpty()) {
            checkSize(design, parameters, samples, replicates, f);
        }
        Study study = new Study(name, base, parameters, design, (int) samples, (int) replicates, seed, outputs, file);
        if (problems.isEmpty() && base != null) {
            checkAgainstBase(study, f, items, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return study;
    }

    /** Design points and runs within {@link Limits}, before anything is built. */
    private static void checkSize(Study.Design design, List<Study.Parameter> parameters, long samples,
            long replicates, Fields f) {
        List<Integer> counts = parameters.stream().map(p -> p.values().size()).toList();
        java.math.BigInteger points = Limits.points(design, counts, samples);
        java.math.BigInteger runs = points.multiply(java.math.BigInteger.valueOf(replicates));
        String sizes = design == Study.Design.FACTORIAL ? "" : " (" + samples + " samples x " + (counts.size() + 2)
                + " points each)";
        if (points.compareTo(java.math.BigInteger.valueOf(Limits.MAX_POINTS)) > 0) {
            f.report(design == Study.Design.FACTORIAL ? "parameters" : "samples", points + " design points" + sizes,
                    "at most " + Limits.MAX_POINTS + " (docs/SCENARIO-FORMAT.md, Limits)");
        } else if (runs.compareTo(java.math.BigInteger.valueOf(Limits.MAX_RUNS)) > 0) {
            f.report(f.has("replicates") ? "replicates" : "parameters", points + " points x " + replicates
                    + " replicates = " + runs + " runs (runs.csv about "
                    + Limits.bytes(Limits.runsCsvBytes(runs.longValue(), counts.size())) + ")",
                    "at most " + Limits.MAX_RUNS + " runs (docs/SCENARIO-FORMAT.md, Limits)");
        }
    }

    /** Each value (or range end) must load into a valid scenario. */
    private static void checkAgainstBase(Study study, Fields f, List<YamlNode> items, List<Problem> problems) {
        try {
            ScenarioLoader.load(study.base(), List.of());
        } catch (InvalidInputException e) {
            f.report("base", "base scenario " + study.base() + " has " + e.problems().size() + " problem(s): "
                    + e.problems().get(0).format(), "a valid scenario");
            return;
        }
        for (int i = 0; i < study.parameters().size(); i++) {
            Study.Parameter p = study.parameters().get(i);
            List<String> probe = p.isRange() ? List.of(Fields.fmt(p.min()), Fields.fmt(p.max())) : p.values();
            for (int v = 0; v < probe.size(); v++) {
                try {
                    ScenarioLoader.load(study.base(), List.of(p.path() + "=" + probe.get(v)));
                } catch (InvalidInputException e) {
                    Problem first = e.problems().get(0);
                    if ("--set".equals(first.file()) && first.column() == 1 && items.get(i).get("path") != null) {
                        // The path itself does not fit the base: say so once, at the path.
                        problems.add(Fields.at(items.get(i).get("path"), "parameters[" + i + "].path",
                                first.found(), first.expected()));
                        break;
                    }
                    YamlNode where = items.get(i);
                    YamlNode values = where.get(p.isRange() ? (v == 0 ? "min" : "max") : "values");
                    if (values != null && values.isSequence() && v < values.items().size()) {
                        where = values.items().get(v);
                    } else if (values != null) {
                        where = values;
                    }
                    problems.add(Fields.at(where, "parameters[" + i + "]", "value '" + probe.get(v) + "' for "
                            + p.path() + ": " + first.found(), first.expected()));
                }
            }
        }
    }
}
