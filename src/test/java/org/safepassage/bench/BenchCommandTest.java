package org.safepassage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.cli.ExitCode;
import org.safepassage.cli.Main;

/** {@code safepassage bench} end to end on tiny sizes: bench.csv and the table; bad options refused. */
class BenchCommandTest {

    record Ran(int code, String out, String err) {
    }

    static Ran bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void writesOneCsvRowPerMeasurement(@TempDir Path dir) throws Exception {
        Ran r = bench("--quick", "--scenario", "scenarios/teaching.yaml", "--sizes", "1000", "--repetitions", "1",
                "--warmup", "0", "--sweep-persons", "1000", "--sweep-runs", "2", "--reference-persons", "1000",
                "--out", dir.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("bench.csv"));
        assertEquals(String.join(",", Bench.COLUMNS), lines.get(0));
        // teaching itself, 1000 synthetic, model and reference at 1000, sweeps on 1 and all threads
        int sweeps = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;
        assertEquals(1 + 4 + sweeps, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("reference,reference,")), "no reference row");
        assertTrue(r.out().contains("speed ratio model / per-agent reference at 1,000 persons"), r.out());
        assertTrue(r.out().contains(org.safepassage.sim.Households.bytesPerHousehold() + " bytes per household"), r.out());
        assertTrue(org.safepassage.sim.Households.bytesPerHousehold() <= 40, "issue 8: at most 40 bytes of hot state");
        assertFalse(lines.get(1).contains(",,,"), lines.get(1));
    }

    @Test
    void refusesTooFewPersonsAndMissingScenario(@TempDir Path dir) {
        Ran tiny = bench("--quick", "--sizes", "10", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, tiny.code());
        assertTrue(tiny.err().contains("expected at least 100 persons"), tiny.err());
        Ran missing = bench("--scenario", dir.resolve("nope.yaml").toString(), "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, missing.code());
        assertFalse(Files.exists(dir.resolve("bench.csv")));
    }
}
