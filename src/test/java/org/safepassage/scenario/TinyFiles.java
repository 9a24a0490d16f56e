package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny test scenario (src/test/resources/org/safepassage/scenario/tiny): copies it into a
 * temporary folder, writes broken variants of it, and loads them, giving each problem as the
 * line {@code check} prints, with the folder prefix removed.
 */
public final class TinyFiles {

    /** Text of tiny.yaml, line numbers as in the file (used by the tests' expected positions). */
    public static final String SCENARIO = "tiny.yaml";
    public static final String STUDY = "tiny-study.yaml";
    public static final String MAP = "maps/tiny.txt";
    public static final String LAYER = "maps/tiny-neighbourhoods.txt";

    private TinyFiles() {
    }

    /** Copies the fixture to {@code dir} and writes there a {@code child.yaml} extending tiny.yaml with {@code text}. */
    public static Path child(Path dir, String text) {
        copyTo(dir);
        return write(dir.resolve("child.yaml"), "extends: tiny.yaml\n" + text);
    }

    /** The one problem that loading {@code file} reports, formatted (fails unless there is exactly one). */
    public static String onlyProblem(Path file) {
        try {
            ScenarioLoader.load(file);
        } catch (InvalidInputException e) {
            assertEquals(1, e.problems().size(), e.problems().toString());
            return e.problems().get(0).format();
        }
        return fail(file + " loaded without a problem");
    }

    /** The fixture folder on the test class path. */
    public static Path fixture() {
        try {
            return Path.of(TinyFiles.class.getResource("/org/safepassage/scenario/tiny/tiny.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the scenario, the study and both map layers into {@code dir}; returns the scenario's path. */
    public static Path copyTo(Path dir) {
        for (String name : List.of(SCENARIO, STUDY, MAP, LAYER)) {
            try {
                Path to = dir.resolve(name);
                Files.createDirectories(to.getParent());
                Files.copy(fixture().resolve(name), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir.resolve(SCENARIO);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces text in a file of {@code dir} (a copy of the fixture). Each {@code from} must occur
     * exactly once, so that a test cannot silently stop changing anything.
     */
    public static void edit(Path dir, String name, String... fromTo) {
        Path file = dir.resolve(name);
        String text = read(file);
        for (int i = 0; i < fromTo.length; i += 2) {
            String from = fromTo[i];
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                fail("'" + from + "' must occur exactly once in " + name);
            }
            text = text.replace(from, fromTo[i + 1]);
        }
        write(file, text);
    }

    /** Loads a scenario and returns its problems as printed lines, {@code dir/} removed; empty when valid. */
    public static List<String> problems(Path dir, Path scenario, String... sets) {
        try {
            ScenarioLoader.load(scenario, List.of(sets));
            return List.of();
        } catch (InvalidInputException e) {
            return lines(dir, e.problems());
        }
    }

    /** Loads a study; problems as for {@link #problems}. */
    public static List<String> studyProblems(Path dir, Path study) {
        try {
            StudyLoader.load(study);
            return List.of();
        } catch (InvalidInputException e) {
            return lines(dir, e.problems());
        }
    }

    public static List<String> lines(Path dir, List<Problem> problems) {
        String prefix = dir.toString() + dir.getFileSystem().getSeparator();
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.format().replace(prefix, ""));
        }
        return out;
    }

    /** Loads a scenario that must be valid. */
    public static Scenario load(Path scenario, String... sets) {
        try {
            return ScenarioLoader.load(scenario, List.of(sets)).scenario();
        } catch (InvalidInputException e) {
            fail("expected a valid scenario, got:\n" + e.getMessage());
            return null;
        }
    }

    public static void assertProblems(List<String> expected, List<String> actual) {
        List<String> e = new ArrayList<>(expected);
        List<String> a = new ArrayList<>(actual);
        e.sort(null);
        a.sort(null);
        assertEquals(String.join("\n", e), String.join("\n", a));
    }
}
