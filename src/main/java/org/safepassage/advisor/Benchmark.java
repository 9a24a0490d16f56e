package org.safepassage.advisor;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.safepassage.scenario.DesignSpec;

/**
 * A planner's own design (a scenario named under {@code compareWith:}) run in the same states of
 * the world as the front, scored like the designs, with the recommended design's paired gain
 * over it on the first objective's figure.
 *
 * @param gain per state, the recommended design's figure minus this scenario's (first objective's figure)
 * @param spread the first objective's figure over the states: 5th percentile, median, 95th percentile
 */
public record Benchmark(String name, Path file, double[] objectives, double[] shares, boolean feasible,
        double[] gain, double[] spread) {

    /** Scores runs of a scenario: {@code figure} gives a figure's values over the states, in state order. */
    public static Benchmark of(String name, Path file, DesignSpec spec, Function<String, double[]> figure,
            Advisor.Result result) {
        double[] obj = new double[spec.objectives().size()];
        for (int o = 0; o < obj.length; o++) {
            DesignSpec.Objective objective = spec.objectives().get(o);
            obj[o] = Evaluator.statistic(objective.statistic(), figure.apply(objective.figure()));
        }
        double[] shares = new double[spec.constraints().size()];
        boolean feasible = true;
        for (int k = 0; k < shares.length; k++) {
            DesignSpec.Constraint c = spec.constraints().get(k);
            shares[k] = Evaluator.share(c, figure.apply(c.figure()));
            feasible &= shares[k] >= c.share();
        }
        String primary = spec.objectives().get(0).figure();
        double[] mine = figure.apply(primary);
        Map<Integer, Evaluation> rec = result.runs().get(result.recommended().candidate());
        double[] gain = new double[mine.length];
        for (int r = 0; r < mine.length; r++) {
            gain[r] = rec.get(r).outcome().figures().get(primary) - mine[r];
        }
        double[] spread = {Evaluator.statistic("p5", mine), Evaluator.statistic("p50", mine),
            Evaluator.statistic("p95", mine)};
        return new Benchmark(name, file, obj, shares, feasible, gain, spread);
    }

    /** Mean, 5th and 95th percentile of the gain. */
    public double[] gainSummary() {
        double mean = 0;
        for (double g : gain) {
            mean += g;
        }
        return new double[] {mean / gain.length, Evaluator.statistic("p5", gain), Evaluator.statistic("p95", gain)};
    }

}
