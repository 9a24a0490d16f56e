package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.CompareShards;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.ShardSet;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.RunWriter;

/**
 * compare --shard and validate --shard, joined by merge: the split gives every run to exactly
 * one shard (compare keeps a replicate's scenarios together), a killed shard goes on from its
 * journal, the merged folder holds the very bytes one process writes, and shards that do not
 * belong together are refused with exit 2 and a message naming the folder.
 */
class ShardedCompareValidateTest {

    @TempDir
    Path tmp;

    private Path variant;
    private List<Path> episodes;

    @BeforeEach
    void files() throws IOException {
        String teaching = Path.of("scenarios/teaching.yaml").toAbsolutePath().toString();
        variant = tmp.resolve("long.yaml");
        Files.writeString(variant, """
                extends: %s
                meta: {name: teaching-long}
                pauses:
                  - {name: pause, declaredBy: besieger, credibility: 0.5, start: 2016-10-20T08:00, duration: PT16H, notice: PT12H}
                """.formatted(teaching));
        episodes = new ArrayList<>();
        for (String e : List.of("a:600", "b:200")) {
            Path f = tmp.resolve("ep-" + e.split(":")[0] + ".yaml");
            Files.writeString(f, """
                    extends: %s
                    meta: {name: ep-%s}
                    clock: {horizon: PT24H}
                    observed:
                      start: 2016-10-20T08:00
                      points:
                        - {hours: 5, persons: %s}
                        - {hours: 10, persons: %s}
                    """.formatted(teaching, e.split(":")[0], e.split(":")[1], e.split(":")[1]));
            episodes.add(f);
        }
    }

    private List<String> compareArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("compare", "scenarios/teaching.yaml", variant.toString(), "--replicates",
                "5", "--set", "clock.horizon=PT12H", "--outputs", "corridors", "-q"));
        a.addAll(List.of(more));
        return a;
    }

    private static SweepCommandTest.Exit run(List<String> args) {
        return SweepCommandTest.sweep(args.toArray(String[]::new));
    }

    private static void sameFiles(Path whole, Path merged, Set<String> except) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(whole)) {
            files = s.filter(p -> !except.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "files to compare: " + files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(merged.resolve(f.getFileName())),
                    f.getFileName() + " of the merged shards differs from one process");
        }
    }

    @Test
    void theSplitGivesEachRunToOneShardAndKeepsAReplicatesScenariosTogether() {
        int replicates = 7;
        int scenarios = 3;
        Set<Integer> seen = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            SweepPlan.Shard shard = new SweepPlan.Shard(i, 3);
            for (int u : ShardSet.owned(shard, scenarios * replicates, x -> CompareShards.replicateOf(x, replicates))) {
                assertTrue(seen.add(u), "run " + u + " in two shards");
                assertEquals(i - 1, (u % replicates) % 3, "run " + u + " (replicate " + u % replicates + ") in shard " + i);
            }
        }
        assertEquals(scenarios * replicates, seen.size(), "every run in a shard");
        assertEquals(List.of(1, 4, 7), ShardSet.owned(new SweepPlan.Shard(2, 3), 9, x -> x), "validate: u mod N");
    }

    @Test
    void compareShardsKilledAndResumedMergeIntoTheBytesOfOneProcess() throws IOException {
        Path whole = tmp.resolve("whole");
        assertEquals(ExitCode.OK, run(compareArgs("--out", whole.toString(), "--threads", "2")).code());
        Path shards = tmp.resolve("shards");
        for (int i = 1; i <= 3; i++) {
            SweepCommandTest.Exit e = run(compareArgs("--shard", i + "/3", "--out", shards.resolve("shard-" + i + "-of-3")
                    .toString(), "--threads", "1"));
            assertEquals(ExitCode.OK, e.code(), e.err());
        }
        // shard 2 killed after its first run: the journal keeps one run and half a line
        Path two = shards.resolve("shard-2-of-3");
        List<String> lines = Files.readAllLines(two.resolve(ShardJournal.FILE));
        assertEquals(1 + 2 * 2, lines.size(), "header and 2 replicates x 2 scenarios");
        Files.writeString(two.resolve(ShardJournal.FILE), lines.get(0) + "\n" + lines.get(1) + "\n"
                + lines.get(2).substring(0, 40));
        Files.delete(two.resolve("manifest.json"));
        SweepCommandTest.Exit refused = run(List.of("merge", shards.resolve("shard-1-of-3").toString(), two.toString(),
                shards.resolve("shard-3-of-3").toString(), "--out", tmp.resolve("early").toString(), "-q"));
        assertEquals(ExitCode.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains(two + ": unfinished shard (no manifest.json); run its task again"),
                refused.err());
        SweepCommandTest.Exit resumed = run(compareArgs("--shard", "2/3", "--out", two.toString(), "--threads", "2")
                .stream().filter(a -> !a.equals("-q")).toList());
        assertEquals(ExitCode.OK, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("shard 2/3 goes on from 1 finished runs"), resumed.err());
        assertTrue(resumed.err().contains("shard 2/3 done: 4 runs (3 now)"), resumed.err());

        Path merged = tmp.resolve("merged");
        SweepCommandTest.Exit m = run(List.of("merge", shards.resolve("shard-3-of-3").toString(),
                shards.resolve("shard-1-of-3").toString(), two.toString(), "--out", merged.toString(), "-q"));
        assertEquals(ExitCode.OK, m.code(), m.err());
        sameFiles(whole, merged, Set.of("manifest.json", "report.html"));
        assertTrue(Files.exists(merged.resolve("corridors.csv")), "the tidy table asked for is merged too");
        JsonNode manifest = RunWriter.json().readTree(merged.resolve("manifest.json").toFile());
        assertEquals(3, manifest.path("mergedFromShards").size(), manifest.toString());
        assertEquals("3/3", manifest.path("mergedFromShards").get(0).path("shard").asText());
        assertEquals(5, manifest.path("replicates").asInt());
    }

    @Test
    void shardsThatDoNotBelongTogetherAreRefused() throws IOException {
        Path shards = tmp.resolve("shards");
        for (int i = 1; i <= 2; i++) {
            assertEquals(ExitCode.OK, run(compareArgs("--shard", i + "/2", "--out", shards.resolve("s" + i).toString(),
                    "--threads", "1")).code());
        }
        Path s1 = shards.resolve("s1");
        Path s2 = shards.resolve("s2");
        Path other = shards.resolve("other-seed");
        assertEquals(ExitCode.OK, run(compareArgs("--shard", "2/2", "--seed", "9", "--out", other.toString())).code());
        Path oneOfThree = shards.resolve("one-of-three");
        assertEquals(ExitCode.OK, run(compareArgs("--shard", "1/3", "--out", oneOfThree.toString())).code());
        Path copy = shards.resolve("copy-of-s1");
        Files.createDirectories(copy);
        for (String f : List.of("manifest.json", ShardJournal.FILE)) {
            Files.copy(s1.resolve(f), copy.resolve(f));
        }

        assertRefused(List.of(s1.toString(), other.toString()), other.resolve("manifest.json")
                + ": this shard ran with other inputs than now: --seed (9 in the shard, 1 now)");
        assertRefused(List.of(s1.toString(), copy.toString()), copy + ": shard 1/2 is also in " + s1
                + "; expected each shard once");
        assertRefused(List.of(s1.toString()), "shards [2] of 2 are missing; expected all 2 shard folders");
        assertRefused(List.of(s1.toString(), oneOfThree.toString()), oneOfThree + ": shard 1/3 of another split than "
                + s1 + " (of 2)");
        // a run of shard 2 slipped into shard 1's journal
        String foreign = Files.readAllLines(s2.resolve(ShardJournal.FILE)).get(1);
        Files.writeString(copy.resolve(ShardJournal.FILE), foreign + "\n", StandardOpenOption.APPEND);
        assertRefused(List.of(copy.toString(), s2.toString()), copy.resolve(ShardJournal.FILE) + ": run 1 does not "
                + "belong to shard 1/2 (of 10 runs)");
        // a sweep's shard among compare shards
        Path sweepShard = shards.resolve("sweep-shard");
        Files.createDirectories(sweepShard);
        Files.writeString(sweepShard.resolve("manifest.json"), "{\"shard\": \"2/2\"}");
        assertRefused(List.of(s1.toString(), sweepShard.toString()), sweepShard.resolve("manifest.json")
                + ": not the folder of a compare shard (a sweep's, or another command's)");
        assertFalse(Files.exists(tmp.resolve("m").resolve("runs.csv")), "nothing merged");

        // a shard folder started again with other inputs is refused, its runs kept
        SweepCommandTest.Exit e = run(compareArgs("--shard", "1/2", "--seed", "4", "--out", s1.toString()));
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("holds runs of compare shard 1/2 of other inputs"), e.err());
        // bad splits
        e = run(compareArgs("--shard", "1/6", "--out", tmp.resolve("x").toString()));
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--shard 1/6: 6 shards of 5 replicates; expected at most one shard per replicate"),
                e.err());
        e = run(compareArgs("--shard", "3/2", "--out", tmp.resolve("x").toString()));
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("--shard: shard 3/2: need 1 <= I <= N"), e.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    }

    private void assertRefused(List<String> dirs, String message) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of("--out", tmp.resolve("m").toString(), "-q"));
        SweepCommandTest.Exit e = run(args);
        assertEquals(ExitCode.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains(message), "expected: " + message + "\nin: " + e.err());
    }

    @Test
    void aSecondProcessOnAShardFolderStops() throws IOException {
        Path dir = tmp.resolve("busy");
        try (FolderLock held = FolderLock.acquire(dir, "another compare")) {
            SweepCommandTest.Exit e = run(compareArgs("--shard", "1/2", "--out", dir.toString()));
            assertEquals(ExitCode.FAILED, e.code(), e.err());
            assertTrue(e.err().contains("is in use by process"), e.err());
        }
        assertFalse(Files.exists(dir.resolve(ShardJournal.FILE)), "no run done");
    }

    @Test
    void validateShardsMergeIntoTheBytesOfOneProcess() throws IOException {
        List<String> base = new ArrayList<>(List.of("validate"));
        episodes.forEach(f -> base.add(f.toString()));
        base.addAll(List.of("--replicates", "3", "--null", "-q"));
        Path whole = tmp.resolve("whole");
        List<String> one = new ArrayList<>(base);
        one.addAll(List.of("--out", whole.toString()));
        assertEquals(ExitCode.OK, run(one).code());
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 1; i <= 4; i++) {
            List<String> shard = new ArrayList<>(base);
            Path dir = tmp.resolve("v").resolve("shard-" + i + "-of-4");
            shard.addAll(List.of("--shard", i + "/4", "--out", dir.toString()));
            SweepCommandTest.Exit e = run(shard);
            assertEquals(ExitCode.OK, e.code(), e.err());
            merge.add(dir.toString());
        }
        Path merged = tmp.resolve("merged");
        merge.addAll(List.of("--out", merged.toString(), "-q"));
        SweepCommandTest.Exit m = run(merge);
        assertEquals(ExitCode.OK, m.code(), m.err());
        sameFiles(whole, merged, Set.of("manifest.json", "episodes.csv"));
        // episodes.csv: the same but for wallSeconds (the time the runs took, in one process or summed over shards)
        assertEquals(withoutColumn(whole.resolve("episodes.csv"), "wallSeconds"),
                withoutColumn(merged.resolve("episodes.csv"), "wallSeconds"));
        assertEquals(4, RunWriter.json().readTree(merged.resolve("manifest.json").toFile()).path("mergedFromShards").size());
    }

    private static List<String> withoutColumn(Path csv, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int at = List.of(lines.get(0).split(",", -1)).indexOf(column);
        assertTrue(at >= 0, column + " in " + lines.get(0));
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(at);
            out.add(String.join(",", cells));
        }
        return out;
    }
}
