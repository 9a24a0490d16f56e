package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slurm --dry-run: the scripts it writes (one array task per shard, requeue, appended logs,
 * each task resuming its own shard on the copied jar, a merge of all shards) and what it refuses.
 * The scripts run on a real single-node cluster in .ci/slurm-check.
 */
class SlurmCommandTest {

    @TempDir
    Path tmp;

    private Path study;
    private Path jar;

    @BeforeEach
    void files() throws IOException {
        study = tmp.resolve("my study.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: tiny
                base: %s
                design: factorial
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT16H]
                replicates: 10
                seed: 5
                outputs: [evacuated]
                """.formatted(Path.of("scenarios/teaching.yaml").toAbsolutePath()));
        jar = tmp.resolve("program.jar");
        Files.writeString(jar, "a jar");
    }

    private SweepCommandTest.Exit slurm(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("slurm"));
        all.addAll(List.of(args));
        all.addAll(List.of("--jar", jar.toString(), "--dry-run"));
        return SweepCommandTest.sweep(all.toArray(String[]::new));
    }

    @Test
    void aSweepBecomesAnArrayOfResumingShardsAndAMerge() throws IOException {
        Path out = tmp.resolve("out");
        SweepCommandTest.Exit e = slurm("sweep", study.toString(), "--out", out.toString(), "--threads", "4",
                "--tasks", "5", "--partition", "short", "--time", "00:30:00", "--mem", "2G", "--account", "lab");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String array = Files.readString(out.resolve("slurm/array.sbatch"));
        String copy = out.resolve("slurm/safepassage.jar").toString();
        for (String line : new String[] {"#SBATCH --array=1-5\n", "#SBATCH --requeue\n", "#SBATCH --open-mode=append\n",
            "#SBATCH --cpus-per-task=4\n", "#SBATCH --partition=short\n", "#SBATCH --time=00:30:00\n",
            "#SBATCH --mem=2G\n", "#SBATCH --account=lab\n",
            "#SBATCH --output=" + out.resolve("slurm/logs") + "/shard-%a-of-5.log\n",
            " -jar " + copy + " sweep '" + study + "' --shard \"$I/5\" --out " + out + "/shard-\"$I\"-of-5 --threads 4 "
                    + "--resume -q\n"}) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        String merge = Files.readString(out.resolve("slurm/merge.sbatch"));
        assertTrue(merge.contains(" -jar " + copy + " merge " + out + "/shard-{1..5}-of-5 --out " + out + "\n"), merge);
        assertEquals("a jar", Files.readString(out.resolve("slurm/safepassage.jar")), "the jar is copied");
        assertTrue(e.out().contains("==> " + out.resolve("slurm/array.sbatch") + " <=="), e.out());
        assertTrue(e.out().contains("sbatch --dependency=afterok:$jobid --kill-on-invalid-dep=yes "), e.out());
        assertTrue(e.out().contains("nothing submitted"), e.out());
    }

    @Test
    void compareBecomesAnArrayOfShardsOfItsReplicatesAndAMerge() throws IOException {
        Path out = tmp.resolve("cmp");
        SweepCommandTest.Exit e = slurm("compare", "scenarios/teaching.yaml", "--replicates", "3", "--set",
                "population.persons=500", "--outputs", "corridors", "--hourly-step", "2", "--at-least", "100",
                "--out", out.toString(), "--cpus", "2", "--tasks", "3");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String array = Files.readString(out.resolve("slurm/array.sbatch"));
        String copy = out.resolve("slurm/safepassage.jar").toString();
        for (String line : new String[] {"#SBATCH --array=1-3\n", "#SBATCH --requeue\n", "#SBATCH --open-mode=append\n",
            "#SBATCH --cpus-per-task=2\n", "#SBATCH --output=" + out.resolve("slurm/logs") + "/shard-%a-of-3.log\n",
            " -jar " + copy + " compare " + Path.of("scenarios/teaching.yaml").toAbsolutePath()
                    + " --replicates 3 --set population.persons=500 --outputs corridors --hourly-step 2 --at-least 100"
                    + " --shard \"$I/3\" --out " + out
                    + "/shard-\"$I\"-of-3 --threads 2 -q\n"}) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        String merge = Files.readString(out.resolve("slurm/merge.sbatch"));
        assertTrue(merge.contains(" -jar " + copy + " merge " + out + "/shard-{1..3}-of-3 --out " + out + "\n"), merge);
        assertTrue(e.out().contains("==> " + out.resolve("slurm/merge.sbatch") + " <=="), e.out());
        assertTrue(e.out().contains("sbatch --dependency=afterok:$jobid --kill-on-invalid-dep=yes "), e.out());
    }

    @Test
    void validateBecomesAnArrayOfShardsOfItsRunsAndAMerge() throws IOException {
        Path out = tmp.resolve("val");
        Path episode = Path.of("scenarios/episodes/daraya-2016-08.yaml").toAbsolutePath();
        SweepCommandTest.Exit e = slurm("validate", episode.toString(), "--replicates", "2", "--null", "--out",
                out.toString(), "--tasks", "2");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String array = Files.readString(out.resolve("slurm/array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=1-2\n"), array);
        assertTrue(array.contains(" validate " + episode + " --replicates 2 --null --shard \"$I/2\" --out " + out
                + "/shard-\"$I\"-of-2 -q\n"), array);
        assertTrue(Files.readString(out.resolve("slurm/merge.sbatch")).contains(" merge " + out + "/shard-{1..2}-of-2 --out "
                + out + "\n"));
    }

    @Test
    void whatSlurmCannotDoIsRefused() {
        SweepCommandTest.Exit e = slurm("sweep", study.toString(), "--shard", "1/2");
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--shard: slurm sets it for each task"), e.err());
        e = slurm("sweep", study.toString(), "--tasks", "21", "--out", tmp.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--tasks 21; expected 1 to 20 (the study has 20 runs)"), e.err());
        e = slurm("run", "scenarios/teaching.yaml");
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("COMMAND 'run'; expected sweep, compare, validate, calibrate or design"), e.err());
        e = slurm("calibrate", "--out", tmp.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("slurm calibrate: error: no --plan FILE"), e.err());
        e = slurm("compare", "scenarios/teaching.yaml", "--replicates", "3", "--tasks", "4", "--out",
                tmp.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--tasks 4; expected 1 to 3 (one task per replicate at most: --replicates 3)"),
                e.err());
        e = slurm("validate", "scenarios/episodes/daraya-2016-08.yaml", "--replicates", "2", "--tasks", "3", "--out",
                tmp.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--tasks 3; expected 1 to 2 (the validation has 2 runs)"), e.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    /** Every line of the two calibrate scripts (the written-at line aside). */
    @Test
    void calibrateBecomesADriverJobAndTheArrayScriptItSubmitsEachGeneration() throws IOException {
        String base = Path.of("scenarios", "teaching.yaml").toAbsolutePath().toString();
        Files.writeString(tmp.resolve("a.yaml"), "extends: " + base + "\nmeta: {name: a}\nclock: {horizon: PT24H}\n"
                + "observed:\n  start: 2016-10-20T08:00\n  points:\n    - {hours: 11, persons: 600}\n");
        Path plan = tmp.resolve("my plan.yaml");
        Files.writeString(plan, "schemaVersion: 1\nname: tiny plan\nepisodes: [{file: a.yaml}]\n"
                + "parameters:\n  - {path: behaviour.weights.intercept, min: -12, max: 0, start: -5.1}\n"
                + "optimiser: {populationSize: 6, maxEvaluations: 12}\n");
        Path out = tmp.resolve("cal");
        SweepCommandTest.Exit e = slurm("calibrate", "--plan", plan.toString(), "--max-evaluations", "30", "--out",
                out.toString(), "--threads", "2", "--tasks", "3", "--partition", "short", "--time", "00:10:00", "--mem",
                "1G", "--driver-time", "12:00:00", "--poll", "2");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String cwd = Path.of("").toAbsolutePath().toString();
        String copy = out.resolve("slurm/safepassage.jar").toString();
        String quotedPlan = "'" + plan + "'";
        assertEquals("""
                #!/bin/bash
                # written
                # the driver of calibrate --plan %1$s: runs CMA-ES and hands each generation to generation.sbatch as a job array
                #SBATCH --job-name=sp-calibrate-tiny-plan
                #SBATCH --chdir=%2$s
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=1
                #SBATCH --requeue
                #SBATCH --open-mode=append
                #SBATCH --output=%3$s/slurm/logs/driver.log
                #SBATCH --partition=short
                #SBATCH --time=12:00:00
                set -euo pipefail
                echo "== driver on $(hostname), start $(date -u +%%FT%%TZ), restart ${SLURM_RESTART_COUNT:-0}"
                # after a requeue the driver goes on from journal.tsv and the batch folders: a generation whose
                # array is still queued is waited for, finished tasks are not run again.
                "${SAFEPASSAGE_JAVA:-java}" ${SAFEPASSAGE_JAVA_OPTS:-} -jar %4$s slurm-driver calibrate --plan %5$s \
                --out %3$s --tasks 3 --poll 2 --max-evaluations 30
                """.formatted(plan, cwd, out, copy, quotedPlan),
                written(out.resolve("slurm/driver.sbatch")));
        assertEquals("""
                #!/bin/bash
                # written
                # one generation of calibrate --plan %1$s: task I of K scores candidates I, I+K, ... of batch folder $1
                # (the driver submits it: sbatch --array=TASKS --output=LOG generation.sbatch BATCH K)
                #SBATCH --job-name=sp-calibrate-tiny-plan-gen
                #SBATCH --chdir=%2$s
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=2
                #SBATCH --requeue
                #SBATCH --open-mode=append
                #SBATCH --partition=short
                #SBATCH --time=00:10:00
                #SBATCH --mem=1G
                set -euo pipefail
                echo "== task $SLURM_ARRAY_TASK_ID/$2 of $(basename "$1") on $(hostname), start $(date -u +%%FT%%TZ), \
                restart ${SLURM_RESTART_COUNT:-0}"
                "${SAFEPASSAGE_JAVA:-java}" ${SAFEPASSAGE_JAVA_OPTS:-} -jar %4$s slurm-task calibrate --plan %5$s \
                --batch "$1" --task "$SLURM_ARRAY_TASK_ID" --of "$2" --threads 2
                """.formatted(plan, cwd, out, copy, quotedPlan),
                written(out.resolve("slurm/generation.sbatch")));
        assertEquals("a jar", Files.readString(out.resolve("slurm/safepassage.jar")), "the jar is copied");
        assertTrue(e.out().contains("  sbatch " + out.resolve("slurm/driver.sbatch") + "\n"), e.out());
        // One task per candidate of a generation when --tasks is not given; options the driver does not take are refused.
        e = slurm("calibrate", "--plan", plan.toString(), "--out", out.toString());
        assertTrue(Files.readString(out.resolve("slurm/driver.sbatch")).contains(" --tasks 6 --poll 10\n"), e.err());
        e = slurm("calibrate", "--plan", plan.toString(), "--samples", "4", "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--samples: not an option of the driver"), e.err());
    }

    /** design: the same two scripts, running the design search's driver and its run tasks. */
    @Test
    void designBecomesADriverJobAndTheArrayScriptItSubmits() throws IOException {
        org.safepassage.scenario.TinyFiles.copyTo(tmp);
        Path design = org.safepassage.scenario.TinyFiles.write(tmp.resolve("d.yaml"), """
                schemaVersion: 1
                name: tiny-design
                question: Which pause length?
                base: tiny.yaml
                levers:
                  - {path: "pauses[pause].duration", values: [PT2H, PT6H]}
                objectives:
                  - maximise: evacuated
                search: {seed: 3, candidates: 2, population: 4, stages: [2, 4], keep: 0.5}
                """);
        Path out = tmp.resolve("des");
        SweepCommandTest.Exit e = slurm("design", design.toString(), "--out", out.toString(), "--cpus", "2");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String copy = out.resolve("slurm/safepassage.jar").toString();
        String driver = written(out.resolve("slurm/driver.sbatch"));
        assertTrue(driver.contains("# the driver of design " + design + ": runs NSGA-II and the racing stages and hands "
                + "each generation to generation.sbatch as a job array\n#SBATCH --job-name=sp-design-tiny-design\n"), driver);
        assertTrue(driver.endsWith(" -jar " + copy + " slurm-driver design --design " + design + " --out " + out
                + " --tasks 4 --poll 10\n"), driver);
        String generation = written(out.resolve("slurm/generation.sbatch"));
        assertTrue(generation.contains("#SBATCH --cpus-per-task=2\n"), generation);
        assertTrue(generation.endsWith(" -jar " + copy + " slurm-task design --design " + design + " --batch \"$1\" "
                + "--task \"$SLURM_ARRAY_TASK_ID\" --of \"$2\" --threads 2\n"), generation);
        e = slurm("design", design.toString(), "--threshold", "evacuated>=1@0.5", "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--threshold: not an option of the driver"), e.err());
    }

    private static String written(Path script) throws IOException {
        return Files.readString(script).replaceFirst("(?m)^# written by safepassage .* at .*$", "# written");
    }
}
