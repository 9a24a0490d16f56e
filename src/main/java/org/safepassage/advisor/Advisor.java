package org.safepassage.advisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.NondominatedSorting;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Population;
import org.moeaframework.core.Solution;
import org.moeaframework.core.attribute.CrowdingDistance;
import org.moeaframework.core.attribute.Rank;
import org.moeaframework.core.initialization.InjectedInitialization;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.problem.AbstractProblem;
import org.safepassage.experiment.Seeds;
import org.safepassage.scenario.DesignSpec;

/**
 * The search. Stage 0: NSGA-II (MOEA Framework) proposes designs, each run in the first
 * {@code stages[0]} states of the world, until {@code candidates} distinct designs have been
 * considered (or the whole lever space). Then successive halving: at each later stage the
 * designs are sorted into fronts on the previous stage's runs (constraint-domination: a design
 * within the risk bounds beats one outside them) and only the first front plus the best of the
 * next fronts, {@code keep} of them in all, and at most as many designs not shown worse than the
 * leader, are run in more states; the last stage confirms the first front in {@code stages[last]}
 * states, and its own first front is the Pareto front of robust designs.
 */
public final class Advisor {

    /** The seed stream NSGA-II draws from (crossover, mutation, tournaments). */
    static final long SEARCH_STREAM = 19;

    /**
     * A design scored on its first {@code replicates} states of the world.
     *
     * @param objectives each objective's statistic, in the design file's order and sign
     * @param shares each constraint's share of runs within its bound
     * @param violation the sum over constraints of the share missing
     */
    public record Scored(Candidate candidate, int replicates, double[] objectives, double[] shares, double violation) {
        public boolean feasible() {
            return violation <= 0;
        }
    }

    /**
     * How many designs a stage ran and in how many states.
     *
     * @param contenders of those, how many were outside the kept share but not shown worse on the
     *     first objective than the previous stage's leader (so they raced on)
     */
    public record Stage(int replicates, int designs, int contenders) {
    }

    /**
     * The recommended design's regret on the first objective's figure: in each state of the world,
     * how much worse it did than the front design that did best in that state.
     */
    public record Regret(String figure, double[] perState, double mean, double p90, double max,
            Map<Candidate, Integer> bestIn) {
    }

    /** Everything a search found. */
    public record Result(DesignSpec spec, List<Scored> considered, List<Scored> front, Scored recommended,
            Regret regret, List<Stage> stages, Map<Candidate, String> invalid, int runsKept,
            int runsWithoutRacing, int ranNow, int fromJournal,
            Map<Candidate, TreeMap<Integer, Evaluation>> runs) {
    }

    private final DesignSpec spec;
    private final Evaluator evaluator;
    /** Designs run in a later stage only because the paired test could not show them worse. */
    private int keptAsContenders;

    Advisor(DesignSpec spec, Evaluator evaluator) {
        this.spec = spec;
        this.evaluator = evaluator;
    }

    /**
     * The number of distinct designs (capped at Long.MAX_VALUE): the product of the levers' sizes,
     * where a lever that matters only for some values of another ({@code onlyWhen}) counts once for
     * the other values.
     */
    static long spaceSize(DesignSpec spec) {
        List<DesignSpec.Lever> levers = spec.levers();
        long n = 1;
        for (int r = 0; r < levers.size(); r++) {
            DesignSpec.Lever lever = levers.get(r);
            if (lever.onlyWhen() != null) {
                continue;
            }
            long factor = 0;
            for (int v = 0; v < lever.values().size(); v++) {
                long designs = 1;
                for (DesignSpec.Lever l : levers) {
                    if (l.onlyWhen() != null && l.onlyWhen().lever() == r && l.onlyWhen().active().get(v)) {
                        designs = times(designs, l.values().size());
                    }
                }
                factor = factor + designs < 0 ? Long.MAX_VALUE : factor + designs;
            }
            n = times(n, factor);
        }
        return n;
    }

    private static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    Result run() throws IOException, InterruptedException {
        List<Integer> stages = spec.search().stages();
        List<Candidate> considered = search(stages.get(0));
        List<Stage> stageLog = new ArrayList<>();
        List<Candidate> survivors = new ArrayList<>();
        for (Candidate c : considered) {
            if (!evaluator.isInvalid(c)) {
                survivors.add(c);
            }
        }
        survivors.sort((a, b) -> Arrays.compare(a.index(), b.index()));
        stageLog.add(new Stage(stages.get(0), survivors.size(), 0));
        for (int k = 1; k < stages.size(); k++) {
            List<Scored> scored = score(survivors, stages.get(k - 1));
            int contendersBefore = keptAsContenders;
            survivors = k == stages.size() - 1 ? firstFront(scored) : keep(scored, spec.search().keep());
            evaluator.expect(evaluator.missing(survivors, stages.get(k)) + runsAfter(spec, survivors.size(), k));
            evaluator.ensure(survivors, stages.get(k));
            evaluator.needScores();
            stageLog.add(new Stage(stages.get(k), survivors.size(), keptAsContenders - contendersBefore));
        }
        evaluator.expect(0);
        int last = stages.get(stages.size() - 1);
        List<Scored> finalScores = score(survivors, last);
        List<Scored> front = frontOf(finalScores, ranks(finalScores, new double[finalScores.size()]));
        Scored recommended = recommend(front);
        Regret regret = recommended == null ? null : regret(front, recommended, last);
        List<Scored> all = new ArrayList<>();
        for (Candidate c : considered) {
            if (!evaluator.isInvalid(c)) {
                all.add(score(c, evaluator.count(c)));
            }
        }
        all.sort((a, b) -> Arrays.compare(a.candidate().index(), b.candidate().index()));
        Map<Candidate, TreeMap<Integer, Evaluation>> runs = evaluator.all();
        int kept = runs.values().stream().mapToInt(Map::size).sum();
        return new Result(spec, all, front, recommended, regret, stageLog, evaluator.invalid(), kept,
                all.size() * last, evaluator.ranNow(), evaluator.fromJournal(), runs);
    }

    /** Stage 0: NSGA-II over the lever indices; returns the designs considered, in the order first proposed. */
    private List<Candidate> search(int replicates) {
        int levers = spec.levers().size();
        int objectives = spec.objectives().size();
        int constraints = spec.constraints().size();
        Set<Candidate> seen = new LinkedHashSet<>();
        AbstractProblem problem = new AbstractProblem(levers, objectives, constraints) {
            @Override
            public void evaluate(Solution solution) {
                Candidate c = candidate(solution);
                seen.add(c);
                try {
                    evaluator.ensure(List.of(c), replicates);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (evaluator.isInvalid(c) || evaluator.isPending(c)) {
                    // pending: runs handed elsewhere; the search stops at the end of this step
                    for (int o = 0; o < objectives; o++) {
                        solution.setObjective(o, Double.MAX_VALUE);
                    }
                    for (int k = 0; k < constraints; k++) {
                        solution.setConstraint(k, 1e6);
                    }
                    return;
                }
                Scored s = score(c, replicates);
                solution.setObjectives(minimised(s));
                for (int k = 0; k < constraints; k++) {
                    solution.setConstraint(k, Math.max(0, spec.constraints().get(k).share() - s.shares()[k]));
                }
            }

            @Override
            public Solution newSolution() {
                Solution s = new Solution(levers, objectives, constraints);
                for (int i = 0; i < levers; i++) {
                    s.setVariable(i, EncodingUtils.newInt(0, spec.levers().get(i).values().size() - 1));
                }
                return s;
            }
        };
        long target = Math.min(spec.search().candidates(), spaceSize(spec));
        long maxEvaluations = 50L * spec.search().candidates();
        PRNG.setSeed(Seeds.stream(spec.search().seed(), SEARCH_STREAM));
        NSGAII nsga = new NSGAII(problem) {
            /**
             * Runs a generation's designs as one batch before NSGA-II scores them one by one, so that
             * both threads stay busy across designs (one design's few states would leave one idle).
             */
            @Override
            public void evaluateAll(Iterable<Solution> solutions) {
                List<Candidate> batch = new ArrayList<>();
                for (Solution s : solutions) {
                    batch.add(candidate(s));
                }
                try {
                    evaluator.ensure(batch, replicates);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                super.evaluateAll(solutions);
            }

            @Override
            public void evaluateAll(Solution[] solutions) {
                evaluateAll(Arrays.asList(solutions));
            }
        };
        nsga.setInitialPopulationSize(spec.search().population());
        if (!spec.search().start().isEmpty()) {
            // the planners' own designs in the first population, the rest drawn at random
            List<Solution> start = new ArrayList<>();
            for (DesignSpec.Start d : spec.search().start()) {
                Solution s = problem.newSolution();
                for (int i = 0; i < levers; i++) {
                    EncodingUtils.setInt(s.getVariable(i), d.index().get(i));
                }
                start.add(s);
            }
            nsga.setInitialization(new InjectedInitialization(problem, start));
        }
        try {
            while (seen.size() < target && nsga.getNumberOfEvaluations() < maxEvaluations) {
                // at most a generation beyond the target; then the later stages' estimate
                long left = Math.max(0, target + spec.search().population() - 1 - seen.size());
                evaluator.expect(left * replicates + runsAfter(spec, target + spec.search().population() - 1, 0));
                nsga.step();
                evaluator.needScores(); // a step's offspring are drawn before any of them is scored
            }
        } catch (UncheckedIOException e) {
            throw e;
        }
        return new ArrayList<>(seen);
    }

    /** The design an NSGA-II solution stands for (each lever's value index), written once. */
    private Candidate candidate(Solution solution) {
        int[] index = new int[spec.levers().size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = EncodingUtils.getInt(solution.getVariable(i));
        }
        return new Candidate(index).canonical(spec);
    }

    /**
     * An estimate of the runs of the stages after stage {@code k} when {@code designs} race in it:
     * to each next stage but the last, {@code keep} of them and as many contenders at most; to the
     * last, the first front, guessed as {@code keep} of them. The next stage's own expectation then
     * says better.
     */
    static long runsAfter(DesignSpec spec, double designs, int k) {
        List<Integer> stages = spec.search().stages();
        double n = designs;
        long runs = 0;
        for (int j = k + 1; j < stages.size(); j++) {
            double kept = Math.ceil(n * spec.search().keep());
            n = j == stages.size() - 1 ? kept : Math.min(n, 2 * kept);
            runs += (long) n * (stages.get(j) - stages.get(j - 1));
        }
        return runs;
    }

    Scored score(Candidate c, int replicates) {
        double[] obj = new double[spec.objectives().size()];
        for (int o = 0; o < obj.length; o++) {
            DesignSpec.Objective objective = spec.objectives().get(o);
            obj[o] = Evaluator.statistic(objective.statistic(), evaluator.figure(c, objective.figure(), replicates));
        }
        double[] shares = new double[spec.constraints().size()];
        double violation = 0;
        for (int k = 0; k < shares.length; k++) {
            DesignSpec.Constraint constraint = spec.constraints().get(k);
            shares[k] = Evaluator.share(constraint, evaluator.figure(c, constraint.figure(), replicates));
            violation += Math.max(0, constraint.share() - shares[k]);
        }
        return new Scored(c, replicates, obj, shares, violation);
    }

    private List<Scored> score(List<Candidate> candidates, int replicates) {
        List<Scored> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(score(c, replicates));
        }
        return out;
    }

    private double[] minimised(Scored s) {
        double[] m = s.objectives().clone();
        for (int o = 0; o < m.length; o++) {
            if (spec.objectives().get(o).maximise()) {
                m[o] = -m[o];
            }
        }
        return m;
    }

    /** Non-dominated sorting with constraint-domination (MOEA Framework); fills crowding distances. */
    private int[] ranks(List<Scored> scored, double[] crowding) {
        Population population = new Population();
        List<Solution> solutions = new ArrayList<>();
        for (Scored s : scored) {
            Solution sol = new Solution(0, spec.objectives().size(), spec.constraints().size());
            sol.setObjectives(minimised(s));
            for (int k = 0; k < spec.constraints().size(); k++) {
                sol.setConstraint(k, Math.max(0, spec.constraints().get(k).share() - s.shares()[k]));
            }
            solutions.add(sol);
            population.add(sol);
        }
        new NondominatedSorting().evaluate(population);
        int[] ranks = new int[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            ranks[i] = Rank.getAttribute(solutions.get(i));
            crowding[i] = CrowdingDistance.getAttribute(solutions.get(i));
        }
        return ranks;
    }

    /** The first front and then the best-ranked (most spread out first) until {@code keep} of them are kept. */
    private List<Scored> keepOrder(List<Scored> scored) {
        double[] crowding = new double[scored.size()];
        int[] ranks = ranks(scored, crowding);
        Integer[] order = new Integer[scored.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ranks[i])
                .thenComparing(i -> -crowding[i])
                .thenComparing((a, b) -> Arrays.compare(scored.get(a).candidate().index(),
                        scored.get(b).candidate().index())));
        List<Scored> out = new ArrayList<>();
        for (Integer i : order) {
            out.add(scored.get(i));
        }
        return out;
    }

    /**
     * The designs run in the next stage but the last: the first front and the best-ranked until
     * {@code share} of them (the budget), and designs that could still be the recommended one: whose
     * first objective's figure is not significantly worse than the leader's (the design the
     * recommendation would pick on these runs), by a one-sided paired t-test over the common states
     * of the world at level {@link #DROP_LEVEL}, at most as many as the share holds, those the test
     * finds least worse (largest p-value) first. A design leaves the race when it is outside the
     * share and shown worse on the first objective, or when more designs than that could not be
     * shown worse.
     */
    private List<Candidate> keep(List<Scored> scored, double share) {
        double[] crowding = new double[scored.size()];
        int[] ranks = ranks(scored, crowding);
        int firstFront = (int) Arrays.stream(ranks).filter(r -> r == 0).count();
        int n = Math.max(firstFront, (int) Math.ceil(share * scored.size()));
        Set<Candidate> out = new LinkedHashSet<>();
        for (Scored s : keepOrder(scored).subList(0, Math.min(n, scored.size()))) {
            out.add(s.candidate());
        }
        Scored leader = recommend(frontOf(scored, ranks));
        if (leader != null) {
            DesignSpec.Objective primary = spec.objectives().get(0);
            double[] best = evaluator.figure(leader.candidate(), primary.figure(), leader.replicates());
            record Contender(Candidate candidate, double pWorse) {
            }
            List<Contender> contenders = new ArrayList<>();
            for (Scored s : scored) {
                double pWorse = Racing.pWorse(evaluator.figure(s.candidate(), primary.figure(), s.replicates()), best,
                        primary.maximise());
                if (!out.contains(s.candidate()) && pWorse >= DROP_LEVEL) {
                    contenders.add(new Contender(s.candidate(), pWorse));
                }
            }
            contenders.sort(Comparator.comparingDouble((Contender c) -> -c.pWorse())
                    .thenComparing((a, b) -> Arrays.compare(a.candidate().index(), b.candidate().index())));
            for (Contender c : contenders.subList(0, Math.min(n, contenders.size()))) {
                out.add(c.candidate());
                keptAsContenders++;
            }
        }
        List<Candidate> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> Arrays.compare(a.index(), b.index()));
        return sorted;
    }

    /**
     * The designs run in the last stage: the first front on the runs so far, confirmed there with
     * the last stage's states (the designs it dominates leave; the recommendation is made among the
     * front's designs).
     */
    private List<Candidate> firstFront(List<Scored> scored) {
        int[] ranks = ranks(scored, new double[scored.size()]);
        List<Candidate> sorted = new ArrayList<>();
        for (Scored s : frontOf(scored, ranks)) {
            sorted.add(s.candidate());
        }
        sorted.sort((a, b) -> Arrays.compare(a.index(), b.index()));
        return sorted;
    }

    private static List<Scored> frontOf(List<Scored> scored, int[] ranks) {
        List<Scored> front = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            if (ranks[i] == 0) {
                front.add(scored.get(i));
            }
        }
        return front;
    }

    /** Level of the one-sided paired test that lets a design leave the race (see {@link #keep}). */
    static final double DROP_LEVEL = 0.05;

    /**
     * Among the front's designs within every risk bound, the best on the first objective (then
     * the next ones); when none is within them, the one closest to being so.
     */
    private Scored recommend(List<Scored> front) {
        Comparator<Scored> byObjectives = (a, b) -> {
            for (int o = 0; o < spec.objectives().size(); o++) {
                double x = a.objectives()[o];
                double y = b.objectives()[o];
                int cmp = spec.objectives().get(o).maximise() ? Double.compare(y, x) : Double.compare(x, y);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Arrays.compare(a.candidate().index(), b.candidate().index());
        };
        return front.stream()
                .min(Comparator.comparingDouble(Scored::violation).thenComparing(byObjectives))
                .orElse(null);
    }

    private Regret regret(List<Scored> front, Scored recommended, int replicates) {
        DesignSpec.Objective primary = spec.objectives().get(0);
        double[] mine = evaluator.figure(recommended.candidate(), primary.figure(), replicates);
        double[] regret = new double[replicates];
        Map<Candidate, Integer> bestIn = new LinkedHashMap<>();
        List<double[]> values = new ArrayList<>();
        for (Scored s : front) {
            values.add(evaluator.figure(s.candidate(), primary.figure(), replicates));
        }
        for (int r = 0; r < replicates; r++) {
            int best = 0;
            for (int i = 1; i < front.size(); i++) {
                double v = values.get(i)[r];
                double b = values.get(best)[r];
                if (primary.maximise() ? v > b : v < b) {
                    best = i;
                }
            }
            regret[r] = Math.abs(values.get(best)[r] - mine[r]);
            bestIn.merge(front.get(best).candidate(), 1, Integer::sum);
        }
        double[] sorted = regret.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(regret).average().orElse(0);
        double p90 = Evaluator.statistic("p90", regret);
        return new Regret(primary.figure(), regret, mean, p90, sorted[sorted.length - 1], bestIn);
    }
}
