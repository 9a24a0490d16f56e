package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Discrepancy;
import org.safepassage.scenario.Ensemble;
import org.safepassage.validation.BandCoverage;
import org.safepassage.validation.Coverage;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.NullPredictors;
import org.safepassage.validation.PointResult;
import org.safepassage.validation.Validation;
import org.safepassage.validation.ValidationWriter;

/**
 * What {@code validate} leaves behind: validation.csv, episodes.csv, a band and a chart per
 * episode, manifest.json, and the tables and verdict printed in the terminal.
 */
public final class ValidationOutput {

    private ValidationOutput() {
    }

    /**
     * Writes the folder.
     *
     * @param facts the episodes' facts for the null predictors, or null without them
     * @param shareLeftOut the fixed-share null's error and rate per episode, or null
     */
    public static void write(Path out, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut, Map<String, Object> manifest, boolean byteOrderMarks) throws IOException {
        write(out, results, facts, shareLeftOut, null, manifest, byteOrderMarks);
    }

    /** As above, with coverage.csv from {@code coverage} (in sample, left out; null for none). */
    public static void write(Path out, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut, CoverageRows coverage, Map<String, Object> manifest, boolean byteOrderMarks)
            throws IOException {
        ValidationWriter.writePoints(out.resolve("validation.csv"), results);
        if (coverage != null) {
            ValidationWriter.writeCoverage(out.resolve("coverage.csv"), List.of(coverage.inSample(), coverage.leftOut()));
            manifest.put("coverage", coverage.summary());
        }
        ValidationWriter.writeEpisodes(out.resolve("episodes.csv"), results, facts, shareLeftOut);
        for (EpisodeResult r : results) {
            String slug = ValidationWriter.slug(r.name());
            ValidationWriter.writeBand(out.resolve("band-" + slug + ".csv"), r);
            ValidationCharts.write(out.resolve("validation-" + slug), r);
        }
        manifest.put("score", Validation.score(results));
        manifest.put("medianScore", Validation.medianScore(results));
        RunWriter.writeJson(out.resolve("manifest.json"), manifest);
        if (byteOrderMarks) {
            AtomicFiles.addByteOrderMarks(out);
        }
    }

    /**
     * The coverage of the bands both ways (validate, docs/UNCERTAINTY.md).
     *
     * @param inSample per episode, the shipped ensemble's runs with every episode's residuals
     * @param leftOut per episode, its fold's runs with the other episodes' residuals
     * @param folds whether the leave-one-out runs came from fold ensembles (--calibration)
     */
    public record CoverageRows(List<Coverage.Row> inSample, List<Coverage.Row> leftOut, boolean folds) {

        /** The figures for the manifest. */
        Map<String, Object> summary() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (List<Coverage.Row> rows : List.of(inSample, leftOut)) {
                Coverage.Row t = Coverage.total(rows, rows.get(0).way());
                Map<String, Object> w = new java.util.LinkedHashMap<>();
                w.put("points", t.points());
                w.put("insideRuns", t.insideRuns());
                w.put("insideWithModelError", t.insideWithError());
                w.put("widthRuns", t.widthRuns());
                w.put("widthWithModelError", t.widthWithError());
                m.put(rows == inSample ? "inSample" : "leaveOneEpisodeOut", w);
            }
            m.put("leaveOneOutRuns", folds ? "fold ensembles from the calibration, chosen without the episode"
                    : "the shipped ensemble (no --calibration): only the model error leaves the episode out");
            return m;
        }
    }

    /**
     * Replaces the {@code discrepancy:} block of an ensemble file (everything from a line starting
     * with {@code discrepancy:} to the end; the block is appended when there is none) with
     * {@code d}, after checking that the new file reads back; returns what went wrong, or null.
     */
    public static String writeDiscrepancy(Path ensembleFile, Discrepancy d, String command) {
        try {
            String text = java.nio.file.Files.readString(ensembleFile);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + Discrepancy.KEY + ":").matcher(text);
            String members = m.find() ? text.substring(0, m.start()) : text;
            String updated = (members.endsWith("\n") ? members : members + "\n") + d.yaml("The model's structural "
                    + "error measured with this ensemble on the validation episodes: signed log10((observed + 10) / "
                    + "(simulated median + 10)) per observation, weighted as the score weighs it. Written by '"
                    + command + "'; regenerate it with the ensemble, do not edit it (docs/UNCERTAINTY.md).");
            Path parent = ensembleFile.toAbsolutePath().getParent();
            Path temp = java.nio.file.Files.createTempFile(parent, ".discrepancy-", ".yaml");
            try {
                java.nio.file.Files.writeString(temp, updated);
                Ensemble.load(temp);
                java.nio.file.Files.move(temp, ensembleFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                java.nio.file.Files.deleteIfExists(temp);
            }
            return null;
        } catch (IOException e) {
            return ensembleFile + ": cannot write the discrepancy: " + e.getMessage();
        } catch (org.safepassage.scenario.InvalidInputException e) {
            throw new IllegalStateException("the discrepancy written does not read back: " + e.problems());
        }
    }

    /** Share of all observations inside their 90 % band. */
    public static double coverage(List<EpisodeResult> results) {
        long total = results.stream().mapToLong(r -> r.points().size()).sum();
        return total == 0 ? 0 : (double) covered(results) / total;
    }

    private static long covered(List<EpisodeResult> results) {
        return results.stream().mapToLong(EpisodeResult::covered).sum();
    }

    /**
     * The verdict line and the band coverage, after the per-episode tables unless {@code brief}
     * (scripts read the CSV on stdout; the verdict then goes nowhere).
     */
    public static void print(PrintWriter stdout, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut, boolean ensemble, double seconds, boolean quiet, boolean forScripts, Path out) {
        print(stdout, results, facts, shareLeftOut, null, ensemble, seconds, quiet, forScripts, out);
    }

    /** As above, ending with the coverage both ways when {@code coverage} is given. */
    public static void print(PrintWriter stdout, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut, CoverageRows coverage, boolean ensemble, double seconds, boolean quiet,
            boolean forScripts, Path out) {
        boolean tables = !quiet && !forScripts;
        if (tables) {
            for (EpisodeResult r : results) {
                print(stdout, r);
            }
            printTable(stdout, results, facts, shareLeftOut);
        }
        PrintWriter verdict = forScripts ? new PrintWriter(Writer.nullWriter()) : stdout;
        long total = results.stream().mapToLong(r -> r.points().size()).sum();
        verdict.printf(Locale.ROOT, "all episodes: %d of %d observations covered (%.0f %%), score (weighted mean of "
                + "episodes' mean |log10 error|) %.3f, weighted median %.3f, in %.0f s%n", covered(results), total,
                100 * coverage(results), Validation.score(results), Validation.medianScore(results), seconds);
        if (coverage == null) {
            verdict.println(BandCoverage.text(results, ensemble));
        } else {
            verdict.println(ensemble ? "Runs drew from the behaviour ensemble." : "Runs at the calibrated defaults alone "
                    + "(no ensemble).");
            verdict.print(Coverage.text(coverage.inSample(), coverage.leftOut()));
            if (!coverage.folds()) {
                verdict.println("  (left out: the shipped ensemble's runs; give --calibration CALIBRATION.csv for fold "
                        + "ensembles chosen without the episode)");
            }
        }
        if (tables) {
            stdout.println("wrote " + out + "/ (validation.csv, episodes.csv, band-*.csv, validation-*.png/.svg, "
                    + (coverage != null ? "coverage.csv, " : "") + "manifest.json)");
        }
    }

    /**
     * One row per episode: grade and weight, observations and their qualities, the last
     * observation against the simulated median and 90 %% band at its time, the episode's
     * error and coverage; with the null predictors, their errors beside it.
     */
    public static void printTable(PrintWriter out, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s %-5s %6s %3s %-11s %-26s %-30s %6s %7s",
                "episode", "grade", "weight", "obs", "quality", "last observed (low-high)", "simulated median [90 % band]",
                "error", "covered"));
        if (facts != null) {
            head.append(String.format(Locale.ROOT, " %8s %8s %10s", "nobody", "share", "share/h"));
        }
        out.println(head);
        for (int i = 0; i < results.size(); i++) {
            EpisodeResult r = results.get(i);
            PointResult last = r.points().get(r.points().size() - 1);
            String observed = String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", last.point().persons(),
                    last.point().low(), last.point().high());
            String simulated = String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", last.median(), last.p5(), last.p95());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s %-5s %6.2f %3d %-11s %-26s %-30s %6.3f %7s",
                    r.name(), r.episode().observed().grade().name().toLowerCase(Locale.ROOT), r.weight(),
                    r.points().size(), r.qualities(), observed, simulated, r.meanAbsLog10Error(),
                    r.covered() + "/" + r.points().size()));
            if (facts != null) {
                row.append(String.format(Locale.ROOT, " %8.3f %8.3f %10.2e", NullPredictors.nobodyError(facts.get(i)),
                        shareLeftOut[i][0], shareLeftOut[i][1]));
            }
            out.println(row);
        }
        if (facts != null) {
            double[] w = results.stream().mapToDouble(EpisodeResult::weight).toArray();
            double[] nobody = facts.stream().mapToDouble(NullPredictors::nobodyError).toArray();
            double[] share = java.util.Arrays.stream(shareLeftOut).mapToDouble(x -> x[0]).toArray();
            out.printf(Locale.ROOT, "null predictors: nobody leaves %.3f (weighted median %.3f); fixed share per open "
                    + "hour, fitted leaving each episode out, %.3f (weighted median %.3f)%n", weightedMean(nobody, w),
                    Validation.weightedMedian(nobody, w), weightedMean(share, w), Validation.weightedMedian(share, w));
        }
    }

    public static double weightedMean(double[] v, double[] w) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            num += w[i] * v[i];
            den += w[i];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    public static void print(PrintWriter out, EpisodeResult r) {
        out.printf(Locale.ROOT, "%s (%d runs, %.1f s): %d of %d observations covered (%.0f %%), mean |log10 error| %.3f%n",
                r.name(), r.replicates(), r.wallSeconds(), r.covered(), r.points().size(), 100 * r.coverage(),
                r.meanAbsLog10Error());
        out.printf("  %6s  %-24s  %-30s  %-7s  %s%n", "hours", "observed (low-high)", "simulated median [90 % band]",
                "overlap", "log10 error");
        for (PointResult p : r.points()) {
            String observed = String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f) %s", p.point().persons(), p.point().low(),
                    p.point().high(), p.point().quality());
            String simulated = String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", p.median(), p.p5(), p.p95());
            out.printf(Locale.ROOT, "  %6.0f  %-24s  %-30s  %-7s  %+.3f%n", p.point().hours(), observed, simulated,
                    p.overlaps() ? "yes" : "no", p.log10Error());
        }
    }
}
