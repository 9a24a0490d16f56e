package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.cluster.Submitter;
import org.safepassage.scenario.TinyFiles;

/**
 * slurm design's driver without SLURM: each NSGA-II step and each racing stage goes to an array
 * whose tasks (the task command, run in this process by a fake submitter) do the runs; the
 * search gives the same files as one design process, and a driver killed after an array
 * finished goes on without submitting it again.
 */
class SlurmDesignTest {

    @TempDir
    Path dir;

    private Path design() {
        TinyFiles.copyTo(dir);
        return TinyFiles.write(dir.resolve("d.yaml"), """
                schemaVersion: 1
                name: tiny-design
                question: Which pause length and monitoring on the tiny map?
                base: tiny.yaml
                levers:
                  - {path: "pauses[pause].duration", values: [PT2H, PT6H, PT12H]}
                  - {path: "corridors[*].monitoring", values: [none, neutral]}
                objectives:
                  - maximise: evacuated
                  - minimise: killed
                constraints:
                  - {figure: peakQueue, atMost: 100000, inShareOfRuns: 0.9}
                uncertainty:
                  ensemble: none
                  inputs:
                    pauses[pause].credibility: {uniform: [0.2, 0.8]}
                search: {seed: 3, candidates: 5, population: 4, stages: [2, 4], keep: 0.5}
                """);
    }

    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final class Fake implements Submitter {
        final Path file;
        final List<String> batches = new ArrayList<>();
        int killAfter = -1;

        Fake(Path file) {
            this.file = file;
        }

        @Override
        public String submitArray(Path script, String arraySpec, String log, List<String> args) {
            batches.add(Path.of(args.get(0)).getFileName().toString());
            for (String part : arraySpec.split(",")) {
                String[] r = part.split("-");
                for (int t = Integer.parseInt(r[0]); t <= Integer.parseInt(r[r.length - 1]); t++) {
                    StringWriter err = new StringWriter();
                    assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                            "slurm-task", "design", "--design", file.toString(), "--batch", args.get(0), "--task",
                            Integer.toString(t), "--of", args.get(1)), err.toString());
                }
            }
            if (batches.size() == killAfter) {
                throw new Killed();
            }
            return "job" + batches.size();
        }

        @Override
        public boolean alive(String jobId) {
            return false;
        }
    }

    private void drive(Path file, Path out, Fake fake) throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, SlurmJobs.design(file, out, 3, fake, out.resolve("slurm/generation.sbatch"), 0,
                new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
    }

    @Test
    void theSearchThroughArraysGivesWhatOneProcessGivesAndARequeuedDriverGoesOn() throws Exception {
        Path file = design();
        Path single = dir.resolve("single");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "design",
                file.toString(), "--out", single.toString(), "--threads", "2", "-q"), err.toString());

        Path out = dir.resolve("arrays");
        Fake first = new Fake(file);
        first.killAfter = 2;
        assertThrows(Killed.class, () -> drive(file, out, first));
        Fake second = new Fake(file);
        drive(file, out, second);
        assertFalse(second.batches.contains(first.batches.get(1)), "the finished array is reused: " + second.batches);
        assertTrue(second.batches.size() >= 1, "the search went on through arrays: " + second.batches);
        for (String f : List.of("front.csv", "candidates.csv", "evaluations.csv", "regret.csv")) {
            assertArrayEquals(java.nio.file.Files.readAllBytes(single.resolve(f)),
                    java.nio.file.Files.readAllBytes(out.resolve(f)), f);
        }
        // Run again: the journal has every run; nothing is submitted.
        Fake third = new Fake(file);
        drive(file, out, third);
        assertEquals(List.of(), third.batches);
    }
}
