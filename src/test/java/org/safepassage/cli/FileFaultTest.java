package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.TinyFiles;

/**
 * File-system faults: an output folder that cannot be written (here under /sys, which refuses
 * writes even to root) is found before any run, and every command says path and cause in one
 * line, exit code 1, no stack trace; a fault met while writing is reported the same way.
 */
class FileFaultTest {

    @TempDir
    Path dir;

    private static final String UNWRITABLE = "/sys/safepassage-test-out";

    private static void assertOneLineFault(CheckCommandTest.Outcome o, String path) {
        assertEquals(ExitCode.FAILED, o.code(), o.out() + o.err());
        List<String> lines = o.errLines().stream().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains(path + ": "), o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("internal error"), o.err());
    }

    @Test
    void everyCommandRefusesAnUnwritableOutputFolderBeforeRunning() throws IOException {
        Path scenario = TinyFiles.copyTo(dir);
        Path study = dir.resolve(TinyFiles.STUDY);
        assertOneLineFault(CheckCommandTest.execute("run", scenario.toString(), "--out", UNWRITABLE, "-q"), "/sys");
        assertOneLineFault(CheckCommandTest.execute("sweep", study.toString(), "--out", UNWRITABLE, "-q"), "/sys");
        assertOneLineFault(CheckCommandTest.execute("compare", scenario.toString(), "--replicates", "1", "--out",
                UNWRITABLE, "-q"), "/sys");
        Path episode = dir.resolve("episode.yaml");
        Files.copy(Path.of("scenarios/episodes/aleppo-2016-12.yaml"), episode);
        CheckCommandTest.Outcome v = CheckCommandTest.execute("validate", "scenarios/episodes/aleppo-2016-12.yaml",
                "--replicates", "1", "--out", UNWRITABLE, "-q");
        assertOneLineFault(v, "/sys");
        assertFalse(Files.exists(Path.of(UNWRITABLE)));
    }

    @Test
    void aFaultWhileWritingIsOneLineWithPathAndCause() throws IOException {
        TinyFiles.copyTo(dir);
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("runs.csv"));
        Files.writeString(out.resolve("runs.csv/x"), "x");
        CheckCommandTest.Outcome o = CheckCommandTest.execute("sweep", dir.resolve(TinyFiles.STUDY).toString(),
                "--out", out.toString(), "-q");
        assertOneLineFault(o, out.resolve("runs.csv").toString());
        assertTrue(o.err().startsWith("safepassage: error: " + out.resolve("runs.csv") + ": "), o.err());
    }
}
