package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/SCENARIO-FORMAT.md names every key the loader accepts: an unknown key in each mapping
 * makes the loader list the keys it allows there, and each must be in the document.
 */
class FormatDocTest {

    @TempDir
    Path dir;

    private static final String MARK = "unknown key 'zzz'; one of ";

    /** The keys the loader lists for the mapping where an override put 'zzz'. */
    private List<String> allowedAt(String set) {
        List<String> problems = TinyFiles.problems(dir, TinyFiles.copyTo(dir), set);
        List<String> keys = new ArrayList<>();
        for (String p : problems) {
            int at = p.indexOf(MARK);
            if (at >= 0) {
                keys.addAll(List.of(p.substring(at + MARK.length()).split(", ")));
            }
        }
        assertTrue(keys.size() > 1, set + " gave " + problems);
        return keys;
    }

    @Test
    void everyScenarioKeyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/SCENARIO-FORMAT.md"));
        List<String> sets = List.of("zzz=1", "meta.zzz=1", "clock.zzz=1", "map.zzz=1",
                "map.neighbourhoods[0].zzz=1", "map.legend.W.zzz=1", "population.zzz=1", "population.household.zzz=1",
                "behaviour.zzz=1", "behaviour.weights.zzz=1", "behaviour.information.zzz=1",
                "behaviour.corridorChoice.zzz=1", "behaviour.movement.zzz=1", "pauses[0].zzz=1",
                "pauses[0].extensions=[{zzz: 1}]", "corridors[0].zzz=1", "corridors[0].transport={zzz: 1}",
                "corridors[0].screening={zzz: 1}", "corridors[0].schedule=[{zzz: 1}]", "fighters=[{zzz: 1}]",
                "hazards.zzz=1", "events=[{zzz: 1}]", "observed.zzz=1", "observed.points=[{zzz: 1}]");
        List<String> missing = new ArrayList<>();
        for (String set : sets) {
            for (String key : allowedAt(set)) {
                boolean named = doc.contains("`" + key + "`") || doc.contains("." + key + "`")
                        || doc.contains("`" + key + ".");
                if (!named) {
                    missing.add(set + " -> " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyStudyKeyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/SCENARIO-FORMAT.md"));
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.STUDY, "replicates: 2", "replicates: 2\nzzz: 1",
                "  - path: pauses[pause].duration", "  - zzz: 1\n    path: pauses[pause].duration");
        List<String> keys = new ArrayList<>();
        for (String p : TinyFiles.studyProblems(dir, dir.resolve(TinyFiles.STUDY))) {
            keys.addAll(List.of(p.substring(p.indexOf(MARK) + MARK.length()).split(", ")));
        }
        assertTrue(keys.contains("replicates") && keys.contains("values"), keys.toString());
        for (String key : keys) {
            assertTrue(doc.contains("`" + key + "`"), key);
        }
        for (String output : StudyLoader.OUTPUTS) {
            assertTrue(doc.contains("`" + output + "`"), output);
        }
    }
}
