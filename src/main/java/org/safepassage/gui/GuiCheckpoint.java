package org.safepassage.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;

/**
 * A checkpoint of the GUI (the Console's File menu: Save, Save As, Open): not the model's memory
 * but the recipe of the run, as JSON: each design's scenario (file path, or the text read from
 * standard input), the overrides applied, the hash of the effective parameters, the seed, the
 * Model tab's settings and the number of ticks done. Opening replays the run to that tick; a
 * run is a function of its scenario and seed, so the reopened run is the run that was saved and
 * goes on exactly as it would have. A scenario file changed since is refused, not replayed.
 *
 * @param format {@link #FORMAT}
 * @param program the program's version that saved it
 * @param seed the seed of every design
 * @param ticks ticks done when saved
 * @param designs one per design shown
 * @param settings the Model tab's settings and the parameter inspector's changes, by name
 */
public record GuiCheckpoint(String format, String program, long seed, long ticks, List<Design> designs,
        Map<String, Object> settings) {

    /** The format this version writes and reads. */
    public static final String FORMAT = "safepassage-gui-checkpoint/1";

    /**
     * One design of the checkpoint.
     *
     * @param scenarioFile the scenario file (absolute), or null for text
     * @param scenarioText the text read from standard input, or null
     * @param label how messages name the text
     * @param sets overrides given on the command line for this design
     * @param appliedSets every override the run had (the command line's and the GUI's)
     * @param effectiveSha256 SHA-256 of the effective parameters of the run
     */
    public record Design(String scenarioFile, String scenarioText, String label, List<String> sets,
            List<String> appliedSets, String effectiveSha256) {

        ScenarioSource source() {
            return scenarioFile != null ? ScenarioSource.ofFile(Path.of(scenarioFile))
                    : ScenarioSource.ofText(scenarioText, label);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The design entry of a run: source, command-line overrides, every override applied, and its loaded scenario. */
    static Design design(ScenarioSource source, List<String> sets, List<String> applied, ScenarioLoader.Loaded loaded) {
        return new Design(source.file() != null ? source.file().toAbsolutePath().normalize().toString() : null,
                source.text(), source.label(), List.copyOf(sets), List.copyOf(applied), ScenarioSource.effectiveSha256(loaded));
    }

    static GuiCheckpoint of(long seed, long ticks, List<Design> designs, Map<String, Object> settings) {
        String program = GuiCheckpoint.class.getPackage().getImplementationVersion();
        return new GuiCheckpoint(FORMAT, program != null ? program : "dev", seed, ticks, List.copyOf(designs),
                new LinkedHashMap<>(settings));
    }

    /** Writes it whole or not at all. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), this));
    }

    /** Reads a checkpoint; a file that is not one is refused with a message naming it. */
    public static GuiCheckpoint read(Path file) throws IOException, InvalidInputException {
        GuiCheckpoint c;
        try {
            c = JSON.readValue(file.toFile(), GuiCheckpoint.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw problem(file, "not a GUI checkpoint (" + e.getOriginalMessage() + ")");
        }
        if (c == null || !FORMAT.equals(c.format())) {
            throw problem(file, "format '" + (c == null ? null : c.format()) + "'");
        }
        if (c.designs() == null || c.designs().isEmpty() || c.ticks() < 0) {
            throw problem(file, "no design or a negative tick count");
        }
        return c;
    }

    private static InvalidInputException problem(Path file, String found) {
        return new InvalidInputException(List.of(new Problem(file.toString(), 0, 0, "", found,
                "a checkpoint saved by safepassage gui (" + FORMAT + ")")));
    }

    /**
     * The scenarios of the saved run, loaded again with every override it had and its seed;
     * refused when a scenario no longer gives the parameters it had (the file, a file it extends
     * or its map was changed since).
     */
    public List<Scenario> scenarios() throws InvalidInputException {
        return loaded().stream().map(l -> l.scenario().withSeed(seed)).toList();
    }

    /** As {@link #scenarios()}, as loaded (their seeds not yet set to the checkpoint's). */
    List<ScenarioLoader.Loaded> loaded() throws InvalidInputException {
        List<ScenarioLoader.Loaded> out = new ArrayList<>();
        for (Design d : designs) {
            ScenarioLoader.Loaded loaded = d.source().load(d.appliedSets());
            String sha = ScenarioSource.effectiveSha256(loaded);
            if (!sha.equals(d.effectiveSha256())) {
                throw new InvalidInputException(List.of(new Problem(d.source().name(), 0, 0, "",
                        "parameters that differ from the checkpoint's (the file or a file it extends changed since it "
                                + "was saved)", "the scenario as it was when the checkpoint was saved")));
            }
            out.add(loaded);
        }
        return out;
    }

    /** The saved run, replayed to the tick it was saved at (started, ready to go on). */
    public Lockstep replay() throws InvalidInputException {
        Lockstep state = new Lockstep(scenarios());
        state.start();
        for (long t = 0; t < ticks && state.stepTick(); t++) {
            // the replay: every tick as the saved run had it
        }
        return state;
    }
}
