package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.safepassage.scenario.Discrepancy;

/**
 * The spread of one scenario's answer (persons who left) over its replicates, and its sources
 * (docs/SWEEPS.md has the compare outputs; the method is in docs/CALIBRATION.md, "Ensemble"):
 * median and 5th-95th percentile (through {@link Sample}, the project's one percentile
 * estimator), the chance of at least N out, the runs where every pause held apart from those
 * where one was cut short, the killed on the way (walking or queueing) apart from those killed
 * at home, and a first-order split of the variance between seeds, behaviour parameters
 * (ensemble members) and inputs (the scenario's ranges).
 *
 * <p>Variance split, by conditioning: the parameters' share is what the ensemble member explains
 * in a one-way analysis of variance over members, corrected for what noise alone would explain
 * between that many groups (epsilon squared, (SSB − (k − 1) MSW) / SST, at least 0); the inputs' share is what a linear regression of the within-member residuals on the
 * drawn quantiles explains (adjusted R², at least 0); the seeds' share is the rest. Both are
 * first-order estimates: interactions fall to the seeds, and with 30 replicates each share is
 * itself uncertain by about ±0.15.
 *
 * @param scenario the scenario's name
 * @param evacuated the sample of persons who left
 * @param atLeast the N of "at least N out"
 * @param chanceAtLeast share of replicates with at least N out
 * @param held persons who left in the runs where every pause held (n = 0 when none did)
 * @param cutShort persons who left in the runs where a pause was ended early
 * @param killedOnTheWay persons killed walking to or queueing at a corridor
 * @param killedAtHome persons killed at home (staying or packing)
 * @param shareSeeds share of the variance from the dice
 * @param shareParameters share from the behaviour ensemble member
 * @param shareInputs share from the scenario's ranges
 * @param withError persons who left with the model's structural error added ({@link ModelError}:
 *     median, p5, p95, chance of at least N), or null without a measured discrepancy
 * @param shareModelError share of the variance the model error adds (NaN without one); with it,
 *     the three other shares are of the whole variance, model error included, and the four sum to 1
 */
public record Spread(String scenario, Sample evacuated, double atLeast, double chanceAtLeast, Sample held,
        Sample cutShort, Sample killedOnTheWay, Sample killedAtHome, double shareSeeds, double shareParameters,
        double shareInputs, WithError withError, double shareModelError) {

    /**
     * Persons who left with model error: the mixture's median and 5th-95th percentile and the
     * chance of at least N.
     */
    public record WithError(double median, double p5, double p95, double chanceAtLeast) {
    }

    /** Each scenario's spread, with "at least N" for the given N. */
    public static List<Spread> of(Comparison.Result result, double atLeast) {
        return of(result, atLeast, null);
    }

    /** As {@link #of(Comparison.Result, double)}, with the model error of {@code discrepancy} (may be null). */
    public static List<Spread> of(Comparison.Result result, double atLeast, Discrepancy discrepancy) {
        List<Spread> out = new ArrayList<>();
        for (int s = 0; s < result.scenarios().size(); s++) {
            out.add(of(result, s, atLeast, discrepancy));
        }
        return out;
    }

    /** The mixture of scenario s's runs with the model error, capped at its people (null without a discrepancy). */
    public static ModelError modelError(Comparison.Result result, int s, Discrepancy discrepancy) {
        if (discrepancy == null) {
            return null;
        }
        double cap = Arrays.stream(result.figure(s, "initialPersons")).max().orElse(Double.POSITIVE_INFINITY);
        return ModelError.of(result.figure(s, "evacuated"), discrepancy, cap);
    }

    /**
     * The default N of "at least N out": the baseline's (first scenario's) median rounded to two
     * significant figures, at least 1, so that the other designs read as the chance of beating it.
     */
    public static double defaultAtLeast(Comparison.Result result) {
        double m = Sample.of(result.figure(0, "evacuated")).median();
        if (!(m >= 1)) {
            return 1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(m)) - 1);
        return Math.max(1, Math.round(m / scale) * scale);
    }

    static Spread of(Comparison.Result result, int s, double atLeast, Discrepancy discrepancy) {
        double[] left = result.figure(s, "evacuated");
        double[] cut = result.figure(s, "pauseCutShort");
        List<Double> held = new ArrayList<>();
        List<Double> shortened = new ArrayList<>();
        int above = 0;
        for (int r = 0; r < left.length; r++) {
            (cut[r] > 0 ? shortened : held).add(left[r]);
            above += left[r] >= atLeast ? 1 : 0;
        }
        int[] member = new int[left.length];
        List<double[]> quantiles = new ArrayList<>();
        for (int r = 0; r < left.length; r++) {
            Comparison.Run run = result.run(s, r);
            member[r] = run.member();
            quantiles.add(run.quantiles().values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] shares = shares(left, member, quantiles);
        ModelError error = modelError(result, s, discrepancy);
        WithError withError = null;
        double shareError = Double.NaN;
        if (error != null) {
            withError = new WithError(error.median(), error.p5(), error.p95(), error.chanceAtLeast(atLeast));
            shareError = error.shareOfVariance(left);
            double rest = 1 - shareError;
            for (int i = 0; i < shares.length; i++) {
                // no variance between the runs: the model error is the whole of it
                shares[i] = Double.isNaN(shares[i]) ? (Double.isNaN(shareError) ? Double.NaN : 0) : shares[i] * rest;
            }
        }
        return new Spread(result.name(s), Sample.of(left), atLeast, (double) above / left.length, sample(held),
                sample(shortened), Sample.of(result.figure(s, "killedOnTheWay")),
                Sample.of(result.figure(s, "killedAtHome")), shares[0], shares[1], shares[2], withError, shareError);
    }

    private static Sample sample(List<Double> values) {
        return Sample.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {seeds, parameters, inputs} shares of the variance of y (see the class comment); NaN when y does not vary. */
    static double[] shares(double[] y, int[] member, List<double[]> quantiles) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double sst = 0;
        for (double v : y) {
            sst += (v - mean) * (v - mean);
        }
        if (n < 3 || !(sst > 0)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double total = sst / (n - 1);
        // between members
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            groups.computeIfAbsent(member[r], k -> new ArrayList<>()).add(r);
        }
        double[] residual = new double[n];
        double ssb = 0;
        double ssw = 0;
        for (List<Integer> g : groups.values()) {
            double gm = g.stream().mapToDouble(r -> y[r]).average().orElse(0);
            ssb += g.size() * (gm - mean) * (gm - mean);
            for (int r : g) {
                residual[r] = y[r] - gm;
                ssw += residual[r] * residual[r];
            }
        }
        int k = groups.size();
        double parameters = 0;
        if (k > 1 && n > k) {
            double msw = ssw / (n - k);
            // epsilon squared: what the members explain beyond what noise alone would between k groups
            parameters = Math.max(0, (ssb - (k - 1) * msw) / (n - 1));
        } else {
            residual = y.clone();
            for (int r = 0; r < n; r++) {
                residual[r] -= mean;
            }
            ssw = sst;
        }
        // inputs: the within-member residuals on the quantiles
        int p = quantiles.isEmpty() ? 0 : quantiles.get(0).length;
        double inputs = 0;
        int dfWithin = n - Math.max(k, 1);
        if (p > 0 && dfWithin - p > 0 && ssw > 0) {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(residual, quantiles.toArray(double[][]::new));
            double ssr = ols.calculateResidualSumOfSquares();
            double adjusted = 1 - (ssr / (dfWithin - p)) / (ssw / dfWithin);
            inputs = Math.max(0, adjusted) * ssw / (n - 1);
        }
        double sp = Math.min(1, parameters / total);
        double si = Math.min(1 - sp, inputs / total);
        return new double[] {1 - sp - si, sp, si};
    }
}
