package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.Households;
import org.safepassage.sim.TestScenarios;

/**
 * Same seed, same bytes (issue 4): a run's timeseries.csv depends only on the scenario and
 * the seed, never on what else runs at the same time; another seed gives another run; and
 * two scenarios run with the same seed share their random draws where they do not differ
 * (common random numbers, MODEL.md 4).
 */
class DeterminismTest {

    @TempDir
    Path dir;

    private static Scenario teaching() {
        return TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml"));
    }

    /** The 11-hour pause over eastern Aleppo, with 20,000 persons and three days, to be quick. */
    private static Scenario smallAleppo(String... sets) {
        List<String> all = new ArrayList<>(List.of("population.persons=20000", "clock.horizon=P3D"));
        all.addAll(List.of(sets));
        return TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-11h-extended.yaml"), all.toArray(String[]::new));
    }

    private byte[] csv(Scenario s, String name) throws Exception {
        Path file = dir.resolve(name + ".csv");
        RunWriter.writeTimeSeries(file, SingleRun.run(s).timeSeries());
        return Files.readAllBytes(file);
    }

    @Test
    void sameSeedGivesByteIdenticalTimeSeries() throws Exception {
        byte[] first = csv(teaching(), "a");
        byte[] second = csv(teaching(), "b");
        assertTrue(first.length > 10_000);
        assertArrayEquals(first, second);
        byte[] aleppo1 = csv(smallAleppo(), "c");
        byte[] aleppo2 = csv(smallAleppo(), "d");
        assertArrayEquals(aleppo1, aleppo2);
    }

    @Test
    void anotherSeedGivesAnotherRun() throws Exception {
        byte[] one = csv(teaching().withSeed(1), "a");
        byte[] two = csv(teaching().withSeed(2), "b");
        assertFalse(Arrays.equals(one, two));
    }

    @Test
    void runsSideBySideOnThreadsGiveTheSameBytesAsAlone() throws Exception {
        Scenario aleppo = smallAleppo();
        Scenario teaching = teaching();
        byte[] aleppoAlone = csv(aleppo, "aleppo-alone");
        byte[] teachingAlone = csv(teaching, "teaching-alone");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                runs.add(pool.submit(() -> csv(aleppo, "aleppo-thread-" + n)));
                runs.add(pool.submit(() -> csv(teaching, "teaching-thread-" + n)));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertArrayEquals(i % 2 == 0 ? aleppoAlone : teachingAlone, runs.get(i).get(), "run " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameSeedDrawsTheSamePopulationWhateverThePause() {
        Scenario eleven = TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-11h.yaml"));
        Scenario four = TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-4d.yaml"));
        assertEquals(eleven.seed(), four.seed());
        Households a = new org.safepassage.sim.Evacuation(eleven).district().households();
        Households b = new org.safepassage.sim.Evacuation(four).district().households();
        assertEquals(a.count(), b.count());
        for (int h = 0; h < a.count(); h++) {
            assertEquals(a.home(h), b.home(h));
            assertEquals(a.adults(h), b.adults(h));
            assertEquals(a.children(h), b.children(h));
            assertEquals(a.elderly(h), b.elderly(h));
            assertEquals(a.wounded(h), b.wounded(h));
            assertEquals(a.militaryAgeMen(h), b.militaryAgeMen(h));
            assertEquals(a.ownTrust(h), b.ownTrust(h));
            assertEquals(a.attachment(h), b.attachment(h));
        }
    }

    /**
     * Whether the +24 h extension announced at 16:00 is kept or not, residents hear the same
     * things until the pause would have closed at 19:00: the two runs share every draw and
     * are identical up to then, and differ after.
     */
    @Test
    void scenariosThatDifferOnlyLaterAreIdenticalUntilTheyDiffer() {
        // a neutral monitor at Castello road, so that enough people leave for the kept day to show
        String[] common = {"pauses[pause].earlyEndPerHour=0", "corridors[Castello road].monitoring=neutral"};
        Scenario kept = smallAleppo(common);
        Scenario broken = smallAleppo(common[0], common[1], "pauses[pause].extensions[0].kept=false");
        TimeSeries a = SingleRun.run(kept).timeSeries();
        TimeSeries b = SingleRun.run(broken).timeSeries();
        long differ = kept.clock().tickOf(java.time.LocalDateTime.parse("2016-10-20T19:00"));
        for (int t = 0; t < differ; t++) {
            assertArrayEquals(a.rows().get(t), b.rows().get(t), "tick " + t);
        }
        boolean differsAfter = false;
        for (int t = (int) differ; t < a.rows().size(); t++) {
            differsAfter |= !Arrays.equals(a.rows().get(t), b.rows().get(t));
        }
        assertTrue(differsAfter, "the kept extension changes the run after 19:00");
        double[] evacuated = a.series("evacuated");
        assertTrue(evacuated[(int) differ - 1] > 0, "people left before the runs part");
        assertTrue(a.series("evacuated")[a.rows().size() - 1] > b.series("evacuated")[b.rows().size() - 1],
                "a kept extension evacuates more than a broken one");
    }
}
