package org.safepassage.advisor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.experiment.Comparison;
import org.safepassage.scenario.DesignSpec;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;

/**
 * One {@code design} command's work in order, under one progress total: the search, the
 * threshold walk (with {@code --threshold}), then the planners' own designs ({@code compareWith:})
 * in the front's states of the world.
 */
public final class DesignSession {

    /** Where the runs are counted: one step per run; the total said again whenever it is known better. */
    public interface Progress {
        void step();

        void total(long runs);

        long done();
    }

    /** What the session found. {@code answer} is null without a threshold question; {@code benchmarks} may be empty. */
    public record Outcome(Advisor.Result result, Threshold.Answer answer, List<Benchmark> benchmarks) {
    }

    private DesignSession() {
    }

    /** Runs the session will probably take before the search knows better (the progress bar's first total). */
    public static long expectedRuns(DesignSpec design, Threshold.Question question) {
        return estimate(design) + thresholdAtMost(design, question);
    }

    /**
     * Runs the search, the threshold walk and the planners' designs.
     *
     * @param elsewhere runs some states in other processes (cluster arrays), or null
     */
    public static Outcome run(DesignSpec design, ScenarioWorld world, Path out, int threads, boolean resume,
            String inputsSha256, Threshold.Question question, Progress progress, DesignRun.Elsewhere elsewhere)
            throws InvalidInputException, IOException, InterruptedException, DesignRun.JournalMismatch {
        int lastStates = lastStates(design);
        long thresholdAtMost = thresholdAtMost(design, question);
        long compareRuns = (long) design.compareWith().size() * lastStates;
        Evaluator.Listener listener = new Evaluator.Listener() {
            @Override
            public void runFinished() {
                progress.step();
            }

            @Override
            public void expect(long moreRuns) {
                progress.total(progress.done() + moreRuns + thresholdAtMost + compareRuns);
            }
        };
        Advisor.Result result = DesignRun.run(design, world, out, threads, resume, inputsSha256, listener, elsewhere);
        Threshold.Answer answer = null;
        if (question != null && result.recommended() != null) {
            answer = DesignRun.threshold(result, world, out, threads, inputsSha256, question, progress::step, elsewhere);
        }
        progress.total(progress.done() + (result.recommended() != null ? compareRuns : 0));
        List<Benchmark> benchmarks = List.of();
        if (result.recommended() != null && !design.compareWith().isEmpty()) {
            benchmarks = benchmarks(design, result, threads, progress);
        }
        return new Outcome(result, answer, benchmarks);
    }

    /**
     * The planners' own designs (compareWith:) in the front's states of the world: the project's
     * comparison runner with the search seed, so state r has the same seed as in the search.
     */
    private static List<Benchmark> benchmarks(DesignSpec design, Advisor.Result result, int threads,
            Progress progress) throws InvalidInputException {
        List<Variation> variations = new ArrayList<>();
        for (Path f : design.compareWith()) {
            variations.add(ScenarioLoader.load(f, design.inputs(), design.ensemble()).variation());
        }
        int states = result.recommended().replicates();
        Comparison.Result runs = Comparison.runVarying(variations, states, design.search().seed(), threads,
                progress::step);
        List<Benchmark> out = new ArrayList<>();
        for (int s = 0; s < variations.size(); s++) {
            int scenario = s;
            out.add(Benchmark.of(runs.name(s), design.compareWith().get(s), design,
                    figure -> runs.figure(scenario, figure), result));
        }
        return out;
    }

    /**
     * Runs the search will probably take: all stage-0 runs, then the later stages by the racing's
     * budget rules ({@link Advisor#runsAfter}); then the planners' designs in the last stage's states.
     */
    static long estimate(DesignSpec d) {
        double designs = Math.min(d.search().candidates(), 1e9);
        return Math.round(designs * d.search().stages().get(0)) + Advisor.runsAfter(d, designs, 0)
                + (long) d.compareWith().size() * lastStates(d);
    }

    /** A threshold walk runs at most every value of its lever in the last stage's states. */
    private static long thresholdAtMost(DesignSpec d, Threshold.Question question) {
        return question == null ? 0 : (long) d.levers().get(question.lever()).values().size() * lastStates(d);
    }

    private static int lastStates(DesignSpec d) {
        return d.search().stages().get(d.search().stages().size() - 1);
    }
}
