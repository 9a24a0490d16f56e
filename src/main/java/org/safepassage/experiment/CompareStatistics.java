package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a comparison: per scenario and figure a {@link Sample} over replicates, the
 * paired differences of each scenario from the first (replicate by replicate, same seed), and the
 * mean cumulative evacuated per hour with its interval.
 */
public final class CompareStatistics {

    /** A figure of one scenario over its replicates (a row of summary.csv). */
    public record FigureSample(String scenario, String figure, Sample sample) {
    }

    /** Scenario minus baseline, paired by replicate (a row of paired.csv); sample of the differences. */
    public record PairedDifference(String scenario, String baseline, String figure, Sample sample) {
    }

    /** Cumulative evacuated of one scenario after {@code hours} hours over its replicates. */
    public record HourSample(String scenario, int hours, Sample sample) {
    }

    private CompareStatistics() {
    }

    /**
     * Scenario-major, figures in {@code RunSummary.figures()} order, then persons who left in the
     * runs where every pause held ({@code evacuated[pause held]}) and in those where one was cut
     * short ({@code evacuated[pause cut short]}; n = 0 when there is none).
     */
    public static List<FigureSample> summary(Comparison.Result result) {
        return summary(result, null);
    }

    /**
     * As {@link #summary(Comparison.Result)}, and with a measured discrepancy also persons who left
     * with the model's structural error ({@code evacuated[with model error]}, {@link ModelError}: n
     * is the number of runs, mean and sd of the mixture, no confidence interval).
     */
    public static List<FigureSample> summary(Comparison.Result result, org.safepassage.scenario.Discrepancy discrepancy) {
        List<FigureSample> out = new ArrayList<>();
        for (int s = 0; s < result.scenarios().size(); s++) {
            for (String f : result.figureNames()) {
                out.add(new FigureSample(result.name(s), f, Sample.of(result.figure(s, f))));
            }
            double[] left = result.figure(s, "evacuated");
            double[] cut = result.figure(s, "pauseCutShort");
            out.add(new FigureSample(result.name(s), "evacuated[pause held]", Sample.of(java.util.stream.IntStream
                    .range(0, left.length).filter(r -> cut[r] == 0).mapToDouble(r -> left[r]).toArray())));
            out.add(new FigureSample(result.name(s), "evacuated[pause cut short]", Sample.of(java.util.stream.IntStream
                    .range(0, left.length).filter(r -> cut[r] != 0).mapToDouble(r -> left[r]).toArray())));
            ModelError e = Spread.modelError(result, s, discrepancy);
            if (e != null) {
                out.add(new FigureSample(result.name(s), "evacuated[with model error]", new Sample(left.length, e.mean(),
                        Math.sqrt(e.variance()), Double.NaN, Double.NaN, e.median(), e.p5(), e.p95())));
            }
        }
        return out;
    }

    /** Every scenario after the first, minus the first, figure by figure. */
    public static List<PairedDifference> paired(Comparison.Result result) {
        List<PairedDifference> out = new ArrayList<>();
        String baseline = result.name(0);
        for (int s = 1; s < result.scenarios().size(); s++) {
            for (String f : result.figureNames()) {
                out.add(new PairedDifference(result.name(s), baseline, f,
                        pairedDifference(result.figure(s, f), result.figure(0, f))));
            }
        }
        return out;
    }

    /**
     * The sample of {@code x[i] - baseline[i]}: its mean is the mean paired difference and its
     * interval the paired t interval. Pairs where either value is NaN are left out.
     */
    public static Sample pairedDifference(double[] x, double[] baseline) {
        if (x.length != baseline.length) {
            throw new IllegalArgumentException("paired samples of different sizes: " + x.length + ", " + baseline.length);
        }
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - baseline[i];
        }
        return Sample.of(d);
    }

    /** Per scenario, per whole hour from 0 to its horizon. */
    public static List<HourSample> timeSeries(Comparison.Result result) {
        List<HourSample> out = new ArrayList<>();
        for (int s = 0; s < result.scenarios().size(); s++) {
            int hours = result.run(s, 0).evacuatedByHour().length;
            for (int h = 0; h < hours; h++) {
                double[] v = new double[result.replicates()];
                for (int r = 0; r < result.replicates(); r++) {
                    v[r] = result.run(s, r).evacuatedByHour()[h];
                }
                out.add(new HourSample(result.name(s), h, Sample.of(v)));
            }
        }
        return out;
    }
}
