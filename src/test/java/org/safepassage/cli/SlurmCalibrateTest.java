package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.cluster.Submitter;

/**
 * slurm calibrate's driver without SLURM: a fake submitter runs each array task in this process
 * (the task command the scripts run), and can kill the driver at chosen points. The search
 * through arrays gives the same journal, fit.csv and best-sets.txt as one process; a driver
 * started again goes on without submitting a finished generation again, waits for an array
 * still queued from before, and submits only the tasks that wrote no result.
 */
class SlurmCalibrateTest {

    @TempDir
    Path dir;

    private Path plan;

    @BeforeEach
    void tinyPlan() throws IOException {
        String base = Path.of("scenarios", "teaching.yaml").toAbsolutePath().toString();
        for (String[] e : new String[][] {{"a", "600"}, {"b", "200"}}) {
            Files.writeString(dir.resolve(e[0] + ".yaml"), "extends: " + base + "\nmeta: {name: " + e[0] + "}\n"
                    + "clock: {horizon: PT24H}\nobserved:\n  start: 2016-10-20T08:00\n  points:\n"
                    + "    - {hours: 11, persons: " + e[1] + "}\n");
        }
        plan = dir.resolve("plan.yaml");
        // The start point, then two generations of three: three batches (defaults and start, 3, 3).
        Files.writeString(plan, "schemaVersion: 1\nname: tiny\nepisodes: [{file: a.yaml}, {file: b.yaml}]\n"
                + "parameters:\n  - {path: behaviour.weights.intercept, min: -12, max: 0, start: -5.1}\n"
                + "  - {path: behaviour.weights.trust, min: 0, max: 16, start: 12.49}\n"
                + "optimiser: {populationSize: 3, maxEvaluations: 7, seed: 4}\n");
    }

    /** Thrown by the fake to stand for the driver's job being killed (requeued). */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Runs each submitted task at once with the task command, or not, as the test says. */
    private class Fake implements Submitter {
        final List<String> specs = new ArrayList<>();
        final List<String> batches = new ArrayList<>();
        int killAfterSubmission = -1;
        boolean runTasksOfKilled = true;
        String skipTaskOnce;
        int aliveFor;
        Runnable whenDone;

        @Override
        public String submitArray(Path script, String arraySpec, String log, List<String> args) {
            specs.add(arraySpec);
            batches.add(Path.of(args.get(0)).getFileName().toString());
            boolean kill = specs.size() == killAfterSubmission;
            if (!kill || runTasksOfKilled) {
                for (String t : expand(arraySpec)) {
                    if (t.equals(skipTaskOnce)) {
                        skipTaskOnce = null;
                        continue;
                    }
                    runTask(args.get(0), t, args.get(1));
                }
            }
            if (kill) {
                throw new Killed();
            }
            return "job" + specs.size();
        }

        @Override
        public boolean alive(String jobId) {
            if (aliveFor > 0) {
                aliveFor--;
                if (aliveFor == 0 && whenDone != null) {
                    whenDone.run();
                }
                return true;
            }
            return false;
        }
    }

    private void runTask(String batch, String task, String of) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "slurm-task", "calibrate",
                "--plan", plan.toString(), "--batch", batch, "--task", task, "--of", of, "--threads", "1");
        assertEquals(ExitCode.OK, code, err.toString());
    }

    private static List<String> expand(String spec) {
        List<String> tasks = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] r = part.split("-");
            for (int t = Integer.parseInt(r[0]); t <= Integer.parseInt(r[r.length - 1]); t++) {
                tasks.add(Integer.toString(t));
            }
        }
        return tasks;
    }

    private int drive(Path out, Submitter submitter) throws Exception {
        return drive(out, submitter, false);
    }

    private int drive(Path out, Submitter submitter, boolean leaveOneOut) throws Exception {
        StringWriter err = new StringWriter();
        int code = SlurmJobs.calibrate(plan, null, leaveOneOut, out, 2, submitter, out.resolve("slurm/generation.sbatch"), 0,
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCode.OK, code, err.toString());
        return code;
    }

    private Path single() {
        Path out = dir.resolve("single");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "calibrate",
                "--plan", plan.toString(), "--threads", "2", "--out", out.toString()), err.toString());
        return out;
    }

    /** The journal without its seconds column (the only thing that differs from run to run). */
    private static List<String> journal(Path out) throws IOException {
        return Files.readAllLines(out.resolve("journal.tsv")).stream()
                .map(l -> l.startsWith("#") ? l : String.join("\t", Stream.of(l.split("\t", -1))
                        .filter(new java.util.function.Predicate<String>() {
                            int i;

                            @Override
                            public boolean test(String s) {
                                return i++ != 3;
                            }
                        }).toList()))
                .toList();
    }

    private void assertSameAsOneProcess(Path single, Path arrays) throws IOException {
        List<String> one = journal(single);
        assertEquals(1 + 2 + 2 * 3, one.size(), "the header, the defaults, the start and two generations of three "
                + "(the optimiser's first call, the start point, is found in the journal): " + one);
        assertEquals(one, journal(arrays));
        for (String f : List.of("fit.csv", "best-sets.txt")) {
            assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(arrays.resolve(f)), f);
        }
    }

    @Test
    void generationsThroughArraysGiveWhatOneProcessGives() throws Exception {
        Path single = single();
        Path out = dir.resolve("arrays");
        Fake fake = new Fake();
        drive(out, fake);
        assertSameAsOneProcess(single, out);
        assertEquals(List.of("1,2", "1,2", "1,2"), fake.specs, "three generations, two tasks each");
        try (Stream<Path> s = Files.list(out.resolve("slurm/batches"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("batch-00000-") && names.get(1).startsWith("batch-00002-")
                    && names.get(2).startsWith("batch-00005-"), names.toString());
            assertTrue(Files.exists(out.resolve("slurm/batches").resolve(names.get(1)).resolve("task-2-of-2.tsv")));
        }
        // Run again: nothing is submitted; the journal has it all.
        Fake again = new Fake();
        drive(out, again);
        assertEquals(List.of(), again.specs);
        assertSameAsOneProcess(single, out);
    }

    @Test
    void aRequeuedDriverReusesAFinishedArrayAndSubmitsNothingTwice() throws Exception {
        Path single = single();
        Path out = dir.resolve("arrays");
        Fake first = new Fake();
        first.killAfterSubmission = 2; // the second generation's array finished, then the driver died
        assertThrows(Killed.class, () -> drive(out, first));
        Fake second = new Fake();
        drive(out, second);
        assertEquals(List.of("1,2"), second.specs, "only the last generation is submitted");
        assertFalse(second.batches.contains(first.batches.get(1)), "the finished array is reused");
        assertSameAsOneProcess(single, out);
    }

    @Test
    void aRequeuedDriverWaitsForTheArrayStillRunningAndResubmitsOnlyMissingTasks() throws Exception {
        Path single = single();
        Path out = dir.resolve("arrays");
        Fake first = new Fake();
        first.killAfterSubmission = 2;
        first.runTasksOfKilled = false; // the driver died while its array was still queued
        assertThrows(Killed.class, () -> drive(out, first));
        String running = first.batches.get(1);
        // Kill came before jobs.txt was written: write it as a driver killed a moment later would have.
        Path batch = out.resolve("slurm/batches").resolve(running);
        Files.writeString(batch.resolve("jobs.txt"), "job2\n");
        Fake second = new Fake();
        second.aliveFor = 3;
        second.whenDone = () -> runTask(batch.toString(), "1", "2"); // the old array ends with task 2 failed
        second.skipTaskOnce = "1"; // and in the last generation task 1 fails once
        drive(out, second);
        assertEquals(List.of("2", "1,2", "1"), second.specs, "task 2 of the old array, the last generation, its task 1");
        assertEquals(List.of(running, second.batches.get(1), second.batches.get(1)), second.batches);
        assertSameAsOneProcess(single, out);
    }

    @Test
    void leaveOneOutFoldsAndTheirLeftOutScoresGoThroughArraysToo() throws Exception {
        Path single = dir.resolve("single-loo");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "calibrate",
                "--plan", plan.toString(), "--leave-one-out", "--threads", "2", "--out", single.toString()), err.toString());
        Path out = dir.resolve("arrays-loo");
        Fake fake = new Fake();
        drive(out, fake, true);
        assertEquals(journal(single), journal(out));
        for (String f : List.of("fit.csv", "best-sets.txt", "loo.csv")) {
            assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        // Three searches of three batches each, and one left-out score after each fold.
        assertEquals(3 * 3 + 2, fake.specs.size(), fake.specs.toString());
    }

    @Test
    void aSecondCopyOfATaskStopsWhileTheFirstWorksOnItsShare() throws Exception {
        Path out = dir.resolve("arrays");
        Fake fake = new Fake() {
            @Override
            public String submitArray(Path script, String arraySpec, String log, List<String> args) {
                if (specs.isEmpty()) {
                    Path batch = Path.of(args.get(0));
                    try (org.safepassage.metrics.FolderLock first = org.safepassage.metrics.FolderLock.acquire(
                            batch.resolve(".task-1-of-2"), "slurm-task calibrate 1/2")) {
                        StringWriter err = new StringWriter();
                        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "slurm-task",
                                "calibrate", "--plan", plan.toString(), "--batch", batch.toString(), "--task", "1",
                                "--of", "2");
                        assertEquals(ExitCode.FAILED, code, err.toString());
                        assertTrue(err.toString().startsWith("slurm-task: error: ") && err.toString().contains("in use"),
                                err.toString());
                        assertFalse(Files.exists(batch.resolve("task-1-of-2.tsv")), "the second copy wrote nothing");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return super.submitArray(script, arraySpec, log, args);
            }
        };
        drive(out, fake);
        assertEquals(List.of("1,2", "1,2", "1,2"), fake.specs);
    }
}
