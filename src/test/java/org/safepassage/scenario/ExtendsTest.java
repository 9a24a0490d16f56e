package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code extends:} merges a file over its base (ScenarioTree). */
class ExtendsTest {

    @TempDir
    Path dir;

    private Scenario child(String text) {
        TinyFiles.copyTo(dir);
        return TinyFiles.load(TinyFiles.write(dir.resolve("child.yaml"), "extends: tiny.yaml\n" + text));
    }

    @Test
    void mappingsMergeKeyByKey() {
        Scenario s = child("clock:\n  horizon: PT24H\n");
        assertEquals(Duration.ofHours(24), s.clock().horizon());
        assertEquals(5, s.clock().tickMinutes(), "sibling keys are kept");
        assertEquals("tiny", s.meta().name());
    }

    @Test
    void namedListItemsMergeByNameAndNewNamesAreAppended() {
        Scenario s = child("pauses:\n  - {name: pause, duration: PT6H}\n"
                + "  - {name: second, credibility: 0.3, start: 2016-10-20T14:00, duration: PT1H}\n");
        assertEquals(2, s.pauses().size());
        assertEquals(Duration.ofHours(6), s.pauses().get(0).duration());
        assertEquals(0.5, s.pauses().get(0).credibility(), "the base's keys of the named item stay");
        assertEquals("second", s.pauses().get(1).name());
    }

    @Test
    void listsWithoutNamesAndScalarsReplaceTheBase() {
        Scenario s = child("corridors:\n  - {name: gate, entryCell: [2, 3]}\nmeta:\n  sources: [one]\n");
        assertEquals(1, s.corridors().size());
        assertEquals(List.of(2, 3), List.of(s.corridors().get(0).entryX(), s.corridors().get(0).entryY()),
                "a list of plain values is replaced as a whole");
        assertEquals("west", s.corridors().get(0).leadsTo());
        assertEquals(List.of("one"), s.meta().sources());
        Scenario t = child("corridors:\n  - {name: other, entryCell: [2, 3], leadsTo: west}\n");
        assertEquals(List.of("gate", "other"), t.corridors().stream().map(Corridor::name).toList(),
                "an item with a new name is appended");
    }

    @Test
    void anEmptyValueDropsTheBasesValue() {
        Scenario s = child("pauses:\n  - name: pause\n    notice:\n");
        assertEquals(Duration.ZERO, s.pauses().get(0).notice(), "the default, not the base's PT2H");
    }

    @Test
    void chainsOfBasesResolveRelativeToEachFile() {
        TinyFiles.copyTo(dir);
        TinyFiles.write(dir.resolve("sub/middle.yaml"), "extends: ../tiny.yaml\nclock:\n  horizon: PT6H\n");
        Scenario s = TinyFiles.load(TinyFiles.write(dir.resolve("sub/deeper/top.yaml"),
                "extends: ../middle.yaml\nseed: 99\n"));
        assertEquals(Duration.ofHours(6), s.clock().horizon());
        assertEquals(99, s.seed());
        assertEquals(8, s.map().width(), "the map is resolved relative to the file that names it");
    }
}
