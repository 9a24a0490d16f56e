package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.TestScenarios;
import org.safepassage.validation.Patterns;

/**
 * The behaviour the model claims (issue 4; MODEL.md 1), at fixed seeds over replicates, on
 * eastern Aleppo reduced to 50,000 persons so that it stays quick (corridors, fighters, map
 * and behaviour as shipped), each run as long as its pause needs: three days for the 11- and
 * 24-hour pauses (which end on day two), five for the four-day one. The pause is declared with
 * the credibility of one both sides accepted (0.4, {@link Patterns#PATTERN_CREDIBILITY}): at the
 * shipped 0.15 October 2016 saw 0-50 leave, too few for a contrast between designs to be a claim
 * (docs/CALIBRATION.md, "Fifth search"). Common random numbers make
 * the comparisons paired: each replicate's seed is the same in both arms, and the claim is
 * that the paired difference is positive at every seed (the exact sign test), not only the means.
 * The 24-hour pause is the reference of every comparison and is run once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final String PERSONS = "population.persons=50000";
    private long[] dayPause;

    private static Scenario aleppo(String file, String horizon, String... sets) {
        List<String> all = new ArrayList<>(List.of(PERSONS, "clock.horizon=" + horizon, Patterns.patternCredibility()));
        all.addAll(List.of(sets));
        return TestScenarios.load(TestScenarios.SHIPPED.resolve(file), all.toArray(String[]::new));
    }

    /** Persons evacuated in the scenario at each seed. */
    private static long[] evacuated(Scenario s) {
        long[] out = new long[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            out[i] = SingleRun.run(s.withSeed(SEEDS[i])).summary().evacuated();
        }
        return out;
    }

    /** The reference: a 24-hour pause announced a day ahead, without a neutral monitor. */
    private long[] dayPause() {
        if (dayPause == null) {
            dayPause = evacuated(aleppo("pause-24h.yaml", "P3D"));
        }
        return dayPause;
    }

    /** The claim holds at every paired seed: the exact sign test's only 5 % outcome with five seeds. */
    private static void assertMore(String what, long[] more, long[] less, String figures) {
        assertTrue(Patterns.more(more, less), what + " at every seed: " + figures);
    }

    @Test
    void longerPausesEvacuateMore() {
        long[] eleven = evacuated(aleppo("pause-11h.yaml", "P3D"));
        long[] day = dayPause();
        long[] four = evacuated(aleppo("pause-4d.yaml", "P5D"));
        String figures = "11h " + Arrays.toString(eleven) + ", 24h " + Arrays.toString(day) + ", 4d "
                + Arrays.toString(four);
        System.out.println("pause length, evacuated at seeds " + Arrays.toString(SEEDS) + ": " + figures);
        assertMore("24 h over 11 h", day, eleven, figures);
        assertMore("4 d over 24 h", four, day, figures);
    }

    @Test
    void neutralMonitoringRaisesDepartures() {
        String[] neutral = {"corridors[Castello road].monitoring=neutral", "corridors[Masakin Hanano].monitoring=neutral",
            "corridors[Sheikh Saeed].monitoring=neutral", "corridors[Salaheddine].monitoring=neutral",
            "corridors[Bustan al-Qasr].monitoring=neutral", "corridors[Sheikh Maqsoud].monitoring=neutral"};
        long[] a = dayPause();
        long[] b = evacuated(aleppo("pause-24h.yaml", "P3D", neutral));
        String figures = "none " + Arrays.toString(a) + ", neutral " + Arrays.toString(b);
        System.out.println("monitoring, evacuated: " + figures);
        assertMore("neutral monitoring over none", b, a, figures);
    }

    @Test
    void noNoticeLowersDepartures() {
        long[] a = dayPause();
        Scenario none = aleppo("pause-24h.yaml", "P3D", "pauses[pause].notice=PT0S");
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
        assertMore("a day's notice over none", a, b, figures);
        // MODEL.md 1: the first hours of a pause see few departures (people need to hear, decide, pack)
        assertTrue(firstHour <= 0.05 * Arrays.stream(b).sum(), "first hour " + firstHour + " of " + figures);
    }
}
