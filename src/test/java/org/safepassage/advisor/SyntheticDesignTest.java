package org.safepassage.advisor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.Seeds;
import org.safepassage.scenario.DesignSpec;

/**
 * A small problem with a known answer. Lever x takes 0..10, lever y one of a, b, c. In the state
 * of the world s (noise e_s uniform in [-1, 1] from the seed, the same for every design):
 * evacuated = 1000 - 10 (x - 7)^2 + 50 [y = b] + 30 e_s and killed = 5 x + 3 e_s. Maximising mean
 * evacuated and minimising mean killed, with killed at most 40 in 95 % of runs: killed = 5x + 3e
 * {@literal <=} 38 for x {@literal <=} 7, and x = 8 gives 40 + 3e, above 40 in about half the states. The Pareto front
 * is y = b with x = 0..7 (below 7 fewer get out but fewer are killed; above 7 both are worse), and
 * the recommended design (most out within the bound) is x = 7, y = b.
 */
class SyntheticDesignTest {

    @TempDir
    Path dir;

    static final List<String> XS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    static DesignSpec spec(int candidates) {
        return new DesignSpec("synthetic", "Which x and y?", Path.of("none.yaml"), Path.of("synthetic.yaml"),
                List.of(new DesignSpec.Lever("x", XS, true), new DesignSpec.Lever("y", List.of("a", "b", "c"), false)),
                List.of(new DesignSpec.Objective("evacuated", "mean", true),
                        new DesignSpec.Objective("killed", "mean", false)),
                List.of(new DesignSpec.Constraint("killed", true, 40, 0.95)), null, List.of(),
                new DesignSpec.Search(7, candidates, 8, List.of(3, 10, 50), 1.0 / 3), null, List.of());
    }

    /** The synthetic world: each run a pure function of the design and the seed. */
    static final World WORLD = sets -> {
        Map<String, String> v = new LinkedHashMap<>();
        for (String s : sets) {
            v.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        double x = Double.parseDouble(v.get("x"));
        boolean b = "b".equals(v.get("y"));
        return seed -> {
            double e = 2 * ((Seeds.mix(seed) >>> 11) * 0x1.0p-53) - 1;
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("evacuated", 1000 - 10 * (x - 7) * (x - 7) + (b ? 50 : 0) + 30 * e);
            figures.put("killed", 5 * x + 3 * e);
            return new World.Outcome(-1, Map.of("noise", (e + 1) / 2), figures);
        };
    };

    @Test
    void theAdvisorFindsTheKnownOptimumAndFront() throws Exception {
        // 20 of the 33 designs: the search has to find the answer, not enumerate the space
        Advisor.Result r = DesignRun.inMemory(spec(20), WORLD, 2);
        assertTrue(r.considered().size() >= 20 && r.considered().size() < 33, "considered " + r.considered().size());
        assertEquals("7.1", r.recommended().candidate().key(), "x = 7, y = b");
        assertTrue(r.recommended().feasible());
        assertEquals(50, r.recommended().replicates(), "the front is confirmed in 50 states");
        Set<String> front = new TreeSet<>();
        r.front().forEach(s -> front.add(s.candidate().key()));
        for (String key : front) {
            assertTrue(key.endsWith(".1") && Integer.parseInt(key.split("\\.")[0]) <= 7, "front design " + key);
        }
        assertTrue(front.size() >= 4, "most of the true front is found: " + front);
        assertTrue(r.runsKept() < r.runsWithoutRacing(), "racing ran fewer runs: " + r.runsKept() + " of "
                + r.runsWithoutRacing());
        // regret against the front's best in each state: x = 7, y = b is best in every state
        assertEquals(0, r.regret().max(), 1e-9);
    }

    @Test
    void startDesignsAreConsideredFirstAndTheOptimumIsStillFound() throws Exception {
        DesignSpec plain = spec(20);
        DesignSpec.Search s = plain.search();
        DesignSpec seeded = new DesignSpec(plain.name(), plain.question(), plain.base(), plain.file(), plain.levers(),
                plain.objectives(), plain.constraints(), plain.ensemble(), plain.inputs(),
                new DesignSpec.Search(s.seed(), s.candidates(), s.population(), s.stages(), s.keep(),
                        List.of(new DesignSpec.Start("far", List.of(0, 0)), new DesignSpec.Start("other", List.of(10, 2)))),
                plain.failure(), plain.compareWith());
        Advisor.Result r = DesignRun.inMemory(seeded, WORLD, 2);
        Set<String> considered = new TreeSet<>();
        r.considered().forEach(c -> considered.add(c.candidate().key()));
        assertTrue(considered.contains("0.0") && considered.contains("10.2"), "the start designs were run: " + considered);
        assertEquals("7.1", r.recommended().candidate().key(), "x = 7, y = b");
        // a design that cannot be shown worse than the leader races on: the recommended one was never dropped
        assertEquals(50, r.recommended().replicates());
    }

    /**
     * Claims of the racing's budget: a stage before the last runs at most twice the kept share
     * (the share, then at most as many contenders the paired test could not show worse), and the
     * last stage confirms only the first front of the stage before it, so every design that reaches
     * it is on the front or dominated there with more states.
     */
    @Test
    void racingKeepsAtMostTwiceTheShareAndConfirmsOnlyTheFront() throws Exception {
        // a noisy world: with 3 states the paired test can show little, so contenders are many
        World noisy = sets -> {
            double x = Double.parseDouble(sets.get(0).substring(2));
            return seed -> {
                double e = 2 * ((Seeds.mix(seed) >>> 11) * 0x1.0p-53) - 1;
                return new World.Outcome(-1, Map.of("noise", (e + 1) / 2),
                        Map.of("evacuated", 1000 - (x - 7) * (x - 7) + 400 * e * (1 + x / 10), "killed", 3 * e));
            };
        };
        DesignSpec base = spec(20);
        DesignSpec.Search s = base.search();
        DesignSpec fourStages = new DesignSpec(base.name(), base.question(), base.base(), base.file(),
                List.of(base.levers().get(0)), base.objectives(), base.constraints(), base.ensemble(), base.inputs(),
                new DesignSpec.Search(s.seed(), 11, s.population(), List.of(3, 6, 12, 40), 0.25), base.failure(),
                base.compareWith());
        Advisor.Result r = DesignRun.inMemory(fourStages, noisy, 2);
        List<Advisor.Stage> stages = r.stages();
        int contenders = 0;
        for (int k = 1; k < stages.size() - 1; k++) {
            Advisor.Stage stage = stages.get(k);
            int kept = stage.designs() - stage.contenders();
            assertTrue(kept >= Math.ceil(0.25 * stages.get(k - 1).designs()), "the share is kept: " + stages);
            assertTrue(stage.contenders() <= kept, "contenders at most the share: " + stages);
            contenders += stage.contenders();
        }
        assertTrue(contenders > 0, "the noisy world has contenders: " + stages);
        Advisor.Stage last = stages.get(stages.size() - 1);
        assertEquals(0, last.contenders(), "the last stage takes the front only");
        assertTrue(last.designs() <= stages.get(stages.size() - 2).designs());
        assertTrue(r.front().size() <= last.designs());
    }

    @Test
    void sameFilesOnAnyThreadCountAndAfterACrash() throws Exception {
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        DesignRun.run(spec(15), WORLD, one, 1, false, "h", null);
        DesignRun.run(spec(15), WORLD, three, 3, false, "h", null);
        for (String f : List.of("evaluations.csv", "front.csv", "candidates.csv", "regret.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(three.resolve(f)), f);
        }
        // a journal cut in the middle of a line, as kill -9 leaves it
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        List<String> lines = Files.readAllLines(one.resolve(Journal.FILE));
        List<String> kept = new ArrayList<>(lines.subList(0, lines.size() / 2));
        String torn = lines.get(lines.size() / 2);
        Files.writeString(crashed.resolve(Journal.FILE), String.join("\n", kept) + "\n"
                + torn.substring(0, torn.length() / 2));
        Advisor.Result resumed = DesignRun.run(spec(15), WORLD, crashed, 2, true, "h", null);
        assertEquals(kept.size() - 1, resumed.fromJournal(), "every whole line is reused");
        assertTrue(resumed.ranNow() > 0);
        for (String f : List.of("evaluations.csv", "front.csv", "candidates.csv", "regret.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(crashed.resolve(f)), f);
        }
    }

    @Test
    void aJournalOfOtherInputsIsRefused() throws Exception {
        DesignRun.run(spec(10), WORLD, dir, 1, false, "h", null);
        try {
            DesignRun.run(spec(10), WORLD, dir, 1, true, "other", null);
            throw new AssertionError("accepted");
        } catch (DesignRun.JournalMismatch e) {
            assertTrue(e.getMessage().contains("other inputs"), e.getMessage());
        }
        try {
            DesignRun.run(spec(10), WORLD, dir, 1, false, "h", null);
            throw new AssertionError("accepted");
        } catch (DesignRun.JournalMismatch e) {
            assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        }
    }
}
