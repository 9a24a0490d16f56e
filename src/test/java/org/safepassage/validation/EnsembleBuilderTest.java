package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.Ensemble;

/** The ensemble from a calibration: candidates within the tolerance, one per parameter set. */
class EnsembleBuilderTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachParameterSetOnceWithItsBestReplicatedScoreWithinTheTolerance() throws Exception {
        Path csv = dir.resolve("calibration.csv");
        Files.writeString(csv, """
                candidate,stage,replicates,score,error[ep],behaviour.weights.trust,behaviour.weights.monitored
                0,defaults,1,0.5,0.5,,
                1,global,1,0.30,0.3,12,7
                2,global,1,0.50,0.5,3,1
                3,global,1,0.90,0.9,1,1
                4,confirm,3,0.40,0.4,12,7
                """);
        List<String> episodes = new ArrayList<>();
        List<EnsembleBuilder.Candidate> read = EnsembleBuilder.read(csv, episodes);
        assertEquals(List.of("ep"), episodes);
        assertEquals(3, read.size(), "candidate 4 is candidate 1 confirmed; the defaults' row has no values");
        EnsembleBuilder.Built b = EnsembleBuilder.build(read, 0.15, episodes);
        assertEquals(0.40, b.bestScore(), 1e-12, "the confirmed score replaces the one-run score");
        assertEquals(List.of(4, 2), b.members().stream().map(EnsembleBuilder.Candidate::index).toList());
        Path out = dir.resolve("e.yaml");
        Files.writeString(out, EnsembleBuilder.yaml(b, Map.of("calibration", "test")));
        Ensemble e = Ensemble.load(out);
        assertEquals(2, e.members().size());
        assertEquals(0.5, e.members().get(0).weight(), 1e-12);
        assertEquals("12", e.members().get(0).sets().get("behaviour.weights.trust").text());
    }
}
