package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.InvalidInputException;

/**
 * CMA-ES driven by a plan: it improves on a start far from the answer, every candidate is
 * journaled, and a second run of the same plan reads every score back from the journal
 * (nothing is run again) and ends at the same best; a journal of another plan is refused.
 */
class CmaesCalibrationTest {

    @TempDir
    Path dir;

    private Path plan(String extra) throws Exception {
        String base = Path.of("scenarios", "teaching.yaml").toAbsolutePath().toString();
        // The weights the plan does not search, pinned at the third 19-episode calibration's values
        // so that what the search can reach does not move with the shipped defaults.
        String pinned = "behaviour: {maxDecisionRatePerHour: 0.5865, thresholdSpread: 0.688, preparationAcrossWindows: 0.4269,"
                + " weights: {transport: 1.489, monitored: 16.16, localDanger: 6.849, hardship: 6, socialProof: 2.624,"
                + " attachment: 7.283, clashNews: 2.576, fighterControl: 5.592, screeningRisk: 7.926, timePressure: 8.253,"
                + " waitAndSee: 4.458}}\n";
        Files.writeString(dir.resolve("a.yaml"), "extends: " + base + "\nmeta: {name: a}\nclock: {horizon: PT24H}\n" + pinned
                + "observed:\n  start: 2016-10-20T08:00\n  points:\n    - {hours: 11, persons: 600}\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: " + base + "\nmeta: {name: b}\nclock: {horizon: PT24H}\n" + pinned
                + "population: {persons: 1000}\n"
                + "observed:\n  start: 2016-10-20T08:00\n  weight: 0.5\n  grade: weak\n  points:\n"
                + "    - {hours: 11, persons: 300}\n");
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, "schemaVersion: 1\nname: tiny\nepisodes:\n  - {file: a.yaml}\n  - {file: b.yaml}\n"
                + "parameters:\n  - {path: behaviour.weights.intercept, min: -12, max: 0, start: -11.5}\n"
                + "  - {path: behaviour.weights.trust, min: 0, max: 16, start: 12.49}\n"
                + "optimiser: {populationSize: 4, maxEvaluations: 12, sigma: 0.3, seed: 3}\n" + extra);
        return p;
    }

    @Test
    void theSearchImprovesOnItsStartAndResumesFromItsJournal() throws Exception {
        Path planFile = plan("");
        CalibrationPlan plan = CalibrationPlan.load(planFile);
        assertEquals(2, plan.episodes().size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CmaesCalibration.Fit first;
            List<CmaesCalibration.Candidate> seen = new ArrayList<>();
            try (Journal j = Journal.open(dir.resolve("out/journal.tsv"), "abc")) {
                first = new CmaesCalibration(plan, pool, j).fit("all", plan.episodes(), 12, seen::add);
            }
            // CMA-ES first scores its initial guess, the start again: the journal answers it.
            assertTrue(seen.size() >= 10 && seen.stream().filter(CmaesCalibration.Candidate::fromJournal).count() <= 1,
                    seen.size() + " candidates: " + seen.stream().map(c -> c.evaluation() + " " + c.fromJournal()).toList());
            assertTrue(first.best().score() < first.start().score() - 0.1,
                    "the search moves away from a start where almost nobody leaves: " + first.start().score() + " -> "
                            + first.best().score());
            // Episode b weighs half: the score is (e_a + 0.5 e_b) / 1.5.
            double ea = first.best().errors().get("a");
            double eb = first.best().errors().get("b");
            assertEquals((ea + 0.5 * eb) / 1.5, first.best().score(), 1e-9);

            List<CmaesCalibration.Candidate> again = new ArrayList<>();
            CmaesCalibration.Fit second;
            try (Journal j = Journal.open(dir.resolve("out/journal.tsv"), "abc")) {
                assertEquals(seen.stream().filter(c -> !c.fromJournal()).count(), j.resumed());
                second = new CmaesCalibration(plan, pool, j).fit("all", plan.episodes(), 12, again::add);
            }
            assertTrue(again.stream().allMatch(CmaesCalibration.Candidate::fromJournal), "nothing is run again");
            assertEquals(first.best().score(), second.best().score(), 0.0);
            assertEquals(List.of(first.best().values()[0], first.best().values()[1]),
                    List.of(second.best().values()[0], second.best().values()[1]));
        } finally {
            pool.shutdownNow();
        }
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> Journal.open(dir.resolve("out/journal.tsv"), "another"));
        assertTrue(other.getMessage().contains("journal of another plan"), other.getMessage());
    }

    @Test
    void aPlanThatSearchesAnEpisodesFactsOrAKeyOutOfRangeIsRefusedWithItsPlace() throws Exception {
        Path p = plan("");
        String text = Files.readString(p).replace("behaviour.weights.trust, min: 0, max: 16",
                "population.persons, min: 0, max: 16").replace("maxEvaluations: 12", "maxEvaluations: -1");
        Files.writeString(p, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationPlan.load(p));
        String all = e.problems().stream().map(x -> x.format()).toList().toString();
        assertTrue(all.contains("plan.yaml:8:") && all.contains("parameters[1].path") && all.contains("behaviour key path"),
                all);
        assertTrue(all.contains("optimiser.maxEvaluations"), all);
        Files.writeString(p, Files.readString(plan("")).replace("min: 0, max: 16, start: 12.49",
                "min: -5, max: 16, start: 12.49"));
        InvalidInputException range = assertThrows(InvalidInputException.class, () -> CalibrationPlan.load(p));
        assertTrue(range.problems().get(0).format().contains("value -5 for behaviour.weights.trust"),
                range.problems().toString());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void theShippedPlanLoadsWithAllNineteenEpisodes() throws Exception {
        CalibrationPlan plan = CalibrationPlan.load(Path.of("scenarios", "calibration", "episodes.yaml"));
        assertEquals(19, plan.episodes().size());
        assertTrue(plan.parameters().stream().allMatch(p -> p.path().startsWith("behaviour.")));
    }

    @Test
    void aPlanNamingTheShippedScenariosAddsThePatternPenaltiesToEveryScore() throws Exception {
        String scenarios = Path.of("scenarios").toAbsolutePath().toString();
        Path planFile = plan("patterns: " + scenarios + "\n");
        CalibrationPlan plan = CalibrationPlan.load(planFile);
        assertEquals(Path.of(scenarios), plan.patterns());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Journal j = Journal.open(dir.resolve("out/journal.tsv"), "abc")) {
            CmaesCalibration cal = new CmaesCalibration(plan, pool, j);
            // A start where nobody leaves breaks "longer pauses move more" (0/0/0 persons).
            CmaesCalibration.Candidate c = cal.score("all", 1, new double[] {-12, 0}, plan.episodes());
            double penalty = c.errors().get(CmaesCalibration.PATTERNS);
            assertTrue(penalty > 0.5, "penalty " + penalty);
            double ea = c.errors().get("a");
            double eb = c.errors().get("b");
            assertEquals((ea + 0.5 * eb) / 1.5 + penalty, c.score(), 1e-9);
            CalibrationWriter.writePlanCandidates(dir.resolve("calibration.csv"), plan.parameters(), j.entries("all"), 1);
            String header = Files.readAllLines(dir.resolve("calibration.csv")).get(0);
            assertEquals("candidate,stage,replicates,score,patternPenalty,error[a],error[b],behaviour.weights.intercept,"
                    + "behaviour.weights.trust", header);
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(planFile, Files.readString(planFile).replace("patterns: " + scenarios, "patterns: nowhere"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationPlan.load(planFile));
        assertTrue(e.problems().get(0).format().contains("plan.yaml:10:") && e.problems().get(0).format().contains(
                "no pause-11h.yaml"), e.problems().get(0).format());
    }
}
