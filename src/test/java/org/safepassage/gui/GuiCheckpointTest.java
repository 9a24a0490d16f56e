package org.safepassage.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.TimeSeries;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.sim.Evacuation;

/**
 * The GUI's checkpoints: a run saved part-way, written to a file, read back and replayed goes
 * on to exactly the run an uninterrupted run with the same seed makes, tick by tick; a
 * checkpoint whose scenario changed since is refused, not replayed.
 */
class GuiCheckpointTest {

    @TempDir
    Path tmp;

    private static GuiCheckpoint saved(Path file, List<String> sets, long seed, long ticks) throws Exception {
        ScenarioSource source = ScenarioSource.ofFile(file);
        ScenarioLoader.Loaded loaded = source.load(sets);
        GuiCheckpoint.Design d = GuiCheckpoint.design(source, List.of(), sets, loaded);
        return GuiCheckpoint.of(seed, ticks, List.of(d), Map.of("behaviour", Map.of()));
    }

    @Test
    void aSavedRunReopensAndGoesOnAsTheUninterruptedRun() throws Exception {
        List<String> sets = List.of("pauses[0].duration=PT24H", "corridors[*].monitoring=neutral");
        long seed = 77;
        Path file = tmp.resolve("part-way.checkpoint");
        saved(Path.of("scenarios", "teaching.yaml"), sets, seed, 150).write(file);

        GuiCheckpoint read = GuiCheckpoint.read(file);
        assertEquals(150, read.ticks());
        Lockstep resumed = read.replay();
        assertEquals(150, resumed.schedule.getSteps());
        Evacuation run = resumed.runs().get(0);
        TimeSeries after = new TimeSeries(run.district().scenario.corridors().stream().map(c -> c.name()).toList());
        run.addObserver(after);
        while (resumed.stepTick()) {
            // on to the horizon from the reopened tick
        }

        SingleRun.Result straight = SingleRun.run(ScenarioLoader.load(Path.of("scenarios", "teaching.yaml"), sets)
                .scenario().withSeed(seed));
        List<double[]> all = straight.timeSeries().rows();
        List<double[]> tail = after.rows();
        assertEquals(all.size() - 150, tail.size());
        for (int i = 0; i < tail.size(); i++) {
            assertEquals(java.util.Arrays.toString(all.get(150 + i)), java.util.Arrays.toString(tail.get(i)), "tick " + (151 + i));
        }
        assertEquals(straight.summary().evacuated(), run.district().evacuated());
        assertTrue(straight.summary().evacuated() > 100, "the check needs a run in which people leave");
    }

    @Test
    void twoDesignsReplayTogetherWithTheirSharedSeed() throws Exception {
        Path teaching = Path.of("scenarios", "teaching.yaml");
        ScenarioSource source = ScenarioSource.ofFile(teaching);
        List<String> b = List.of("corridors[*].monitoring=neutral");
        GuiCheckpoint c = GuiCheckpoint.of(5, 300, List.of(
                GuiCheckpoint.design(source, List.of(), List.of(), source.load(List.of())),
                GuiCheckpoint.design(source, b, b, source.load(b))), Map.of());
        Lockstep pair = c.replay();
        while (pair.stepTick()) {
            // to the horizon
        }
        for (int i = 0; i < 2; i++) {
            long straight = SingleRun.run(ScenarioLoader.load(teaching, i == 0 ? List.of() : b).scenario().withSeed(5))
                    .summary().evacuated();
            assertEquals(straight, pair.runs().get(i).district().evacuated(), "design " + i);
        }
    }

    @Test
    void aCheckpointOfAChangedScenarioIsRefused() throws Exception {
        Path scenario = tmp.resolve("copy.yaml");
        String text = Files.readString(Path.of("scenarios", "teaching.yaml"))
                .replace("maps/teaching", Path.of("scenarios", "maps", "teaching").toAbsolutePath().toString());
        Files.writeString(scenario, text);
        Path file = tmp.resolve("c.checkpoint");
        saved(scenario, List.of(), 1, 10).write(file);
        Files.writeString(scenario, text.replace("credibility: 0.5", "credibility: 0.6"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GuiCheckpoint.read(file).replay());
        assertTrue(e.problems().get(0).format().contains("changed since it was saved"), e.problems().toString());
    }

    @Test
    void aFileThatIsNotACheckpointIsRefusedWithItsName() throws Exception {
        Path file = tmp.resolve("x.checkpoint");
        Files.writeString(file, "{\"format\": \"something else\"}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GuiCheckpoint.read(file));
        assertTrue(e.problems().get(0).format().startsWith(file.toString()), e.problems().toString());
        Files.writeString(file, "not json");
        assertThrows(InvalidInputException.class, () -> GuiCheckpoint.read(file));
    }
}
