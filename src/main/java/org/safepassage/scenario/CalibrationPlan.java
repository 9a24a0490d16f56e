package org.safepassage.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A calibration plan file (docs/CALIBRATION.md, e.g. scenarios/calibration/episodes.yaml):
 * the behavioural parameters searched with their ranges, the episodes scored with their
 * weights, and the optimiser's settings. Loaded and checked strictly like a scenario: every
 * problem with its FILE:LINE:COL; each parameter's range ends and start are applied to the
 * first episode as overrides, so a path that does not exist or a value out of the key's range
 * is refused before any run.
 *
 * @param name identifier; names the output folder
 * @param episodes the episodes scored, in the file's order
 * @param parameters the searched parameters
 * @param optimiser the optimiser's settings
 * @param replicates runs per episode and candidate (seeds seed..seed+replicates-1: common random numbers)
 * @param patterns folder of the shipped scenarios whose pattern checks (MODEL.md 1: longer pauses move
 *        more, a front collapse sends people across) add their penalties to every candidate's score;
 *        null: none (the plan's {@code patterns:} key, relative to the plan)
 * @param file the plan file
 */
public record CalibrationPlan(String name, List<EpisodeRef> episodes, List<Parameter> parameters, Optimiser optimiser,
        int replicates, Path patterns, Path file) {

    /**
     * An episode in the plan.
     *
     * @param file the episode file
     * @param weight its weight in the score; NaN: the file's own {@code observed.weight}
     * @param sets overrides applied to it during calibration only (e.g. coarser ticks)
     */
    public record EpisodeRef(Path file, double weight, List<String> sets) {
    }

    /**
     * A searched parameter.
     *
     * @param path a behaviour key path
     * @param min lowest value searched
     * @param max highest value searched
     * @param start where the search starts (the current default, or the middle of the range)
     */
    public record Parameter(String path, double min, double max, double start) {
    }

    /**
     * The optimiser's settings (CMA-ES, Commons Math's {@code CMAESOptimizer}), in the unit cube
     * the parameters' ranges are mapped to.
     *
     * @param populationSize candidates per generation (0: 4 + 3 ln(n))
     * @param maxEvaluations most candidates scored
     * @param sigma initial step as a share of each range
     * @param seed seed of the optimiser's random numbers (not of the runs)
     */
    public record Optimiser(int populationSize, int maxEvaluations, double sigma, long seed) {
    }

    public CalibrationPlan {
        episodes = List.copyOf(episodes);
        parameters = List.copyOf(parameters);
    }

    static final String[] KEYS = {"schemaVersion", "name", "episodes", "parameters", "optimiser", "replicates",
        "patterns"};

    public static CalibrationPlan load(Path file) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = YamlSource.read(file, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        Fields f = Fields.of(tree, "", problems, null, KEYS);
        f.integer("schemaVersion", null, 1, 1);
        String name = f.string("name", null);
        Path dir = file.toAbsolutePath().getParent();
        List<EpisodeRef> episodes = new ArrayList<>();
        List<YamlNode> items = f.list("episodes", true);
        if (f.has("episodes") && items.isEmpty()) {
            f.report("episodes", "an empty list", "at least one episode file");
        }
        for (int i = 0; i < items.size(); i++) {
            Fields e = Fields.of(items.get(i), "episodes[" + i + "]", problems, f.node(), "file", "weight", "set");
            String text = e.string("file", null);
            double weight = e.has("weight") ? e.number("weight", null, 0, 1) : Double.NaN;
            List<String> sets = e.has("set") ? e.strings("set") : List.of();
            if (text == null) {
                continue;
            }
            Path p = dir.resolve(text).normalize();
            if (!Files.isRegularFile(p)) {
                e.report("file", "no file " + p, "an episode file, relative to the plan");
                continue;
            }
            episodes.add(new EpisodeRef(p, weight, sets));
        }
        List<Parameter> parameters = new ArrayList<>();
        List<YamlNode> params = f.list("parameters", true);
        if (f.has("parameters") && params.isEmpty()) {
            f.report("parameters", "an empty list", "at least one parameter to search");
        }
        for (int i = 0; i < params.size(); i++) {
            Fields p = Fields.of(params.get(i), "parameters[" + i + "]", problems, f.node(), "path", "min", "max", "start");
            String path = p.string("path", null);
            if (path != null && !path.startsWith("behaviour.")) {
                p.report("path", "'" + path + "'", "a behaviour key path (behaviour.weights.trust): only behaviour "
                        + "is calibrated, never a scenario's facts");
            }
            double min = p.number("min", null, -1e12, 1e12);
            double max = p.number("max", null, -1e12, 1e12);
            if (min >= max) {
                p.report("max", "max " + Fields.fmt(max) + " not above min " + Fields.fmt(min), "min < max");
            }
            double start = p.number("start", (min + max) / 2, -1e12, 1e12);
            if (p.has("start") && (start < min || start > max)) {
                p.report("start", "start " + Fields.fmt(start) + " outside [" + Fields.fmt(min) + ", " + Fields.fmt(max)
                        + "]", "a start within the range");
            }
            parameters.add(new Parameter(path, min, max, start));
        }
        Fields o = f.child("optimiser", "method", "populationSize", "maxEvaluations", "sigma", "seed");
        String method = o.string("method", "cma-es");
        if (!"cma-es".equals(method)) {
            o.report("method", "'" + method + "'", "cma-es");
        }
        Optimiser optimiser = new Optimiser((int) o.integer("populationSize", 0L, 0, 10_000),
                (int) o.integer("maxEvaluations", 200L, 1, 10_000_000), o.number("sigma", 0.3, 1e-6, 1),
                o.integer("seed", 1L, Long.MIN_VALUE + 1, Long.MAX_VALUE));
        int replicates = (int) f.integer("replicates", 1L, 1, 10_000);
        Path patterns = null;
        if (f.has("patterns")) {
            String folder = f.string("patterns", null);
            if (folder != null) {
                patterns = dir.resolve(folder).normalize();
                if (!Files.isRegularFile(patterns.resolve("pause-11h.yaml"))) {
                    f.report("patterns", "no pause-11h.yaml in " + patterns,
                            "the folder of the shipped scenarios (pause-11h/24h/4d.yaml, east-aleppo.yaml), relative to the plan");
                    patterns = null;
                }
            }
        }
        if (problems.isEmpty()) {
            probe(episodes.get(0), parameters, params, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CalibrationPlan(name, episodes, parameters, optimiser, replicates, patterns, file);
    }

    /** Each parameter's ends and start must load into the first episode. */
    private static void probe(EpisodeRef first, List<Parameter> parameters, List<YamlNode> items, List<Problem> problems) {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            for (double v : new double[] {p.min(), p.max(), p.start()}) {
                List<String> sets = new ArrayList<>(first.sets());
                sets.add(p.path() + "=" + Fields.fmt(v));
                try {
                    ScenarioLoader.load(first.file(), sets);
                } catch (InvalidInputException e) {
                    Problem bad = e.problems().get(0);
                    problems.add(Fields.at(items.get(i), "parameters[" + i + "]", "value " + Fields.fmt(v) + " for "
                            + p.path() + ": " + bad.found(), bad.expected()));
                    break;
                }
            }
        }
    }
}
