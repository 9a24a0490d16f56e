package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.Sample;
import org.safepassage.scenario.Discrepancy;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.ScenarioLoader;

/**
 * Coverage of the bands with and without model error: the residuals and their weights, the
 * counting, and leave-one-episode-out never letting an episode's own residuals widen its band.
 */
class CoverageTest {

    @TempDir
    Path dir;

    /** An episode on the teaching district whose observations are the given figures at hours 10, 20, ... */
    private Episode episode(String name, double weight, double... observed) throws Exception {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < observed.length; i++) {
            points.append(String.format(java.util.Locale.ROOT, "    - {hours: %d, persons: %.0f, low: %.0f, high: %.0f, "
                    + "quality: P}%n", 10 * (i + 1), observed[i], observed[i], observed[i]));
        }
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath() + "\n"
                + "meta: {name: " + name + "}\n"
                + "observed:\n  start: 2016-10-20T08:00\n  weight: " + weight + "\n  points:\n" + points);
        return ScenarioLoader.loadEpisode(f, List.of());
    }

    /** The episode's result with these runs at each observation (rows: observations). */
    private static EpisodeResult result(Episode e, double[][] runs) {
        List<PointResult> points = new ArrayList<>();
        for (int p = 0; p < runs.length; p++) {
            points.add(Validation.score(e.observed().points().get(p), Sample.of(runs[p])));
        }
        return new EpisodeResult(e, runs[0].length, points, new double[0], new double[0], new double[0], new double[0],
                0, 0, 0, runs);
    }

    @Test
    void residualsAreSignedLogRatiosWeightedAsTheScoreWeighsThem() throws Exception {
        EpisodeResult a = result(episode("a", 1, 990, 90), new double[][] {{90, 90, 90}, {990, 990, 990}});
        EpisodeResult b = result(episode("b", 0.5, 40), new double[][] {{40, 40, 40}});
        Discrepancy d = Coverage.residuals(List.of(a, b), Map.of("by", "test"));
        assertEquals(List.of(1.0, -1.0, 0.0), java.util.Arrays.stream(d.values()).boxed().toList(),
                "log10((observed + 10) / (median + 10)): the model ten times too low is +1");
        assertEquals(List.of(0.5, 0.5, 0.5), java.util.Arrays.stream(d.weights()).boxed().toList(),
                "episode a weighs 1 over its 2 observations, the weak b 0.5 over its one");
        assertEquals(List.of("a", "a", "b"), d.residuals().stream().map(Discrepancy.Residual::episode).toList());
    }

    @Test
    void coverageCountsObservedFiguresInsideEachBand() throws Exception {
        // runs 100..109 at both observations; 105 lies inside the runs' band, 1,000 only inside the band with error
        double[] runs = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109};
        EpisodeResult a = result(episode("a", 1, 105, 1000), new double[][] {runs, runs});
        Discrepancy tenfold = new Discrepancy(List.of(new Discrepancy.Residual("x", 0, 0, 1),
                new Discrepancy.Residual("x", 0, 1, 1)), Map.of());
        Coverage.Row row = Coverage.inSample(List.of(a), tenfold, 3).get(0);
        assertEquals(2, row.points());
        assertEquals(1, row.insideRuns(), "1,000 is far above runs of about 100");
        assertEquals(2, row.insideWithError(), "ten times the runs reaches it");
        assertEquals(3, row.members());
        Coverage.Row none = Coverage.inSample(List.of(a), new Discrepancy(List.of(new Discrepancy.Residual("x", 0, 0,
                1)), Map.of()), 3).get(0);
        assertEquals(1, none.insideWithError(), "a model error of zero adds nothing");
        Coverage.Row total = Coverage.total(List.of(row, none), Coverage.Way.IN_SAMPLE);
        assertEquals(4, total.points());
        assertEquals(2, total.insideRuns());
        assertEquals(3, total.insideWithError());
        assertEquals(0.75, Coverage.share(total, true));
    }

    @Test
    void anEpisodesOwnResidualsNeverWidenItsLeftOutBand() throws Exception {
        double[] runs = {100, 100, 100, 100, 100};
        // a's observation is a hundred times its runs; b's is what its runs give
        EpisodeResult a = result(episode("a", 1, 10990), new double[][] {runs});
        EpisodeResult b = result(episode("b", 1, 100), new double[][] {runs});
        Discrepancy d = Coverage.residuals(List.of(a, b), Map.of());
        List<Coverage.Row> in = Coverage.inSample(List.of(a, b), d, 1);
        List<Coverage.Row> out = Coverage.leaveOneOut(List.of(a, b), d, new int[] {1, 1});
        assertEquals(1, in.get(0).insideWithError(), "in sample a's own residual (+2) reaches its figure");
        assertEquals(0, out.get(0).insideWithError(), "left out, only b's residual (0): a's figure is outside");
        assertEquals(0, out.get(1).insideWithError(), "left out, b sees only a's residual: a hundred times its runs");
        // a's own residual may be anything: its left-out row does not change
        Discrepancy other = new Discrepancy(List.of(new Discrepancy.Residual("a", 10, -5, 7), d.residuals().get(1)),
                Map.of());
        Coverage.Row again = Coverage.leaveOneOut(List.of(a, b), other, new int[] {1, 1}).get(0);
        assertEquals(out.get(0).insideWithError(), again.insideWithError());
        assertEquals(out.get(0).widthWithError(), again.widthWithError());
    }

    @Test
    void theSameRunsGiveTheSameCoverageAndWidths() throws Exception {
        double[] runs = {3, 50, 700, 20, 1};
        EpisodeResult a = result(episode("a", 1, 40, 400), new double[][] {runs, runs});
        EpisodeResult b = result(episode("b", 0.5, 4), new double[][] {runs});
        Discrepancy d = Coverage.residuals(List.of(a, b), Map.of());
        String first = Coverage.text(Coverage.inSample(List.of(a, b), d, 2), Coverage.leaveOneOut(List.of(a, b), d,
                new int[] {2, 2}));
        String second = Coverage.text(Coverage.inSample(List.of(a, b), d, 2), Coverage.leaveOneOut(List.of(a, b), d,
                new int[] {2, 2}));
        assertEquals(first, second);
    }
}
