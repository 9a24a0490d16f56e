package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random mutations of the tiny scenario, its map and its overrides, and hundreds of
 * the tiny study and of an episode file (values, keys, structure, raw bytes, control characters):
 * the loader returns either a scenario or a list of located problems, never anything else (no
 * exception, no hang, no empty problem list, no problem without its file, no raw control
 * character in a message). The number of cases and the seed are system properties, so a longer
 * run is one command (docs/SCENARIO-FORMAT.md):
 * {@code ./mvnw -B -o test -Dtest=LoaderFuzzTest -Dsafepassage.fuzz.cases=10000 -Dsafepassage.fuzz.seed=7}.
 */
class LoaderFuzzTest {

    /** Scenario variants; studies and episodes get a tenth as many each (at least 150). */
    private static final int VARIANTS = Integer.getInteger("safepassage.fuzz.cases", 2000);
    private static final int STUDY_VARIANTS = Math.max(150, VARIANTS / 10);
    private static final long SEED = Long.getLong("safepassage.fuzz.seed", 20161020L);
    private static final Pattern LINE = Pattern.compile("^\\S.*?(:\\d+:\\d+)?: error: .+$");
    private static final String[] VALUES = {"", "~", "-1", "0", "1", "0.5", "1e400", "NaN", ".inf", "0x10",
        "9223372036854775808", "PT0S", "PT1M", "P366D", "P9999999D", "-PT1H", "[]", "{}", "[1, 2]", "[0, 0]",
        "[7, 5]", "[-1, 3]", "[2, 1]", "'x'", "\"\"", "2016-13-45T99:00", "2016-10-20T08:00", "true", "*x", "&a b",
        "!!str x", "!!java.io.File [x]", "!foo x", "{name: pause}", "west", "North", "pause", "gate", "- a", "|\n  x",
        "\"a\\nb\"", "\"\\e[31mred\"", "\"a\\0\"", "\"\\x7f\"", "\"\\u2028\"", "\"\\t\"", "\"..\"", "/dev/zero",
        "\"maps/\\0x\"", "=cmd|' /C calc'!A0", "\"@x\"", "/", "."};
    private static final String[] CHARS = {":", "-", "[", "]", "{", "}", " ", "  ", "\t", "&", "*", "!", "#", ",",
        "\"", "'", "?", "|", ">", "%", "@", "`", "0", "9", "a", "Z", ".", "\n", "\\", "\u00e9", "\u0000",
        "\u001b", "\r", "\u007f", "\u0085", "\u2028", "\ufeff", "\\0", "\\e", "\\n"};
    private static final String[] PATHS = {"seed", "clock.tickMinutes", "clock.horizon", "clock.start",
        "population.persons", "pauses[pause].duration", "pauses[0].start", "pauses[1].duration",
        "corridors[gate].entryCell", "corridors[gate].kind", "corridors[0].transport", "map.cellMeters",
        "map.legend", "map.neighbourhoods[North].populationShare", "map.neighbourhoods", "events",
        "fighters", "meta", "map.file", "corridors[gate].pauses", "x.y[z]", "pauses[pause][0]", "a..b", "[0]"};

    private static final String[] KEYS = {"name", "extends", "file", "duration", "persons", "corridors", "map",
        "pauses", "values", "path", "base", "\"na\\nme\"", "\"a\\0\"", "\"\\e\"", "nmae", "observed", "points", "x"};

    @TempDir
    Path dir;

    @Test
    void mutatedInputsGiveAScenarioOrLocatedProblems() {
        Path scenario = TinyFiles.copyTo(dir);
        String yaml = TinyFiles.read(scenario);
        String map = TinyFiles.read(dir.resolve(TinyFiles.MAP));
        String layer = TinyFiles.read(dir.resolve(TinyFiles.LAYER));
        Random random = new Random(SEED);
        int valid = 0;
        int invalid = 0;
        String[] written = {yaml, map, layer};
        for (int v = 0; v < VARIANTS; v++) {
            String y = yaml;
            String m = map;
            String l = layer;
            List<String> sets = new ArrayList<>();
            int what = random.nextInt(10);
            if (what < 6) {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    y = mutate(y, random);
                }
            } else if (what < 8) {
                if (random.nextBoolean()) {
                    m = mutate(m, random);
                } else {
                    l = mutate(l, random);
                }
            } else {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sets.add(PATHS[random.nextInt(PATHS.length)] + "=" + VALUES[random.nextInt(VALUES.length)]);
                }
            }
            written = writeChanged(scenario, written, 0, y);
            written = writeChanged(dir.resolve(TinyFiles.MAP), written, 1, m);
            written = writeChanged(dir.resolve(TinyFiles.LAYER), written, 2, l);
            try {
                ScenarioLoader.Loaded loaded = ScenarioLoader.load(scenario, sets);
                assertNotNull(loaded.scenario());
                assertNotNull(loaded.scenario().map());
                valid++;
            } catch (InvalidInputException e) {
                assertFalse(e.problems().isEmpty(), "an exception without problems");
                for (Problem p : e.problems()) {
                    String line = p.format();
                    if (!LINE.matcher(line).matches() || line.chars().anyMatch(c -> c < 0x20) || p.file() == null) {
                        fail("malformed problem line '" + line + "' for variant " + v + ":\n" + y + "\nsets " + sets);
                    }
                }
                invalid++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("variant " + v + " crashed the loader; sets " + sets + "; file:\n" + y
                        + "\nmap:\n" + m + "\nlayer:\n" + l, e);
            }
        }
        assertTrue(valid > VARIANTS / 50, "some variants stay valid: " + valid);
        assertTrue(invalid > VARIANTS / 2, "most variants are broken: " + invalid);
    }

    @Test
    void mutatedStudiesGiveAStudyOrLocatedProblems() {
        TinyFiles.copyTo(dir);
        Path study = dir.resolve(TinyFiles.STUDY);
        String yaml = TinyFiles.read(study);
        Random random = new Random(SEED + 1);
        for (int v = 0; v < STUDY_VARIANTS; v++) {
            String y = mutateSome(yaml, random);
            TinyFiles.write(study, y);
            try {
                assertNotNull(StudyLoader.load(study));
            } catch (InvalidInputException e) {
                assertLocated(e, "study variant " + v, y);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("study variant " + v + " crashed the loader:\n" + y, e);
            }
        }
    }

    @Test
    void mutatedEpisodesGiveAnEpisodeOrLocatedProblems() throws java.io.IOException {
        Path scenarios = dir.resolve("scenarios");
        java.nio.file.Files.createDirectories(scenarios.resolve("episodes"));
        java.nio.file.Files.createDirectories(scenarios.resolve("maps"));
        for (String f : List.of("aleppo-2016-12.yaml", "episodes/aleppo-2016-12.yaml", "maps/aleppo-2016-12.txt",
                "maps/aleppo-2016-12-neighbourhoods.txt")) {
            java.nio.file.Files.copy(Path.of("scenarios", f), scenarios.resolve(f));
        }
        Path episode = scenarios.resolve("episodes/aleppo-2016-12.yaml");
        String yaml = TinyFiles.read(episode);
        Random random = new Random(SEED + 2);
        for (int v = 0; v < STUDY_VARIANTS; v++) {
            String y = mutateSome(yaml, random);
            if (random.nextInt(8) == 0) {
                java.nio.file.Files.write(episode, flipByte(y, random));
            } else {
                TinyFiles.write(episode, y);
            }
            try {
                assertNotNull(ScenarioLoader.loadEpisode(episode, List.of()));
            } catch (InvalidInputException e) {
                assertLocated(e, "episode variant " + v, y);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("episode variant " + v + " crashed the loader:\n" + y, e);
            }
        }
    }

    /** Every problem is one located line without raw control characters, and there is at least one. */
    private static void assertLocated(InvalidInputException e, String variant, String text) {
        assertFalse(e.problems().isEmpty(), "an exception without problems");
        for (Problem p : e.problems()) {
            if (!LINE.matcher(p.format()).matches() || p.format().chars().anyMatch(c -> c < 0x20)) {
                fail("malformed problem line '" + p.format() + "' for " + variant + ":\n" + text);
            }
        }
    }

    /** One to three mutations. */
    private static String mutateSome(String text, Random random) {
        String y = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            y = mutate(y, random);
        }
        return y;
    }

    /** The text's UTF-8 bytes with one byte replaced by a random one (often not UTF-8 any more). */
    private static byte[] flipByte(String text, Random random) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Writes a file only when its text changes (most variants touch one file). */
    private static String[] writeChanged(Path file, String[] written, int i, String text) {
        if (!written[i].equals(text)) {
            TinyFiles.write(file, text);
            written[i] = text;
        }
        return written;
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        switch (random.nextInt(9)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> {
                int j = random.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 3 -> {
                int at = random.nextInt(line.length() + 1);
                String c = CHARS[random.nextInt(CHARS.length)];
                lines.set(i, line.substring(0, at) + c + line.substring(Math.min(line.length(), at + 1)));
            }
            case 4 -> {
                int at = random.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + CHARS[random.nextInt(CHARS.length)] + line.substring(at));
            }
            case 5 -> {
                int colon = line.indexOf(": ");
                String value = VALUES[random.nextInt(VALUES.length)];
                lines.set(i, colon < 0 ? line + value : line.substring(0, colon + 2) + value);
            }
            case 6 -> lines.set(i, random.nextBoolean() ? "  " + line : line.replaceFirst("^  ", ""));
            case 7 -> {
                // a key renamed: to another key of the file, a near miss, or one holding a control character
                int colon = line.indexOf(':');
                String key = KEYS[random.nextInt(KEYS.length)];
                lines.set(i, colon < 0 ? key + ": " + line.trim() : line.replaceFirst("[^ -][^:]*:", key + ":"));
            }
            default -> {
                String all = String.join("\n", lines);
                return all.substring(0, random.nextInt(all.length() + 1));
            }
        }
        return String.join("\n", lines);
    }
}
