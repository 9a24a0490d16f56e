package org.safepassage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.bench.reference.ReferenceModel;
import org.safepassage.experiment.Sample;
import org.safepassage.metrics.SingleRun;
import org.safepassage.sim.TestScenarios;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;

/**
 * The per-agent reference and the model implement the same rules: over replicates of a small
 * district built from the shipped four-day pause (fighters, screening, buses, clashes), their
 * mean aggregate results agree within statistical tolerance (difference of means within four
 * standard errors), and both conserve persons.
 */
class ReferenceEquivalenceTest {

    static final int REPLICATES = 16;
    static final Map<String, double[]> MODEL = new LinkedHashMap<>();
    static final Map<String, double[]> REFERENCE = new LinkedHashMap<>();

    /**
     * A 4,000-person district from pause-4d, three days (announcement, then two days of pause),
     * credibility 0.7 (with the calibrated behaviour, a pause of credibility 0.5 moves too few
     * households in 4,000 persons to compare their rules), and no early end of the pause: one early end moves a replicate's
     * evacuations by hundreds, which would drown the household rules being compared.
     */
    static Scenario scenario() throws Exception {
        Scenario template = ScenarioLoader.load(Path.of("scenarios", "pause-4d.yaml"),
                TestScenarios.CORE_RULES_ONLY).scenario();
        Scenario s = SyntheticDistrict.of(template, 4_000);
        Clock c = s.clock();
        List<Pause> pauses = new ArrayList<>();
        for (Pause p : s.pauses()) {
            pauses.add(new Pause(p.name(), p.declaredBy(), 0.7, p.start(), p.duration(), p.repeatDays(), p.notice(),
                    p.announcementCoverage(), 0.0, p.regroupingMultiplier(), p.extensions()));
        }
        return new Scenario(s.schemaVersion(), s.meta(), new Clock(c.start(), c.tickMinutes(), Duration.ofDays(3)),
                s.map(), s.population(), s.behaviour(), pauses, s.corridors(), s.fighters(), s.hazards(), s.events(),
                s.front(), s.seed(), null);
    }

    @BeforeAll
    static void runBoth() throws Exception {
        Scenario base = scenario();
        List<Map<String, Double>> model = new ArrayList<>();
        List<Map<String, Double>> reference = new ArrayList<>();
        for (int r = 1; r <= REPLICATES; r++) {
            Scenario s = base.withSeed(r);
            SingleRun.Result a = SingleRun.run(s, true, null);
            double[] decisions = a.timeSeries().series("decisions");
            double[] evacuatedSeries = a.timeSeries().series("evacuated");
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("evacuated", (double) a.summary().evacuated());
            m.put("evacuatedAtMidHorizon", evacuatedSeries[evacuatedSeries.length / 2]);
            m.put("killed", (double) a.summary().killed());
            m.put("detained", (double) a.summary().detained());
            m.put("injured", (double) a.summary().injured());
            m.put("blocked", (double) a.summary().blocked());
            m.put("decisions", java.util.Arrays.stream(decisions).sum());
            m.put("peakQueue", (double) a.summary().peakQueue());
            m.put("conserved", a.summary().evacuated() + a.summary().killed() + a.summary().detained()
                    + a.summary().remaining() == a.summary().initialPersons() ? 1.0 : 0.0);
            model.add(m);

            ReferenceModel b = ReferenceModel.run(s);
            Map<String, Double> n = new LinkedHashMap<>();
            n.put("evacuated", (double) b.evacuated());
            n.put("evacuatedAtMidHorizon", (double) b.counts().get(b.counts().size() / 2)[4]);
            n.put("killed", (double) b.killed());
            n.put("detained", (double) b.detained());
            n.put("injured", (double) b.injured());
            n.put("blocked", (double) b.blocked());
            n.put("decisions", (double) b.decisions());
            n.put("peakQueue", (double) b.peakQueue());
            n.put("conserved", b.evacuated() + b.killed() + b.detained() + b.inside() == s.population().persons()
                    ? 1.0 : 0.0);
            reference.add(n);
        }
        for (String key : model.get(0).keySet()) {
            MODEL.put(key, column(model, m -> m.get(key)));
            REFERENCE.put(key, column(reference, m -> m.get(key)));
        }
    }

    static double[] column(List<Map<String, Double>> runs, ToDoubleFunction<Map<String, Double>> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    static void assertSameMean(String figure) {
        Sample a = Sample.of(MODEL.get(figure));
        Sample b = Sample.of(REFERENCE.get(figure));
        double se = Math.sqrt(a.sd() * a.sd() / a.n() + b.sd() * b.sd() / b.n());
        double diff = Math.abs(a.mean() - b.mean());
        System.out.printf("%-22s model %9.2f ± %7.2f   reference %9.2f ± %7.2f   |diff| %.2f = %.1f SE%n", figure,
                a.mean(), a.sd(), b.mean(), b.sd(), diff, diff / se);
        assertTrue(diff <= 4 * se, figure + ": model mean " + a.mean() + ", reference mean " + b.mean()
                + ", difference " + diff + " > 4 standard errors (" + 4 * se + ")");
    }

    @Test
    void bothConservePersons() {
        for (int r = 0; r < REPLICATES; r++) {
            assertEquals(1.0, MODEL.get("conserved")[r]);
            assertEquals(1.0, REFERENCE.get("conserved")[r]);
        }
    }

    @Test
    void theDistrictIsBusyEnoughToCompare() {
        assertTrue(Sample.of(MODEL.get("evacuated")).mean() > 100, "model evacuates too few to compare");
        assertTrue(Sample.of(REFERENCE.get("decisions")).mean() > 100, "reference decides too rarely to compare");
    }

    @Test
    void evacuationsAgree() {
        assertSameMean("evacuated");
        assertSameMean("evacuatedAtMidHorizon");
        assertSameMean("decisions");
        assertSameMean("peakQueue");
    }

    @Test
    void harmAgrees() {
        assertSameMean("killed");
        assertSameMean("injured");
        assertSameMean("detained");
        assertSameMean("blocked");
    }
}
