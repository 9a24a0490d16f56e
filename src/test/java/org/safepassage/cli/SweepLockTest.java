package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.RunWriter;

/**
 * Two 'sweep --resume' on one folder: the second (here in this process) finds the first (another
 * process) at work, stops with exit 1 naming it, and runs nothing; the first does every run once.
 */
class SweepLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondResumeOnTheSameFolderRefusesAndNoRunIsDoneTwice() throws IOException, InterruptedException {
        Path study = tmp.resolve("lock.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: lock
                base: %s
                design: factorial
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT16H]
                replicates: 40
                seed: 3
                outputs: [evacuated]
                """.formatted(Path.of("scenarios/teaching.yaml").toAbsolutePath()));
        Path dir = tmp.resolve("out");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sweep", study.toString(), "--out",
                dir.toString(), "--resume", "--threads", "1", "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
        try {
            Path lockFile = dir.resolve(FolderLock.FILE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(lockFile) && Files.size(lockFile) > 0) && first.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(first.isAlive(), "the first sweep is still running: " + Files.readString(tmp.resolve("first.log")));
            SweepCommandTest.Exit second = SweepCommandTest.sweep("sweep", study.toString(), "--out", dir.toString(),
                    "--resume", "-q");
            assertEquals(ExitCode.FAILED, second.code(), second.err());
            assertTrue(second.err().contains(dir + " is in use by process " + first.pid() + " on " + FolderLock.host()),
                    second.err());
            assertEquals(0, first.waitFor(), Files.readString(tmp.resolve("first.log")));
        } finally {
            first.destroyForcibly();
        }
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(1 + 80, runs.size());
        Set<String> tasks = new HashSet<>();
        for (String line : runs.subList(1, runs.size())) {
            String[] cells = line.split(",");
            assertTrue(tasks.add(cells[0] + "," + cells[1]), "run " + cells[0] + "," + cells[1] + " twice");
        }
        assertEquals(80, RunWriter.json().readTree(dir.resolve("manifest.json").toFile()).path("runsThisSession").asInt(),
                "the first sweep did every run");
    }

    @Test
    void compareValidateAndMergeStopOnAFolderInUse() throws IOException {
        Path dir = tmp.resolve("busy");
        try (FolderLock held = FolderLock.acquire(dir, "safepassage sweep other.yaml")) {
            SweepCommandTest.Exit compare = SweepCommandTest.sweep("compare", "scenarios/teaching.yaml", "--replicates",
                    "1", "--set", "clock.horizon=PT1H", "--out", dir.toString(), "-q");
            assertEquals(ExitCode.FAILED, compare.code(), compare.err());
            assertTrue(compare.err().contains("safepassage compare: error: " + dir + " is in use by process "
                    + ProcessHandle.current().pid()), compare.err());
            assertTrue(compare.err().contains("safepassage sweep other.yaml"), compare.err());
            SweepCommandTest.Exit validate = SweepCommandTest.sweep("validate", "--replicates", "1", "--out",
                    dir.toString(), "-q");
            assertEquals(ExitCode.FAILED, validate.code(), validate.err());
            assertTrue(validate.err().contains("safepassage validate: error: " + dir + " is in use"), validate.err());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(FolderLock.FILE), files.map(p -> p.getFileName().toString()).toList(),
                    "nothing written into the busy folder");
        }
    }
}
