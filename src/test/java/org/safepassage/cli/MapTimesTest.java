package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chart.MapPicture;
import org.safepassage.chart.MapSnapshots;
import org.safepassage.scenario.Clock;

/** run --maps: the times, the file names, the pictures, and bad values refused before anything is written. */
class MapTimesTest {

    private static final Clock SEVEN_DAYS = new Clock(LocalDateTime.of(2016, 10, 19, 8, 0), 5, Duration.ofDays(7));

    @Test
    void timesBecomeTicksAndFileNames() {
        List<MapSnapshots.Shot> shots = MapTimes.parse("PT6H, PT24H,end,PT90M,P2D", SEVEN_DAYS);
        assertEquals(List.of(new MapSnapshots.Shot(72, "map-006h.png"), new MapSnapshots.Shot(288, "map-024h.png"),
                new MapSnapshots.Shot(2016, "map-end.png"), new MapSnapshots.Shot(18, "map-001h30m.png"),
                new MapSnapshots.Shot(576, "map-048h.png")), shots);
    }

    @Test
    void aTimeInsideATickIsTakenAtTheEndOfThatTick() {
        assertEquals(2, MapTimes.parse("PT7M", SEVEN_DAYS).get(0).ticksDone());
        assertEquals("map-000h07m.png", MapTimes.parse("PT7M", SEVEN_DAYS).get(0).fileName());
    }

    @Test
    void repeatedTimesGiveOnePicture() {
        assertEquals(1, MapTimes.parse("PT6H,PT360M", SEVEN_DAYS).size());
    }

    @Test
    void badTimesAreRefusedWithTheReason() {
        String bad = assertThrows(IllegalArgumentException.class, () -> MapTimes.parse("PT6H,6h", SEVEN_DAYS)).getMessage();
        assertTrue(bad.contains("'6h' is not a time") && bad.contains("PT6H"), bad);
        String zero = assertThrows(IllegalArgumentException.class, () -> MapTimes.parse("PT0H", SEVEN_DAYS)).getMessage();
        assertTrue(zero.contains("not after the start"), zero);
        String late = assertThrows(IllegalArgumentException.class, () -> MapTimes.parse("P8D", SEVEN_DAYS)).getMessage();
        assertTrue(late.contains("after the end of the run (PT168H)"), late);
        String empty = assertThrows(IllegalArgumentException.class, () -> MapTimes.parse("PT6H,", SEVEN_DAYS)).getMessage();
        assertTrue(empty.contains("'' is not a time"), empty);
    }

    @Test
    void runWritesTheMapPictures(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "scenarios/teaching.yaml",
                "--out", out.toString(), "--maps", "PT6H,end", "-q");
        assertEquals(ExitCode.OK, code, err.toString());
        for (String name : List.of("map-006h.png", "map-end.png")) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertEquals(MapPicture.WIDTH, image.getWidth(), name);
            assertEquals(MapPicture.HEIGHT, image.getHeight(), name);
        }
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void runWithBadMapsExitsTwoAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "scenarios/teaching.yaml",
                "--out", out.toString(), "--maps", "PT6H,tomorrow");
        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("--maps: 'tomorrow' is not a time"), err.toString());
        assertFalse(Files.exists(out), "nothing written");
    }
}
