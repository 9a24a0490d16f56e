package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Observed;
import org.safepassage.scenario.ScenarioLoader;

class ValidationTest {

    @TempDir
    Path dir;

    static String teachingEpisode(String points) {
        return "extends: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath() + "\n"
                + "meta: {name: teaching-episode}\n"
                + "observed:\n"
                + "  start: 2016-10-20T08:00\n"
                + "  points:\n" + points;
    }

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void logErrorIsTheLogRatioWithTenPersonsAddedToBoth() {
        assertEquals(0.0, Validation.log10Error(0, 0), 1e-12);
        assertEquals(1.0, Validation.log10Error(90, 0), 1e-12);
        assertEquals(-1.0, Validation.log10Error(0, 90), 1e-12);
        assertEquals(Math.log10(35010.0 / 34010.0), Validation.log10Error(35000, 34000), 1e-12);
    }

    @Test
    void bandsOverlapRangesWhenTheyShareAnyPoint() {
        assertTrue(Validation.overlaps(10, 20, 20, 30));
        assertTrue(Validation.overlaps(0, 100, 40, 50));
        assertFalse(Validation.overlaps(2050, 2160, 0, 50));
        assertFalse(Validation.overlaps(0, 5, 6, 10));
    }

    @Test
    void valueAtAnHourIsTheRowEndingThen() {
        double[] cumulative = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double tick = 1.0 / 12;
        assertEquals(0, Validation.at(cumulative, 0, tick));
        assertEquals(11, Validation.at(cumulative, 1.0, tick));
        assertEquals(12, Validation.at(cumulative, 5.0, tick), "past the end: the last value");
    }

    @Test
    void latinHypercubeUsesEveryStratumOnceInEveryDimension() {
        double[][] lhs = Calibration.latinHypercube(50, 7, new Well19937c(3));
        for (int d = 0; d < 7; d++) {
            int[] strata = new int[50];
            for (double[] p : lhs) {
                assertTrue(p[d] >= 0 && p[d] < 1);
                strata[(int) (p[d] * 50)]++;
            }
            int dim = d;
            assertTrue(Arrays.stream(strata).allMatch(c -> c == 1), "dimension " + dim + ": " + Arrays.toString(strata));
        }
    }

    @Test
    void candidatesAreOverridesOfTheSearchedKeys() {
        List<Calibration.Parameter> space = List.of(new Calibration.Parameter("behaviour.weights.trust", 0, 10),
                new Calibration.Parameter("behaviour.maxDecisionRatePerHour", 0, 1));
        assertEquals(List.of("behaviour.weights.trust=2.5", "behaviour.maxDecisionRatePerHour=0.1235"),
                Calibration.sets(space, new double[] {2.5, 0.123456}));
        double[] local = Calibration.scale(space, new double[] {0, 1}, new double[] {1, 0.5}, 0.5);
        assertEquals(0, local[0], 1e-12, "clipped to the range");
        assertEquals(0.75, local[1], 1e-12);
    }

    @Test
    void patternPenaltiesAreZeroWhenTheLongerPauseMovesEnoughMore() {
        assertEquals(0.0, Patterns.longer(10, 20), 1e-12);
        assertEquals(Math.log10(5.0), Patterns.longer(0, 0), 1e-12, "nobody either way is penalised");
        assertTrue(Patterns.longer(10, 12) > 0);
    }

    @Test
    void theGateWantsTheClaimAtEveryPairedSeed() {
        assertTrue(Patterns.more(new long[] {40, 30, 50, 45, 35}, new long[] {10, 12, 15, 9, 11}));
        assertTrue(Patterns.more(new long[] {763, 566, 25046, 387, 595}, new long[] {221, 178, 328, 158, 229}),
                "a cascade in one seed is more, not doubt");
        assertFalse(Patterns.more(new long[] {900, 900, 900, 900, 100}, new long[] {10, 10, 10, 10, 120}),
                "a large mean with one seed the other way is not");
        assertFalse(Patterns.more(new long[] {8, 0, 12, 5, 0}, new long[] {4, 0, 12, 5, 0}), "ties at a few persons");
        assertFalse(Patterns.more(new long[] {5, 5, 5, 5, 5}, new long[] {5, 5, 5, 5, 5}));
    }

    @Test
    void theGateAsksThatFlightGoOnAfterTheSurge() throws Exception {
        Path shipped = Path.of("scenarios");
        assertTrue(Patterns.flightGoesOn(Patterns.frontCollapse(shipped, List.of("behaviour.front.flightRatePerHour=0.0123"))));
        assertFalse(Patterns.flightGoesOn(Patterns.frontCollapse(shipped, List.of("behaviour.front.flightRatePerHour=0"))),
                "without front flight all cross at the shift");
    }

    @Test
    void everySearchedKeyIsAScenarioKeyTheLoaderAccepts() throws Exception {
        double[] mid = Calibration.SPACE.stream().mapToDouble(p -> (p.min() + p.max()) / 2).toArray();
        Path f = write("e.yaml", teachingEpisode("    - {hours: 2, persons: 0}\n"));
        Episode e = ScenarioLoader.loadEpisode(f, Calibration.sets(Calibration.SPACE, mid));
        assertEquals(8.0, e.scenario().behaviour().weights().trust(), 1e-12);
    }

    @Test
    void anEpisodeRunsItsReplicatesAndScoresEachObservation() throws Exception {
        Path f = write("e.yaml", teachingEpisode(
                "    - {hours: 0, persons: 0, low: 0, high: 0, quality: Q}\n"
                + "    - {hours: 11, persons: 400, low: 300, high: 600, quality: E, source: made up}\n"));
        Episode e = ScenarioLoader.loadEpisode(f, List.of());
        assertEquals(12.0, e.observed().offsetHours(e.scenario().clock()), 1e-12, "teaching.yaml starts 12 h before");
        EpisodeResult r = Validation.run(e, 3, null);
        assertEquals(2, r.points().size());
        PointResult first = r.points().get(0);
        assertEquals(0, first.median(), "nobody has left at the episode's start");
        assertTrue(first.overlaps());
        assertEquals(0.0, first.log10Error(), 1e-12);
        PointResult second = r.points().get(1);
        assertTrue(second.p5() <= second.median() && second.median() <= second.p95());
        assertEquals(Validation.log10Error(second.median(), 400), second.log10Error(), 1e-12);
        assertEquals((first.log10Error() + Math.abs(second.log10Error())) / 2, r.meanAbsLog10Error(), 1e-12);
        assertEquals(r.hours().length, r.median().length);
        assertEquals(47, r.hours().length, "hours 0..46 from 08:00 on a 48-hour run that starts at 06:00");
        for (int i = 1; i < r.median().length; i++) {
            assertTrue(r.p95()[i] >= r.p95()[i - 1], "cumulative band never falls");
        }
    }

    @Test
    void theSameSeedsGiveTheSameScore() throws Exception {
        Path f = write("e.yaml", teachingEpisode("    - {hours: 11, persons: 400}\n"));
        Episode e = ScenarioLoader.loadEpisode(f, List.of());
        assertEquals(Validation.run(e, 2, null).meanAbsLog10Error(), Validation.run(e, 2, null).meanAbsLog10Error());
    }

    @Test
    void aScenarioWithoutObservationsIsNotAnEpisode() throws Exception {
        Path f = write("s.yaml", "extends: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath() + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.loadEpisode(f, List.of()));
        assertTrue(e.getMessage().contains("s.yaml:1:1: error: observed: missing"), e.getMessage());
    }

    @Test
    void badObservationsAreReportedWithTheirPositions() throws Exception {
        Path f = write("bad.yaml", teachingEpisode(
                "    - {hours: 60, persons: 5, low: 7, high: 3, quality: X, colour: red}\n"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.loadEpisode(f, List.of()));
        String m = e.getMessage();
        assertTrue(m.contains("bad.yaml:6:7") || m.contains("bad.yaml:6:"), m);
        assertTrue(m.contains("observed.points[0].colour: unknown key 'colour'"), m);
        assertTrue(m.contains("observed.points[0].persons: low 7, persons 5, high 3; low <= persons <= high"), m);
        assertTrue(m.contains("observed.points[0].hours: hour 60 of the episode is past the scenario's horizon"), m);
        assertTrue(m.contains("observed.points[0].quality: found 'X'"), m);
        assertEquals(4, e.problems().size(), m);
    }

    @Test
    void theShippedEpisodesLoadWithTheirObservations() throws Exception {
        for (String name : List.of("aleppo-2016-10", "aleppo-2016-11-04", "aleppo-2016-12")) {
            Episode e = ScenarioLoader.loadEpisode(Path.of("scenarios", "episodes", name + ".yaml"), List.of());
            assertEquals(name, e.name());
            assertFalse(e.observed().points().isEmpty());
            for (Observed.Point p : e.observed().points()) {
                assertEquals(Observed.Quality.Q, p.quality());
            }
        }
        Episode dec = ScenarioLoader.loadEpisode(Path.of("scenarios", "episodes", "aleppo-2016-12.yaml"), List.of());
        assertEquals(40_000, dec.scenario().population().persons());
        assertEquals(7, dec.scenario().map().neighbourhoods().size(), "the shrunken December pocket");
    }

    @Test
    void theWeightedMedianTakesTheEpisodesWeightsIntoAccount() {
        assertEquals(2.0, Validation.weightedMedian(new double[] {3, 1, 2}, new double[] {1, 1, 1}), 1e-12);
        assertEquals(2.5, Validation.weightedMedian(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}), 1e-12);
        // A heavy episode pulls the median to itself; a weight of 0 drops an episode.
        assertEquals(1.0, Validation.weightedMedian(new double[] {1, 2, 3}, new double[] {5, 1, 1}), 1e-12);
        assertEquals(1.5, Validation.weightedMedian(new double[] {1, 2, 9}, new double[] {1, 1, 0}), 1e-12);
        assertTrue(Double.isNaN(Validation.weightedMedian(new double[0], new double[0])));
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheEpisodesErrors() throws Exception {
        Path core = write("core.yaml", teachingEpisode("    - {hours: 2, persons: 0}\n"));
        Path weak = write("weak.yaml", teachingEpisode("    - {hours: 2, persons: 99990}\n")
                .replace("  start: 2016-10-20T08:00\n", "  start: 2016-10-20T08:00\n  weight: 0.25\n  grade: weak\n"));
        EpisodeResult a = Validation.run(ScenarioLoader.loadEpisode(core, List.of()), 1, null);
        EpisodeResult b = Validation.run(ScenarioLoader.loadEpisode(weak, List.of()), 1, null);
        assertEquals(Observed.Grade.WEAK, b.episode().observed().grade());
        double expected = (a.meanAbsLog10Error() + 0.25 * b.meanAbsLog10Error()) / 1.25;
        assertEquals(expected, Validation.score(List.of(a, b)), 1e-12);
    }
}
