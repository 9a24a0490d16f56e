package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour ensembles: the file, the member each replicate draws, and what --ensemble chooses. */
class EnsembleTest {

    @TempDir
    Path dir;

    private Path ensemble(String members) {
        return TinyFiles.write(dir.resolve("e.yaml"), "schemaVersion: 1\nname: e\nprovenance: {calibration: test}\n"
                + "members:\n" + members);
    }

    private static final String TWO = "  - {weight: 3, label: strong, set: {behaviour.weights.trust: 12}}\n"
            + "  - {weight: 1, label: weak, set: {behaviour.weights.trust: 2}}\n";

    @Test
    void eachReplicateDrawsAMemberByWeightFromItsSeed() throws Exception {
        Ensemble e = Ensemble.load(ensemble(TWO));
        int weak = 0;
        for (long seed = 1; seed <= 400; seed++) {
            assertEquals(e.member(seed), e.member(seed), "a pure function of the seed");
            weak += e.member(seed);
        }
        assertTrue(weak > 70 && weak < 130, weak + " of 400 draws the member of weight 1 in 4, expected about 100");
    }

    @Test
    void theScenarioNamesItsEnsembleAndTheCommandLineOverridesIt() throws Exception {
        Path e = ensemble(TWO);
        Path base = TinyFiles.copyTo(dir);
        Path named = TinyFiles.write(dir.resolve("named.yaml"), "extends: tiny.yaml\nensemble: e.yaml\n");
        Variation fromFile = ScenarioLoader.load(named, List.of()).variation();
        Set<Double> trust = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            Variation.Drawn d = fromFile.draw(seed);
            trust.add(d.scenario().behaviour().weights().trust());
            assertEquals(d.member() == 0 ? 12.0 : 2.0, d.scenario().behaviour().weights().trust());
        }
        assertEquals(Set.of(12.0, 2.0), trust);
        assertTrue(!ScenarioLoader.load(named, List.of(), "none").variation().varies(), "--ensemble none");
        Variation given = ScenarioLoader.load(base, List.of(), e.toString()).variation();
        assertEquals(fromFile.draw(5).member(), given.draw(5).member(), "same seed, same member, any scenario");
        assertEquals(BehaviourParameters.of("behaviour.weights.trust").defaultValue(),
                ScenarioLoader.load(named, List.of()).scenario().behaviour().weights().trust(),
                "the nominal scenario keeps the calibrated defaults");
    }

    @Test
    void anEnsembleHoldsBehaviourParametersOnlyAndEveryMemberIsChecked() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Ensemble.load(ensemble(
                "  - {weight: 1, set: {population.persons: 5}}\n")));
        assertEquals(dir.resolve("e.yaml") + ":5:23: error: members[0].set.population.persons: 'population.persons'; "
                + "a behaviour.* key path with a plain value (an ensemble holds behaviour parameters only: the facts "
                + "of a scenario are never fitted)", e.problems().get(0).format());
        Path bad = ensemble("  - {weight: 1, set: {behaviour.weights.trust: -4}}\n");
        TinyFiles.copyTo(dir);
        InvalidInputException load = assertThrows(InvalidInputException.class,
                () -> ScenarioLoader.load(dir.resolve("tiny.yaml"), List.of(), bad.toString()));
        assertEquals(bad + ":5:48: error: behaviour.weights.trust: found -4; a number from 0 to 100 "
                + "(utility per unit trust: belief that the pause and corridor are safe)",
                load.problems().get(0).format());
    }

    @Test
    void differentSeedsDrawDifferentMembers() throws Exception {
        Ensemble e = Ensemble.load(ensemble(TWO));
        Set<Integer> members = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            members.add(e.member(seed));
        }
        assertNotEquals(1, members.size());
    }
}
