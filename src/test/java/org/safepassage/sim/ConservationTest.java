package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safepassage.metrics.RunSummary;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.Scenario;

/**
 * Conservation (MODEL.md 3): at every tick of every shipped scenario, initial persons =
 * staying + preparing + moving + queued + evacuated + killed + detained, and initial
 * fighters = present + evacuated. Checked twice: by the model's own per-tick check, and by
 * recounting the members of every household from the arrays, independently of the
 * model's running counts. The summary must add up too.
 */
class ConservationTest {

    static List<Path> shipped() throws IOException {
        return TestScenarios.shipped();
    }

    /** Recounts persons by phase from the household arrays and compares with the model's counts. */
    static final class Recount implements TickObserver {
        long ticks;

        @Override
        public void afterTick(District d) {
            Households hh = d.households;
            long[] byPhase = new long[HouseholdPhase.COUNT];
            long[] queuedAt = new long[d.corridors.length];
            for (int h = 0; h < hh.count; h++) {
                int m = hh.members(h);
                if (m < 0 || hh.adults[h] < 0 || hh.children[h] < 0 || hh.elderly[h] < 0 || hh.wounded[h] < 0
                        || hh.militaryAgeMen[h] < 0 || hh.militaryAgeMen[h] > hh.adults[h]) {
                    throw new AssertionError("tick " + d.tick() + ": household " + h + " has impossible members");
                }
                if (hh.phase[h] == HouseholdPhase.GONE && m != 0) {
                    throw new AssertionError("tick " + d.tick() + ": gone household " + h + " has " + m + " members");
                }
                byPhase[hh.phase[h]] += m;
                if (hh.phase[h] == HouseholdPhase.QUEUED) {
                    queuedAt[hh.corridor[h]] += m;
                }
            }
            String at = "tick " + d.tick() + ": ";
            for (int p = 0; p < HouseholdPhase.COUNT; p++) {
                assertEquals(byPhase[p], d.persons(p), at + "persons " + HouseholdPhase.name(p));
            }
            long total = 0;
            for (long n : byPhase) {
                total += n;
            }
            assertEquals(d.initialPersons(), total + d.killed() + d.detained(), at + "persons conserved");
            assertEquals(byPhase[HouseholdPhase.EVACUATED], d.evacuatedThroughCorridors(), at + "evacuated through corridors");
            assertEquals(byPhase[HouseholdPhase.CROSSED], d.leftAcrossFront(), at + "left across the front");
            for (CorridorState c : d.corridors) {
                assertEquals(queuedAt[c.index], c.queuedPersons(), at + "queue at " + c.spec.name());
            }
            long fighters = 0;
            for (FighterState g : d.fighters) {
                assertTrue(g.present() >= 0, at + "fighters present");
                assertEquals(g.spec.size(), g.present() + g.evacuated(), at + "fighters of " + g.spec.name());
                fighters += g.present();
            }
            assertEquals(d.initialFighters(), fighters + d.fightersEvacuated(), at + "fighters conserved");
            ticks++;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void personsAndFightersAreConservedAtEveryTick(Path file) {
        SingleRun.Result result = ShippedRuns.of(file);
        Scenario s = result.scenario();

        RunSummary sum = result.summary();
        assertEquals(s.population().persons(), sum.initialPersons());
        assertEquals(sum.initialPersons(), sum.evacuated() + sum.killed() + sum.detained() + sum.remaining(),
                "initialPersons = evacuated + killed + detained + remaining");
        assertEquals(sum.evacuated(), sum.evacuatedThroughCorridors() + sum.leftAcrossFront());
        assertTrue(sum.evacuatedDuringPauses() <= sum.evacuatedThroughCorridors());
        assertEquals((double) sum.evacuated() / sum.initialPersons(), sum.evacuatedFraction(), 1e-12);
        long byCorridor = 0;
        long detainedByCorridor = 0;
        for (RunSummary.CorridorFigures c : sum.byCorridor().values()) {
            byCorridor += c.evacuated();
            detainedByCorridor += c.detained();
            assertTrue(c.peakQueue() <= sum.peakQueue());
        }
        assertEquals(sum.evacuatedThroughCorridors(), byCorridor, "corridors add up");
        assertEquals(sum.detained(), detainedByCorridor, "detentions add up");
        long initial = 0;
        long evacuated = 0;
        long killed = 0;
        long remaining = 0;
        for (Map.Entry<String, RunSummary.NeighbourhoodFigures> e : sum.byNeighbourhood().entrySet()) {
            RunSummary.NeighbourhoodFigures n = e.getValue();
            assertEquals(n.initialPersons(), n.evacuated() + n.killed() + n.detained() + n.remaining(),
                    "residents of " + e.getKey() + " add up");
            initial += n.initialPersons();
            evacuated += n.evacuated();
            killed += n.killed();
            remaining += n.remaining();
        }
        assertEquals(sum.initialPersons(), initial);
        assertEquals(sum.evacuated(), evacuated);
        assertEquals(sum.killed(), killed);
        assertEquals(sum.remaining(), remaining);
        assertEquals(sum.initialFighters(), result.model().district().fightersPresent() + sum.fightersEvacuated());
    }

    @Test
    void theModelsOwnCheckFailsWhenPersonsGoMissing() {
        Scenario s = TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml"));
        Evacuation model = new Evacuation(s, true);
        model.start();
        for (int i = 0; i < 10; i++) {
            assertTrue(model.stepTick());
        }
        assertNull(model.district().conservationError());
        bump(model.district().ledger, "killed");
        IllegalStateException e = assertThrows(IllegalStateException.class, model::stepTick);
        assertTrue(e.getMessage().contains("conservation broken at tick 10: persons"), e.getMessage());
    }

    @Test
    void theModelsOwnCheckFailsWhenFightersGoMissing() {
        Scenario s = TestScenarios.mechanism("blocking.yaml");
        Evacuation model = new Evacuation(s, true);
        model.start();
        assertTrue(model.stepTick());
        bump(model.district().fighters[0], "present", -1);
        IllegalStateException e = assertThrows(IllegalStateException.class, model::stepTick);
        assertTrue(e.getMessage().contains("fighters"), e.getMessage());
    }

    @Test
    void theModelsOwnCheckFailsWhenAPhaseCountDrifts() {
        Scenario s = TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml"));
        Evacuation model = new Evacuation(s, true);
        model.start();
        assertTrue(model.stepTick());
        ((long[]) field(field(model.district().ledger, "counts"), "byPhase"))[HouseholdPhase.STAYING]++;
        assertThrows(IllegalStateException.class, model::stepTick);
    }

    @Test
    void withoutTheCheckABrokenCountGoesUnnoticedByTheModel() {
        // the check is what catches it, so it must be on in these tests (SingleRun.run(s, true, null))
        Scenario s = TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml"));
        Evacuation model = new Evacuation(s, false);
        model.start();
        assertTrue(model.stepTick());
        bump(model.district().ledger, "killed");
        assertTrue(model.stepTick());
        assertFalse(model.district().conservationError() == null);
    }

    /** Breaks a count behind its owner's back (by reflection: the owners have no such verb). */
    private static void bump(Object owner, String name) {
        bump(owner, name, 1);
    }

    private static void bump(Object owner, String name, int by) {
        try {
            java.lang.reflect.Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            if (f.getType() == long.class) {
                f.setLong(owner, f.getLong(owner) + by);
            } else {
                f.setInt(owner, f.getInt(owner) + by);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object field(Object owner, String name) {
        try {
            java.lang.reflect.Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
