package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.RunsMerge;
import org.safepassage.metrics.RunWriter;

/**
 * merge: many shards in passes, merged folders merged again, refusal of inconsistent or
 * overlapping inputs, and what a killed merge leaves. The whole sweep is the reference: every
 * merge must give its runs.csv and summary.csv byte for byte.
 */
class MergeCommandTest {

    @TempDir
    Path tmp;

    private Path study;
    private Path whole;

    @BeforeEach
    void wholeSweep() throws IOException {
        String base = Path.of("scenarios/teaching.yaml").toAbsolutePath().toString();
        study = tmp.resolve("tiny.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: tiny
                base: %s
                design: factorial
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT16H]
                  - path: clock.horizon
                    values: [PT12H]
                  - path: population.persons
                    values: [200]
                replicates: 50
                seed: 5
                outputs: [evacuated, killed]
                """.formatted(base));
        whole = tmp.resolve("whole");
        SweepCommandTest.Exit e = SweepCommandTest.sweep("sweep", study.toString(), "--out", whole.toString(), "-q");
        assertEquals(ExitCode.OK, e.code(), e.err());
    }

    /**
     * The shards of N: shard 1 run by sweep; the others are its folder with the whole sweep's
     * lines of that shard and the manifest's shard field changed (what sweep --shard I/N writes).
     */
    private List<Path> shards(int n) throws IOException {
        Path first = tmp.resolve("shards-" + n).resolve("shard-1-of-" + n);
        SweepCommandTest.Exit e = SweepCommandTest.sweep("sweep", study.toString(), "--shard", "1/" + n, "--out",
                first.toString(), "-q");
        assertEquals(ExitCode.OK, e.code(), e.err());
        List<String> lines = Files.readAllLines(whole.resolve("runs.csv"));
        List<Path> out = new ArrayList<>(List.of(first));
        for (int i = 2; i <= n; i++) {
            Path d = first.resolveSibling("shard-" + i + "-of-" + n);
            Files.createDirectories(d);
            StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
            for (int t = i - 1; t + 1 < lines.size(); t += n) {
                b.append(lines.get(t + 1)).append('\n');
            }
            Files.writeString(d.resolve("runs.csv"), b.toString());
            ObjectNode m = (ObjectNode) RunWriter.json().readTree(first.resolve("manifest.json").toFile());
            m.put("shard", i + "/" + n);
            Files.write(d.resolve("manifest.json"), RunWriter.json().writeValueAsBytes(m));
            out.add(d);
        }
        return out;
    }

    private static SweepCommandTest.Exit merge(List<Path> dirs, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("merge"));
        dirs.forEach(d -> args.add(d.toString()));
        args.addAll(List.of("--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return SweepCommandTest.sweep(args.toArray(String[]::new));
    }

    private void assertSameAsWhole(Path merged) throws IOException {
        for (String f : new String[] {"runs.csv", "summary.csv", "paired.csv"}) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(merged.resolve(f)), f + " differs");
        }
        assertFalse(Files.exists(merged.resolve("sweep-state.json")));
    }

    @Test
    void moreShardsThanTheFanInAreMergedInPassesByteForByte() throws IOException {
        int n = RunsMerge.FAN_IN + 36; // two passes
        List<Path> shards = shards(n);
        Path merged = tmp.resolve("merged");
        SweepCommandTest.Exit e = merge(shards, merged);
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertSameAsWhole(merged);
        try (Stream<Path> s = Files.list(merged)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".passes")), "no pass files left");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".merged")), "no staging folder left");
        }
    }

    @Test
    void partialMergesAreMergedAgainIntoTheWhole() throws IOException {
        List<Path> shards = shards(10);
        Path a = tmp.resolve("part-a");
        Path b = tmp.resolve("part-b");
        SweepCommandTest.Exit e = merge(shards.subList(0, 4), a, "--partial");
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertFalse(Files.exists(a.resolve("summary.csv")), "a partial merge has no summary");
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("\"indices\" : \"1-4\""));
        e = merge(shards.subList(4, 10), b, "--partial");
        assertEquals(ExitCode.OK, e.code(), e.err());

        Path merged = tmp.resolve("merged");
        e = merge(List.of(b, a), merged);
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertSameAsWhole(merged);

        // a complete merge is itself a valid input
        Path again = tmp.resolve("again");
        e = merge(List.of(merged), again);
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertSameAsWhole(again);

        SweepCommandTest.Exit overlap = merge(List.of(a, b, shards.get(2)), tmp.resolve("x"));
        assertEquals(ExitCode.BAD_INPUT, overlap.code());
        assertTrue(overlap.err().contains("shard 3/10 is also in " + a), overlap.err());

        SweepCommandTest.Exit missing = merge(List.of(a), tmp.resolve("y"));
        assertEquals(ExitCode.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("shards 5-10 of 10 are missing"), missing.err());
    }

    @Test
    void inconsistentShardsAreRefusedNamingWhatDiffers() throws IOException {
        List<Path> shards = shards(4);
        Path out = tmp.resolve("refused");

        // recorded input hashes: equal merges, one differing file is named
        for (Path d : shards) {
            setInputs(d, "aaaa", "1.0 abc");
        }
        assertEquals(ExitCode.OK, merge(shards, tmp.resolve("with-inputs")).code());
        assertTrue(Files.readString(tmp.resolve("with-inputs/manifest.json")).contains("\"maps/teaching.txt\""),
                "the merged manifest keeps the shards' input hashes");
        setInputs(shards.get(2), "bbbb", "1.0 abc");
        SweepCommandTest.Exit e = merge(shards, out);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains(shards.get(2).resolve("manifest.json") + ": error: inputs: other maps/teaching.txt"),
                e.err());
        setInputs(shards.get(2), "aaaa", "1.1 def");
        e = merge(shards, out);
        assertTrue(e.err().contains("inputs: other program (1.1 def here, 1.0 abc there)"), e.err());
        setInputs(shards.get(2), "aaaa", "1.0 abc");

        // another study hash
        edit(shards.get(1), m -> m.put("studySha256", "0".repeat(64)));
        e = merge(shards, out);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("studySha256: another study"), e.err());
        edit(shards.get(1), m -> m.put("studySha256", read(shards.get(0)).path("studySha256").asText()));

        // another base scenario
        edit(shards.get(1), m -> m.put("baseScenarioSha256", "1".repeat(64)));
        e = merge(shards, out);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains(shards.get(1).resolve("manifest.json") + ": error: baseScenarioSha256: another "
                + "base scenario"), e.err());
        for (Path d : shards) {
            edit(d, m -> m.put("baseScenarioSha256", "1".repeat(64)));
        }
        e = merge(shards, out);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("teaching.yaml: error: the base scenario changed since the shards ran"), e.err());
        for (Path d : shards) {
            edit(d, m -> m.put("baseScenarioSha256", org.safepassage.metrics.Manifest.sha256(
                    Path.of("scenarios/teaching.yaml"))));
        }

        // a shard of another split
        edit(shards.get(3), m -> m.put("shard", "4/5"));
        e = merge(shards, out);
        assertTrue(e.err().contains("a study split into 5 shards"), e.err());
        edit(shards.get(3), m -> m.put("shard", "4/4"));

        // the same shard twice
        e = merge(List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2), shards.get(3)), out);
        assertTrue(e.err().contains("shard 2/4 is also in"), e.err());

        // a line that belongs to another shard (a copied file)
        Files.copy(shards.get(0).resolve("runs.csv"), shards.get(1).resolve("runs.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        e = merge(shards, out);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("belongs to shard 1/4, which " + shards.get(1) + " does not hold"), e.err());
        assertFalse(Files.exists(out.resolve("runs.csv")), "nothing written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".refused")), "no staging folder left");
        }
    }

    @Test
    void aKilledMergeLeavesNothingThatLooksFinishedAndRerunningWorks() throws IOException {
        List<Path> shards = shards(3);
        Path merged = tmp.resolve("merged");
        // what a merge killed while publishing leaves: its staging folder and the folder marked unfinished
        Path staging = tmp.resolve(".merged.tmp-killed");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("runs.csv"), "half");
        Files.createDirectories(merged);
        Files.writeString(merged.resolve("sweep-state.json"), "{\"status\":\"merging\"}");
        Files.writeString(merged.resolve("runs.csv"), "point,replicate\n");

        SweepCommandTest.Exit e = merge(List.of(merged), tmp.resolve("other"));
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("a merge into this folder was interrupted; run that merge again first"), e.err());

        e = merge(shards, merged);
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertSameAsWhole(merged);
        assertFalse(Files.exists(staging), "the killed merge's staging folder is removed");

        // a sweep that is not finished is not taken as an input, nor overwritten
        Files.writeString(merged.resolve("sweep-state.json"), "{\"status\":\"running\"}");
        e = merge(shards, merged);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("holds an unfinished sweep"), e.err());
    }

    private interface Edit {
        void apply(ObjectNode manifest) throws IOException;
    }

    private static ObjectNode read(Path dir) throws IOException {
        return (ObjectNode) RunWriter.json().readTree(dir.resolve("manifest.json").toFile());
    }

    private static void edit(Path dir, Edit edit) throws IOException {
        ObjectNode m = read(dir);
        edit.apply(m);
        Files.write(dir.resolve("manifest.json"), RunWriter.json().writeValueAsBytes(m));
    }

    private static void setInputs(Path dir, String mapHash, String program) throws IOException {
        edit(dir, m -> {
            ObjectNode inputs = m.putObject("inputs");
            inputs.put("tiny.yaml", "1".repeat(64));
            inputs.put("maps/teaching.txt", mapHash);
            inputs.put("program", program);
        });
    }
}
