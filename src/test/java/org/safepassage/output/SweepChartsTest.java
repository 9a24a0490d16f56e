package org.safepassage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.cli.ExitCode;
import org.safepassage.cli.Main;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.Sample;
import org.safepassage.scenario.StudyLoader;

/** The sweep charts say what the runs say (issue 18, item 6). */
class SweepChartsTest {

    @TempDir
    Path tmp;

    private Path sweep() throws IOException {
        Path study = tmp.resolve("s.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: three-factors
                base: %s
                design: factorial
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT11H]
                  - path: pauses[pause].notice
                    values: [PT0S, PT2H]
                  - path: corridors[*].monitoring
                    values: [none, neutral]
                replicates: 2
                seed: 5
                outputs: [evacuated, killed]
                """.formatted(Path.of("scenarios/teaching.yaml").toAbsolutePath()));
        Path out = tmp.resolve("out");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.execute(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "sweep", study.toString(), "--out", out.toString(), "-q");
        assertEquals(ExitCode.OK, code, err.toString());
        return out;
    }

    @Test
    void theHeatMapHoldsAThirdFactorInsteadOfAveragingOverIt() throws IOException {
        Path out = sweep();
        String none = Files.readString(out.resolve("heatmap.svg"));
        String neutral = Files.readString(out.resolve("heatmap-neutral.svg"));
        assertTrue(none.contains(">Mean evacuated at monitoring none<"), "one heat map per monitoring level");
        assertTrue(neutral.contains(">Mean evacuated at monitoring neutral<"));
        assertFalse(none.contains("averaged"));
    }

    @Test
    void aChoiceIsDrawnOnAnAxisOfItsNamesNotAContinuousScale() throws Exception {
        Path out = sweep();
        String svg = Files.readString(out.resolve("evacuated-vs-corridors-monitoring.svg"));
        assertTrue(svg.contains(">none</text>") && svg.contains(">neutral</text>"), "the values are named on the axis");
        assertFalse(svg.contains(">0.5</text>"), "no ticks between the two values");
        Design design = Design.of(StudyLoader.load(tmp.resolve("s.yaml")));
        assertEquals(List.of("none", "neutral"), SweepCharts.axis(design, 2).categories());
        assertNull(SweepCharts.axis(design, 0).categories(), "durations stay on a scale of hours");
    }

    @Test
    void anIntervalOfAHeadCountNeverGoesBelowZero() {
        Sample s = Sample.of(new double[] {0, 0, 30});
        assertTrue(s.ciLow() < 0, "the t interval itself does");
        assertEquals(0.0, SweepCharts.low(s));
    }
}
