package org.safepassage.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;

/**
 * Calibration driven by a plan file ({@link CalibrationPlan}, docs/CALIBRATION.md): CMA-ES
 * (Commons Math's {@code CMAESOptimizer}) over the unit cube the parameters' ranges map to,
 * minimising the weighted mean episode error ({@link Validation#score}) plus, when the plan names
 * the shipped scenarios, the penalties of the {@link Patterns} checks. Every candidate
 * runs the same seeds (common random numbers); its episodes run side by side on a thread
 * pool; each scored candidate goes to the {@link Journal} at once and is read back from it
 * when the same search is run again, so a stopped calibration resumes where it was (CMA-ES
 * with the same seed proposes the same candidates when it is given the same scores).
 */
public final class CmaesCalibration {

    /** One scored candidate; {@code values} are NaN for "the current defaults" (nothing set). */
    public record Candidate(int evaluation, double[] values, double score, Map<String, Double> errors, double seconds,
            boolean fromJournal) {
    }

    /**
     * A search's result: the defaults (before), the plan's start, the best candidate (the
     * defaults when nothing the search scored beats them), the best the search itself scored
     * (start or optimiser), and how many were scored.
     */
    public record Fit(String fold, Candidate defaults, Candidate start, Candidate best, Candidate searched,
            int evaluations) {
    }

    /**
     * Where candidates the journal does not know are scored elsewhere (a cluster's job array):
     * each is handed over and stands in with a NaN score until {@link #needScores} is called at a
     * point where the search cannot go on without the scores (after the defaults and the start,
     * after each CMA-ES generation, after a left-out score). It then stops the search by throwing
     * when anything was handed over; the caller scores those, adds them to the journal, and runs
     * the same search again, which proposes the same candidates (everything it saw is the same)
     * and finds them in the journal.
     */
    public interface Elsewhere {
        void pending(String fold, int evaluation, double[] values, List<CalibrationPlan.EpisodeRef> episodes);

        void needScores();
    }

    /** Key of the pattern penalty among a candidate's errors (never an episode's name: those have no parentheses). */
    public static final String PATTERNS = "(patterns)";

    private final CalibrationPlan plan;
    private final ExecutorService pool;
    private final Journal journal;
    private final Elsewhere elsewhere;

    public CmaesCalibration(CalibrationPlan plan, ExecutorService pool, Journal journal) {
        this(plan, pool, journal, null);
    }

    public CmaesCalibration(CalibrationPlan plan, ExecutorService pool, Journal journal, Elsewhere elsewhere) {
        this.plan = plan;
        this.pool = pool;
        this.journal = journal;
        this.elsewhere = elsewhere;
    }

    /** Stops the search (see {@link Elsewhere}) when candidates are waiting for scores from elsewhere. */
    public void needScores() {
        if (elsewhere != null) {
            elsewhere.needScores();
        }
    }

    /** The {@code --set} overrides of a candidate (none for the defaults). */
    public List<String> sets(double[] values) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                sets.add(plan.parameters().get(i).path() + "=" + values[i]);
            }
        }
        return sets;
    }

    /**
     * Scores a candidate on the given episodes: per episode its mean |log10 error| over the
     * plan's replicates, and the weighted mean (weights from the plan, else the files').
     */
    public Candidate score(String fold, int evaluation, double[] values, List<CalibrationPlan.EpisodeRef> episodes)
            throws InvalidInputException, InterruptedException {
        Journal.Entry known = journal.find(fold, values);
        if (known != null) {
            return new Candidate(evaluation, values, known.score(), known.errors(), known.seconds(), true);
        }
        if (elsewhere != null) {
            elsewhere.pending(fold, evaluation, values, episodes);
            return new Candidate(evaluation, values, Double.NaN, Map.of(), 0, false);
        }
        long started = System.nanoTime();
        List<String> sets = sets(values);
        // The pattern checks run beside the episodes on the same pool (their own fixed seeds).
        Future<Double> patterns = plan.patterns() == null ? null
                : pool.submit(() -> Patterns.penalty(Patterns.evaluate(plan.patterns(), sets)));
        List<Future<EpisodeResult>> futures = new ArrayList<>();
        double[] weights = new double[episodes.size()];
        for (int i = 0; i < episodes.size(); i++) {
            CalibrationPlan.EpisodeRef ref = episodes.get(i);
            List<String> all = new ArrayList<>(ref.sets());
            all.addAll(sets);
            Episode e = ScenarioLoader.loadEpisode(ref.file(), all);
            weights[i] = Double.isNaN(ref.weight()) ? e.observed().weight() : ref.weight();
            futures.add(pool.submit(() -> Validation.run(e, plan.replicates(), null)));
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        double num = 0;
        double den = 0;
        for (int i = 0; i < futures.size(); i++) {
            EpisodeResult r;
            try {
                r = futures.get(i).get();
            } catch (ExecutionException ex) {
                throw new IllegalStateException("episode " + episodes.get(i).file() + ": " + ex.getCause(), ex.getCause());
            }
            errors.put(r.name(), r.meanAbsLog10Error());
            num += weights[i] * r.meanAbsLog10Error();
            den += weights[i];
        }
        double score = den > 0 ? num / den : Double.NaN;
        if (patterns != null) {
            double penalty;
            try {
                penalty = patterns.get();
            } catch (ExecutionException ex) {
                throw new IllegalStateException("pattern checks: " + ex.getCause(), ex.getCause());
            }
            errors.put(PATTERNS, penalty);
            score += penalty;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            journal.append(new Journal.Entry(fold, values, score, seconds, errors));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Candidate(evaluation, values, score, errors, seconds, false);
    }

    /**
     * Runs CMA-ES on {@code episodes} (all of the plan's, or all but one for a fold of the
     * leave-one-episode-out cross-validation).
     *
     * @param maxEvaluations most candidates scored by the optimiser (the defaults and the start come on top)
     * @param progress told each scored candidate
     */
    public Fit fit(String fold, List<CalibrationPlan.EpisodeRef> episodes, int maxEvaluations,
            Consumer<Candidate> progress) throws InvalidInputException, InterruptedException {
        int n = plan.parameters().size();
        double[] none = new double[n];
        Arrays.fill(none, Double.NaN);
        Candidate defaults = score(fold, 0, none, episodes);
        report(progress, defaults);
        double[] startUnit = new double[n];
        double[] startValues = new double[n];
        for (int i = 0; i < n; i++) {
            CalibrationPlan.Parameter p = plan.parameters().get(i);
            startValues[i] = p.start();
            startUnit[i] = (p.start() - p.min()) / (p.max() - p.min());
        }
        Candidate start = score(fold, 1, startValues, episodes);
        report(progress, start);
        needScores();
        Candidate[] best = {start};
        int[] count = {1};
        Exception[] failure = {null};
        int lambda = plan.optimiser().populationSize() > 0 ? plan.optimiser().populationSize()
                : 4 + (int) Math.floor(3 * Math.log(n));
        ObjectiveFunction f = new ObjectiveFunction(unit -> {
            if (failure[0] != null) {
                return Double.MAX_VALUE;
            }
            double[] values = toValues(unit);
            try {
                Candidate c = score(fold, ++count[0], values, episodes);
                report(progress, c);
                // Call k of the optimiser: 1 is the start point, then generations of lambda calls;
                // the points of a generation do not depend on its scores, only the next one's do.
                int call = count[0] - 1;
                if ((call - 1) % lambda == 0 || call == maxEvaluations) {
                    needScores();
                }
                if (c.score() < best[0].score()) {
                    best[0] = c;
                }
                return c.score();
            } catch (InvalidInputException | InterruptedException ex) {
                failure[0] = ex;
                return Double.MAX_VALUE;
            }
        });
        double[] sigma = new double[n];
        Arrays.fill(sigma, plan.optimiser().sigma());
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1.0);
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
                new MersenneTwister(plan.optimiser().seed()), false, null);
        try {
            cmaes.optimize(new MaxEval(maxEvaluations), f, GoalType.MINIMIZE, new InitialGuess(startUnit),
                    new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (TooManyEvaluationsException done) {
            // The budget is spent: the best so far is the answer.
        }
        if (failure[0] instanceof InvalidInputException bad) {
            throw bad;
        }
        if (failure[0] instanceof InterruptedException stop) {
            throw stop;
        }
        Candidate chosen = defaults.score() <= best[0].score() ? defaults : best[0];
        return new Fit(fold, defaults, start, chosen, best[0], count[0] - 1);
    }

    private static void report(Consumer<Candidate> progress, Candidate c) {
        if (!Double.isNaN(c.score()) || !c.errors().isEmpty()) {
            progress.accept(c);
        }
    }

    private double[] toValues(double[] unit) {
        double[] v = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            CalibrationPlan.Parameter p = plan.parameters().get(i);
            // Ten significant digits: the start comes back as itself, and journal keys are stable.
            double raw = p.min() + Math.max(0, Math.min(1, unit[i])) * (p.max() - p.min());
            v[i] = new java.math.BigDecimal(raw).round(new java.math.MathContext(10)).doubleValue();
        }
        return v;
    }

    /** The episodes of the plan but the one at {@code leftOut}. */
    public List<CalibrationPlan.EpisodeRef> without(int leftOut) {
        List<CalibrationPlan.EpisodeRef> rest = new ArrayList<>(plan.episodes());
        rest.remove(leftOut);
        return rest;
    }

    /** Candidates ordered best first (for reports). */
    public static Comparator<Candidate> byScore() {
        return Comparator.comparingDouble(Candidate::score);
    }
}
