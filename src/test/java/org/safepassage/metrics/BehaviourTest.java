package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.TestScenarios;

/**
 * The behaviour the model claims (issue 4; MODEL.md 1), at fixed seeds over replicates, on
 * eastern Aleppo reduced to 15,000 persons and five days so that it stays quick (corridors,
 * fighters, map and behaviour as shipped). Common random numbers make the comparisons
 * paired: each replicate's seed is the same in both arms. The 24-hour pause is the
 * reference of every comparison and is run once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private long[] dayPause;

    private static Scenario aleppo(String file, String... sets) {
        List<String> all = new ArrayList<>(List.of("population.persons=15000", "clock.horizon=P5D"));
        all.addAll(List.of(sets));
        return TestScenarios.load(TestScenarios.SHIPPED.resolve(file), all.toArray(String[]::new));
    }

    /** Figures of the scenario at each seed. */
    private static RunSummary[] replicates(Scenario s) {
        RunSummary[] out = new RunSummary[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            out[i] = SingleRun.run(s.withSeed(SEEDS[i])).summary();
        }
        return out;
    }

    /** The reference: a 24-hour pause announced a day ahead, monitored by the party that declared it. */
    private long[] dayPause() {
        if (dayPause == null) {
            dayPause = evacuated(replicates(aleppo("pause-24h.yaml")));
        }
        return dayPause;
    }

    private static long[] evacuated(RunSummary[] runs) {
        return Arrays.stream(runs).mapToLong(RunSummary::evacuated).toArray();
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** How many replicates have a strictly above b. */
    private static int above(long[] a, long[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] > b[i] ? 1 : 0;
        }
        return n;
    }

    @Test
    void longerPausesEvacuateMore() {
        long[] eleven = evacuated(replicates(aleppo("pause-11h.yaml")));
        long[] day = dayPause();
        long[] four = evacuated(replicates(aleppo("pause-4d.yaml")));
        String figures = "11h " + Arrays.toString(eleven) + ", 24h " + Arrays.toString(day) + ", 4d "
                + Arrays.toString(four);
        System.out.println("pause length, evacuated at seeds " + Arrays.toString(SEEDS) + ": " + figures);
        assertTrue(mean(day) > mean(eleven) && mean(four) > mean(day), figures);
        // paired by seed: at least 4 of 5 replicates in order (an early end of the pause within
        // its first 11 hours, which every length shares at the same seed, may tie them)
        assertTrue(above(day, eleven) >= 4 && above(four, day) >= 4, figures);
        for (int i = 0; i < SEEDS.length; i++) {
            assertTrue(four[i] >= eleven[i], "seed " + SEEDS[i] + ": " + figures);
        }
    }

    @Test
    void neutralMonitoringRaisesDepartures() {
        String[] neutral = {"corridors[Castello road].monitoring=neutral", "corridors[Masakin Hanano].monitoring=neutral",
            "corridors[Sheikh Saeed].monitoring=neutral", "corridors[Salaheddine].monitoring=neutral",
            "corridors[Bustan al-Qasr].monitoring=neutral", "corridors[Sheikh Maqsoud].monitoring=neutral"};
        long[] a = dayPause();
        long[] b = evacuated(replicates(aleppo("pause-24h.yaml", neutral)));
        String figures = "declarer " + Arrays.toString(a) + ", neutral " + Arrays.toString(b);
        System.out.println("monitoring, evacuated: " + figures);
        assertTrue(mean(b) > 1.2 * mean(a), figures);
        assertTrue(above(b, a) == SEEDS.length, figures);
    }

    @Test
    void noNoticeLowersDepartures() {
        long[] a = dayPause();
        Scenario none = aleppo("pause-24h.yaml", "pauses[pause].notice=PT0S");
        long[] b = new long[SEEDS.length];
        long firstHour = 0;
        long opens = none.clock().tickOf(none.pauses().get(0).start());
        for (int i = 0; i < SEEDS.length; i++) {
            SingleRun.Result r = SingleRun.run(none.withSeed(SEEDS[i]));
            b[i] = r.summary().evacuated();
            double[] out = r.timeSeries().series("evacuated");
            firstHour += (long) (out[(int) opens + 11] - out[(int) opens - 1]);
        }
        String figures = "24 h notice " + Arrays.toString(a) + ", none " + Arrays.toString(b);
        System.out.println("notice, evacuated: " + figures + "; in the first hour without notice: " + firstHour);
        assertTrue(mean(b) < 0.8 * mean(a), figures);
        assertTrue(above(a, b) == SEEDS.length, figures);
        // MODEL.md 1: the first hours of a pause see few departures (people need to hear, decide, pack)
        assertTrue(firstHour < 0.05 * Arrays.stream(b).sum(), "first hour " + firstHour + " of " + figures);
    }
}
