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
            assertEquals(Main.FAILED, second.code(), second.err());
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
}
