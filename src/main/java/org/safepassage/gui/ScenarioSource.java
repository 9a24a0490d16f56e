package org.safepassage.gui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;

/**
 * Where a design shown in the GUI comes from: a scenario file, loaded again at every start (so
 * that edits to the file show at the next Play), or scenario text read once from standard
 * input ({@code -}), named {@code label} in messages.
 *
 * @param file the scenario file, or null for text
 * @param text the scenario text, or null for a file
 * @param label how messages name the text
 */
public record ScenarioSource(Path file, String text, String label) {

    public static ScenarioSource ofFile(Path file) {
        return new ScenarioSource(file, null, null);
    }

    public static ScenarioSource ofText(String text, String label) {
        return new ScenarioSource(null, text, label);
    }

    /** Loads it with these key-path overrides, checked as {@code run} checks. */
    public ScenarioLoader.Loaded load(List<String> sets) throws InvalidInputException {
        return file != null ? ScenarioLoader.load(file, sets) : ScenarioLoader.loadText(text, label, sets);
    }

    /** The file's path, or the label of the text. */
    public String name() {
        return file != null ? file.toString() : label;
    }

    /** SHA-256 of the scenario's every key after {@code extends} and these overrides (a checkpoint's guard). */
    static String effectiveSha256(ScenarioLoader.Loaded loaded) {
        try {
            byte[] bytes = RunWriter.json().writeValueAsString(loaded.effective().toPlain()).getBytes(StandardCharsets.UTF_8);
            return Manifest.sha256(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
