package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.safepassage.metrics.Manifest;
import org.safepassage.output.CalibrationPlanOutput;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.validation.CalibrationWriter;
import org.safepassage.validation.CmaesCalibration;
import org.safepassage.validation.Journal;
import org.safepassage.validation.NullPredictors;

/**
 * {@code calibrate --plan FILE}: CMA-ES over the plan's parameters on its episodes, resumable
 * through journal.tsv in the output folder; with {@code --leave-one-out}, one more search per
 * episode without it, scoring the left-out episode at that search's best beside its in-sample
 * error and the two null predictors. Writes fit.csv, best-sets.txt, loo.csv and manifest.json.
 */
final class CalibratePlanRun {

    private CalibratePlanRun() {
    }

    /**
     * Runs the plan's search; with {@code leaveOneOut} one more search per episode without it
     * (loo.csv), with {@code bySelection} the leave-one-out by selection among the fit's
     * candidates (loo-select.csv), and with {@code elsewhere} (slurm calibrate; else null)
     * candidates not in the journal are handed to it.
     */
    static int run(Path planFile, Integer maxEvaluations, Integer threads, boolean leaveOneOut, boolean bySelection,
            Path out, PrintWriter stdout, PrintWriter err, CmaesCalibration.Elsewhere elsewhere)
            throws IOException, InterruptedException {
        CalibrationPlan plan = load(planFile, err);
        if (plan == null) {
            return ExitCode.BAD_INPUT;
        }
        int budget = maxEvaluations != null ? maxEvaluations : plan.optimiser().maxEvaluations();
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (budget < 1 || cores < 1) {
            err.println("safepassage calibrate: expected --max-evaluations >= 1 and --threads >= 1");
            return ExitCode.BAD_INPUT;
        }
        long started = System.currentTimeMillis();
        Journal journal;
        try {
            journal = Journal.open(out.resolve("journal.tsv"), Manifest.sha256(planFile));
        } catch (IllegalStateException e) {
            err.println("safepassage calibrate: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try (journal) {
            if (journal.resumed() > 0) {
                err.printf(Locale.ROOT, "resuming: %d candidates already scored in %s%n", journal.resumed(),
                        out.resolve("journal.tsv"));
            }
            CmaesCalibration cal = new CmaesCalibration(plan, pool, journal, elsewhere);
            int folds = leaveOneOut ? plan.episodes().size() : 0;
            int total = (budget + 2) * (1 + folds);
            int[] done = {0};
            CmaesCalibration.Fit all = cal.fit("all", plan.episodes(), budget, c -> progress(err, started, ++done[0],
                    total, "all", c));
            List<Episode> episodes = new ArrayList<>();
            for (CalibrationPlan.EpisodeRef ref : plan.episodes()) {
                episodes.add(ScenarioLoader.loadEpisode(ref.file(), ref.sets()));
            }
            CalibrationPlanOutput.writeFit(out.resolve("fit.csv"), plan, episodes, all);
            // Every candidate of the fit on all episodes, in the form 'safepassage ensemble' reads.
            CalibrationWriter.writePlanCandidates(out.resolve("calibration.csv"), plan.parameters(),
                    journal.entries("all"), plan.replicates());
            List<String> best = cal.sets(all.best().values());
            CalibrationPlanOutput.writeBestSets(out.resolve("best-sets.txt"), best);
            List<Map<String, Object>> selected = bySelection
                    ? CalibrationPlanOutput.selectionFolds(plan, episodes, all, journal) : List.of();
            if (bySelection) {
                CalibrationPlanOutput.writeRows(out.resolve("loo-select.csv"), selected);
            }
            List<Map<String, Object>> loo = new ArrayList<>();
            if (leaveOneOut) {
                List<NullPredictors.Facts> facts = episodes.stream().map(NullPredictors::facts).toList();
                double[][] share = NullPredictors.leaveOneOut(facts);
                for (int i = 0; i < episodes.size(); i++) {
                    String fold = episodes.get(i).name();
                    CmaesCalibration.Fit fit = cal.fit("without " + fold, cal.without(i), budget,
                            c -> progress(err, started, ++done[0], total, "without " + fold, c));
                    // The fold's own search, never the shipped defaults: they were chosen with every
                    // episode, this one included, so falling back to them would not leave it out.
                    CmaesCalibration.Candidate out1 = cal.score("left out " + fold, 0, fit.searched().values(),
                            List.of(plan.episodes().get(i)));
                    cal.needScores();
                    loo.add(CalibrationPlanOutput.row(fold, CalibrationPlanOutput.weight(plan.episodes().get(i),
                            episodes.get(i)), out1.errors().get(fold), all, facts.get(i), share[i]));
                }
                CalibrationPlanOutput.writeRows(out.resolve("loo.csv"), loo);
            }
            Map<String, Object> manifest = Manifest.base(Version.project());
            manifest.put("command", "safepassage calibrate --plan");
            CalibrationPlanOutput.Outcome outcome = new CalibrationPlanOutput.Outcome(all, best, loo, selected,
                    leaveOneOut, bySelection);
            CalibrationPlanOutput.writeManifest(out.resolve("manifest.json"), manifest, planFile, plan, budget, cores,
                    outcome, started);
            CalibrationPlanOutput.print(stdout, out, outcome, started);
            return ExitCode.OK;
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        } finally {
            pool.shutdownNow();
        }
    }

        /** The plan, or null after printing its problems (FILE:LINE:COL). */
    static CalibrationPlan load(Path planFile, PrintWriter err) {
        try {
            return CalibrationPlan.load(planFile);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return null;
        }
    }

        private static void progress(PrintWriter err, long started, int done, int total, String fold,
            CmaesCalibration.Candidate c) {
        err.printf(Locale.ROOT, "[%d/%d, %.0f s] %s #%d score %.3f%s (%.1f s)%n", done, total,
                (System.currentTimeMillis() - started) / 1000.0, fold, c.evaluation(), c.score(),
                c.fromJournal() ? " (journal)" : "", c.seconds());
        err.flush();
    }

        }
