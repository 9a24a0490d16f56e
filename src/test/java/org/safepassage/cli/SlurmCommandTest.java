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
    void compareRunsAsOneJobWithItsArgumentsPassedOn() throws IOException {
        Path out = tmp.resolve("cmp");
        SweepCommandTest.Exit e = slurm("compare", "scenarios/teaching.yaml", "--replicates", "3", "--set",
                "population.persons=500", "--out", out.toString(), "--cpus", "2");
        assertEquals(ExitCode.OK, e.code(), e.err());
        String job = Files.readString(out.resolve("slurm/compare.sbatch"));
        assertTrue(job.contains(" compare " + Path.of("scenarios/teaching.yaml").toAbsolutePath()
                + " --replicates 3 --set population.persons=500 --out " + out + " --threads 2\n"), job);
        assertFalse(job.contains("--array"), job);
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
        assertTrue(e.err().contains("COMMAND 'run'; expected sweep, compare or validate"), e.err());
        e = slurm("validate", "--tasks", "4");
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("validate runs as one job (it has no --shard)"), e.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }
}
