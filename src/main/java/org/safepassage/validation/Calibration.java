package org.safepassage.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;

/**
 * Searches one set of behavioural parameters for all episodes at once (docs/CALIBRATION.md).
 * Every candidate is a list of {@code --set} overrides applied to every episode file, so the
 * loader checks it like a file and nothing but the named keys differs between candidates.
 * <ol>
 * <li>The current defaults are scored first (the "before").</li>
 * <li>Global stage: a Latin hypercube over the whole search space.</li>
 * <li>Local stage: a Latin hypercube over a box around the best point so far, each side
 * {@code shrink} times the range, clipped to the range.</li>
 * <li>Confirmation: the best few by score are run again with more replicates.</li>
 * <li>Pattern gate: candidates in order of score (confirmed ones by their confirmed score
 * first) are checked against the strict patterns of {@link Patterns#gate}; the first that
 * passes wins. Without a gate (or when none passes) the best confirmed score wins.</li>
 * </ol>
 * A candidate's score is {@link Validation#score(List)}: the mean over episodes of the mean
 * absolute log10 error (lower is better). Replicates use the episodes' seeds (seed, seed + 1,
 * ...), so all candidates are compared on common random numbers.
 */
public final class Calibration {

    /** A searched parameter: a scenario key path and its range. */
    public record Parameter(String path, double min, double max) {
    }

    /**
     * One scored candidate.
     *
     * @param index 0 for the defaults, then in order of evaluation
     * @param stage "defaults", "global", "local" or "confirm"
     * @param values one value per parameter; NaN for the defaults (nothing set)
     * @param replicates runs per episode
     * @param results per episode
     * @param patterns the pattern checks (empty when not checked)
     * @param score mean over episodes of their mean |log10 error|, plus the patterns' penalties
     */
    public record Candidate(int index, String stage, double[] values, int replicates, List<EpisodeResult> results,
            List<Patterns.Check> patterns, double score) {

        /** The episodes' part of the score. */
        public double episodeScore() {
            return Validation.score(results);
        }
    }

    /**
     * Settings of a search.
     *
     * @param globalSamples points of the global Latin hypercube
     * @param localSamples points of the local Latin hypercube
     * @param shrink side of the local box as a share of each range
     * @param replicates runs per episode in the two stages
     * @param confirm how many of the best are run again
     * @param confirmReplicates runs per episode in the confirmation
     * @param seed seed of the designs (not of the runs)
     * @param threads candidates evaluated side by side
     * @param scenarios folder of the shipped scenarios for the {@link Patterns} checks; null: no checks
     * @param gate how many candidates the strict pattern gate may check (0: no gate)
     */
    public record Settings(int globalSamples, int localSamples, double shrink, int replicates, int confirm,
            int confirmReplicates, long seed, int threads, Path scenarios, int gate) {
    }

    /** A candidate checked by the strict pattern gate. */
    public record Gated(Candidate candidate, Patterns.Gate gate) {
    }

    /** What a search found; {@code best} passed the gate when {@code gated} has a passing entry. */
    public record Outcome(List<Parameter> space, Candidate defaults, Candidate defaultsConfirmed,
            List<Candidate> candidates, List<Candidate> confirmed, List<Gated> gated, Candidate best) {
    }

    /**
     * The search space: the weights of MODEL.md 6.1, the ceiling rate, and the information
     * parameters of 6.3. Movement and corridor choice are physical or secondary and left out.
     */
    public static final List<Parameter> SPACE = List.of(
            new Parameter("behaviour.maxDecisionRatePerHour", 0.02, 1.0),
            new Parameter("behaviour.weights.intercept", -12, 0),
            new Parameter("behaviour.weights.trust", 0, 16),
            new Parameter("behaviour.weights.monitored", 0, 8),
            new Parameter("behaviour.weights.transport", 0, 3),
            new Parameter("behaviour.weights.destinationChoice", 0, 8),
            new Parameter("behaviour.weights.localDanger", 0, 4),
            new Parameter("behaviour.weights.hardship", 0, 6),
            new Parameter("behaviour.weights.woundedMember", 0, 3),
            new Parameter("behaviour.weights.socialProof", 0, 4),
            new Parameter("behaviour.weights.attachment", 0, 12),
            new Parameter("behaviour.weights.clashNews", 0, 8),
            new Parameter("behaviour.weights.fighterControl", 0, 4),
            new Parameter("behaviour.weights.screeningRisk", 0, 8),
            new Parameter("behaviour.weights.timePressure", 0, 8),
            new Parameter("behaviour.information.wordOfMouthRatePerHour", 0.02, 1.0),
            new Parameter("behaviour.information.crossingNewsRatePerHour", 0.02, 1.0),
            new Parameter("behaviour.information.trustGainPerCrossingPercent", 0, 0.05),
            new Parameter("behaviour.information.trustLossPerClash", 0, 0.2),
            new Parameter("behaviour.information.newsDecayHours", 2, 48),
            new Parameter("behaviour.information.socialProofSaturationShare", 0.05, 0.5));

    private Calibration() {
    }

    /**
     * A Latin hypercube of {@code n} points in the unit cube of {@code dims} dimensions: each
     * dimension cut into n equal strata, one point in each stratum (uniform within it), the
     * strata of the dimensions paired by independent random permutations.
     */
    public static double[][] latinHypercube(int n, int dims, RandomGenerator rng) {
        double[][] points = new double[n][dims];
        for (int d = 0; d < dims; d++) {
            int[] strata = MathArrays.natural(n);
            MathArrays.shuffle(strata, rng);
            for (int i = 0; i < n; i++) {
                points[i][d] = (strata[i] + rng.nextDouble()) / n;
            }
        }
        return points;
    }

    /** The {@code --set} overrides of a candidate. */
    public static List<String> sets(List<Parameter> space, double[] values) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < space.size(); i++) {
            if (!Double.isNaN(values[i])) {
                sets.add(space.get(i).path() + "=" + format(values[i]));
            }
        }
        return sets;
    }

    /** Four significant digits: what goes into files. */
    public static String format(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Scores one candidate over all episodes. */
    public static List<EpisodeResult> evaluate(List<Path> episodes, List<String> sets, int replicates)
            throws InvalidInputException {
        List<EpisodeResult> results = new ArrayList<>();
        for (Path file : episodes) {
            Episode e = ScenarioLoader.loadEpisode(file, sets);
            results.add(Validation.run(e, replicates, null));
        }
        return results;
    }

    /** Scores one candidate: its episodes and, when a scenarios folder is given, the patterns. */
    static Candidate candidate(int index, String stage, double[] values, List<Parameter> space, List<Path> episodes,
            int replicates, Path scenarios) throws InvalidInputException {
        List<String> sets = sets(space, values);
        List<EpisodeResult> results = evaluate(episodes, sets, replicates);
        List<Patterns.Check> checks = scenarios == null ? List.of() : Patterns.evaluate(scenarios, sets);
        return new Candidate(index, stage, values, replicates, results, checks,
                Validation.score(results) + Patterns.penalty(checks));
    }

    /**
     * Runs the search.
     *
     * @param progress told each candidate when it has been scored
     */
    public static Outcome run(List<Path> episodes, List<Parameter> space, Settings s, Consumer<Candidate> progress,
            Consumer<Gated> gateProgress) throws InvalidInputException, InterruptedException {
        double[] none = new double[space.size()];
        java.util.Arrays.fill(none, Double.NaN);
        Candidate defaults = candidate(0, "defaults", none, space, episodes, s.replicates(), s.scenarios());
        progress.accept(defaults);
        RandomGenerator rng = new Well19937c(s.seed());
        List<Candidate> all = new ArrayList<>();
        all.add(defaults);
        List<double[]> global = new ArrayList<>();
        for (double[] u : latinHypercube(s.globalSamples(), space.size(), rng)) {
            global.add(scale(space, u, null, 1.0));
        }
        all.addAll(evaluateAll(episodes, space, global, "global", 1, s, s.replicates(), progress));
        Candidate bestSoFar = all.stream().min(Comparator.comparingDouble(Candidate::score)).orElseThrow();
        double[] centre = Double.isNaN(bestSoFar.values()[0]) ? null : bestSoFar.values();
        List<double[]> local = new ArrayList<>();
        for (double[] u : latinHypercube(s.localSamples(), space.size(), rng)) {
            local.add(scale(space, u, centre, s.shrink()));
        }
        all.addAll(evaluateAll(episodes, space, local, "local", all.size(), s, s.replicates(), progress));
        List<double[]> top = all.stream().filter(c -> !c.stage().equals("defaults"))
                .sorted(Comparator.comparingDouble(Candidate::score)).limit(s.confirm())
                .map(Candidate::values).toList();
        List<Candidate> confirmed = new ArrayList<>(evaluateAll(episodes, space, top, "confirm", all.size(), s,
                s.confirmReplicates(), progress));
        Candidate defaultsConfirmed = candidate(0, "defaults", none, space, episodes, s.confirmReplicates(),
                s.scenarios());
        progress.accept(defaultsConfirmed);
        Candidate best = confirmed.stream().min(Comparator.comparingDouble(Candidate::score)).orElse(defaultsConfirmed);
        if (defaultsConfirmed.score() < best.score()) {
            best = defaultsConfirmed;
        }
        List<Gated> gated = new ArrayList<>();
        if (s.scenarios() != null && s.gate() > 0) {
            for (Candidate c : gateOrder(all, confirmed)) {
                if (gated.size() >= s.gate()) {
                    break;
                }
                Gated g = new Gated(c, Patterns.gate(s.scenarios(), sets(space, c.values())));
                gated.add(g);
                gateProgress.accept(g);
                if (g.gate().passed()) {
                    best = c;
                    break;
                }
            }
        }
        return new Outcome(space, defaults, defaultsConfirmed, all, confirmed, gated, best);
    }

    /** Confirmed candidates by confirmed score, then the others (not confirmed) by their score. */
    static List<Candidate> gateOrder(List<Candidate> all, List<Candidate> confirmed) {
        List<Candidate> order = new ArrayList<>(confirmed);
        order.sort(Comparator.comparingDouble(Candidate::score));
        all.stream().filter(c -> !c.stage().equals("defaults"))
                .filter(c -> confirmed.stream().noneMatch(k -> java.util.Arrays.equals(k.values(), c.values())))
                .sorted(Comparator.comparingDouble(Candidate::score)).forEach(order::add);
        return order;
    }

    /** Maps a unit-cube point into the ranges, or into a box of side {@code shrink × range} around {@code centre}. */
    static double[] scale(List<Parameter> space, double[] u, double[] centre, double shrink) {
        double[] v = new double[space.size()];
        for (int i = 0; i < v.length; i++) {
            Parameter p = space.get(i);
            double range = p.max() - p.min();
            double lo = p.min();
            double hi = p.max();
            if (centre != null) {
                lo = Math.max(p.min(), centre[i] - shrink * range / 2);
                hi = Math.min(p.max(), centre[i] + shrink * range / 2);
            }
            v[i] = lo + u[i] * (hi - lo);
        }
        return v;
    }

    private static List<Candidate> evaluateAll(List<Path> episodes, List<Parameter> space, List<double[]> points,
            String stage, int firstIndex, Settings s, int replicates, Consumer<Candidate> progress)
            throws InvalidInputException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()));
        try {
            List<Future<Candidate>> futures = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                double[] values = points.get(i);
                int index = firstIndex + i;
                futures.add(pool.submit(() -> {
                    Candidate c = candidate(index, stage, values, space, episodes, replicates, s.scenarios());
                    synchronized (progress) {
                        progress.accept(c);
                    }
                    return c;
                }));
            }
            List<Candidate> out = new ArrayList<>();
            for (Future<Candidate> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InvalidInputException bad) {
                        throw bad;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A one-line description of a candidate, for progress output. */
    public static String describe(Candidate c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "#%d %s score %.3f (", c.index(), c.stage(),
                c.score()));
        for (int i = 0; i < c.results().size(); i++) {
            EpisodeResult r = c.results().get(i);
            b.append(i > 0 ? ", " : "").append(r.name()).append(String.format(Locale.ROOT, " %.3f", r.meanAbsLog10Error()));
        }
        for (Patterns.Check p : c.patterns()) {
            b.append(String.format(Locale.ROOT, ", %s %.3f [%s]", p.name(), p.penalty(), p.detail()));
        }
        return b.append(')').toString();
    }
}
