package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.metrics.Manifest;

/**
 * Every file a study reads (the study, its base, the base's extends chain, the maps) and the
 * program are hashed into the sweep's manifest.json as {@code inputs}; {@code --resume} is
 * refused, naming the file, when any of them changed since the sweep started.
 */
class SweepInputsTest {

    @TempDir
    Path tmp;

    private Path study;

    record Exit(int code, String out, String err) {
    }

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(tmp.resolve("scenarios/maps"));
        for (String f : List.of("teaching.yaml", "maps/teaching.txt", "maps/teaching-neighbourhoods.txt")) {
            Files.copy(Path.of("scenarios", f), tmp.resolve("scenarios").resolve(f));
        }
        Files.writeString(tmp.resolve("scenarios/child.yaml"), """
                extends: teaching.yaml
                clock:
                  horizon: P1D
                """);
        Files.createDirectories(tmp.resolve("studies"));
        study = tmp.resolve("studies/s.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: inputs
                base: ../scenarios/child.yaml
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT11H]
                replicates: 2
                seed: 3
                outputs: [evacuated]
                """);
    }

    private static Exit exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Exit(code, out.toString(), err.toString());
    }

    private Exit sweep(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", study.toString(), "--out", dir.toString(), "-q",
                "--threads", "1"));
        args.addAll(List.of(more));
        return exec(args.toArray(String[]::new));
    }

    @Test
    void theManifestHashesEveryFileTheStudyReadsAndTheProgram() throws IOException {
        Path dir = tmp.resolve("out");
        Exit e = sweep(dir);
        assertEquals(ExitCode.OK, e.code(), e.err());
        JsonNode inputs = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).path("inputs");
        List<String> keys = new ArrayList<>();
        inputs.fieldNames().forEachRemaining(keys::add);
        // (manifest.json lists keys sorted)
        assertEquals(List.of("../scenarios/child.yaml", "../scenarios/maps/teaching-neighbourhoods.txt",
                "../scenarios/maps/teaching.txt", "../scenarios/teaching.yaml", "program", "s.yaml"), keys);
        assertEquals(Manifest.sha256(tmp.resolve("scenarios/maps/teaching.txt")),
                inputs.path("../scenarios/maps/teaching.txt").asText());
        assertEquals(Version.program(), inputs.path("program").asText());
        assertTrue(inputs.path("program").asText().startsWith(Version.project() + " "));
    }

    @Test
    void resumeIsRefusedWhenTheBaseOfTheBaseChanged() throws IOException {
        assertRefusedAfterEditing("scenarios/teaching.yaml", "../scenarios/teaching.yaml");
    }

    @Test
    void resumeIsRefusedWhenAMapChanged() throws IOException {
        assertRefusedAfterEditing("scenarios/maps/teaching-neighbourhoods.txt",
                "../scenarios/maps/teaching-neighbourhoods.txt");
    }

    @Test
    void resumeIsRefusedWhenTheBaseChanged() throws IOException {
        assertRefusedAfterEditing("scenarios/child.yaml", "../scenarios/child.yaml");
    }

    @Test
    void resumeWithUnchangedInputsFinishes() throws IOException {
        Path dir = tmp.resolve("out");
        assertEquals(ExitCode.FAILED, sweep(dir, "--stop-after", "1").code());
        Exit e = sweep(dir, "--resume");
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("runs.csv")).size());
    }

    private void assertRefusedAfterEditing(String file, String named) throws IOException {
        Path dir = tmp.resolve("out");
        assertEquals(ExitCode.FAILED, sweep(dir, "--stop-after", "1").code());
        byte[] runsBefore = Files.readAllBytes(dir.resolve("runs.csv"));
        Files.writeString(tmp.resolve(file), "\n", StandardOpenOption.APPEND);
        Exit e = sweep(dir, "--resume");
        assertEquals(ExitCode.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("cannot resume") && e.err().contains(named + " (SHA-256"), e.err());
        assertFalse(e.err().contains("\tat "), e.err());
        // nothing was run or rewritten: the unfinished sweep stays as it was
        assertTrue(java.util.Arrays.equals(runsBefore, Files.readAllBytes(dir.resolve("runs.csv"))));
        assertTrue(Files.exists(dir.resolve("sweep-state.json")));
    }
}
