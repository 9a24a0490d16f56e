package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's SVG chart draws each series as one path, not one line element per tick. */
class ChartSvgTest {

    @TempDir
    Path tmp;

    @Test
    void seriesAreDrawnAsPaths() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.execute("run", "scenarios/teaching.yaml", "-q", "--out", tmp.toString());
        assertEquals(ExitCode.OK, o.code(), o.err());
        String svg = Files.readString(tmp.resolve("evacuated.svg"));
        long lines = Pattern.compile("<line").matcher(svg).results().count();
        // 576 ticks and 3 series: as line elements there would be over 1,700; axes and grid need about 60
        assertTrue(lines < 150, lines + " line elements");
        assertTrue(svg.length() < 150_000, svg.length() + " characters");
    }
}
