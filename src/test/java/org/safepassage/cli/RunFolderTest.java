package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.TinyFiles;

/** A run folder holds exactly one run: all its files or none, never mixed with an earlier run's. */
class RunFolderTest {

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderReplacesTheFirstWhole() throws IOException {
        Path scenario = TinyFiles.copyTo(dir);
        Path out = dir.resolve("runs/one");
        CheckCommandTest.Outcome first = CheckCommandTest.execute("run", scenario.toString(), "--seed", "1",
                "--maps", "PT6H", "--out", out.toString(), "-q");
        assertEquals(ExitCode.OK, first.code(), first.err());
        assertTrue(names(out).stream().anyMatch(n -> n.startsWith("map-")), names(out).toString());
        CheckCommandTest.Outcome second = CheckCommandTest.execute("run", scenario.toString(), "--seed", "3",
                "--out", out.toString(), "-q");
        assertEquals(ExitCode.OK, second.code(), second.err());
        // the first run's map picture is gone with the rest of it
        assertFalse(names(out).stream().anyMatch(n -> n.startsWith("map-")), names(out).toString());
        ObjectMapper json = new ObjectMapper();
        assertEquals(3, json.readTree(out.resolve("manifest.json").toFile()).path("seed").asLong());
        assertEquals(3, json.readTree(out.resolve("summary.json").toFile()).path("seed").asLong());
        // no staging or set-aside folder is left next to it
        assertEquals(List.of("one"), names(dir.resolve("runs")));
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path scenario = TinyFiles.copyTo(dir);
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CheckCommandTest.Outcome o = CheckCommandTest.execute("run", scenario.toString(), "--out", out.toString(),
                "-q");
        assertEquals(ExitCode.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("holds files that are not a run's"), o.err());
        assertEquals(List.of("notes.txt"), names(out));
    }
}
