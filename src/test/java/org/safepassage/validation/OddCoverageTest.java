package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.YamlNode;

/**
 * docs/ODD.md documents every scenario key: every leaf key path of the loader's schema (found
 * by asking the loader itself which keys it allows under each mapping, through the "unknown
 * key" message it gives for a key that cannot exist) and every leaf key path used in the
 * shipped scenarios and episodes. A key path is written in ODD.md in backticks, list items as
 * {@code []}, e.g. {@code `pauses[].extensions[].announcedAt`}; map legend symbols as {@code SYMBOL}.
 */
class OddCoverageTest {

    private static final String PROBE = "zzzzqqqqxxxxwwww";
    private static final Path BASE = Path.of("scenarios", "teaching.yaml");

    @Test
    void everyKeyOfTheLoadersSchemaHasAnEntryInOdd() throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        discover(new ArrayList<>(), keys);
        assertTrue(keys.size() > 100, "the schema probe found only " + keys.size() + " keys: " + keys);
        assertTrue(keys.contains("behaviour.weights.timePressure") && keys.contains("observed.points[].quality")
                && keys.contains("pauses[].extensions[].kept"), "the probe misses known keys: " + keys);
        assertDocumented(keys);
    }

    @Test
    void everyKeyOfTheShippedScenariosHasAnEntryInOdd() throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("scenarios"), Path.of("scenarios", "episodes"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            YamlNode tree = ScenarioLoader.load(f, List.of()).effective();
            leaves(tree, "", keys);
        }
        keys.add("extends");
        assertDocumented(keys);
    }

    private static void assertDocumented(TreeSet<String> keys) throws IOException {
        String odd = Files.readString(Path.of("docs", "ODD.md"));
        List<String> missing = keys.stream().filter(k -> !odd.contains("`" + k + "`")).toList();
        assertTrue(missing.isEmpty(), "docs/ODD.md has no entry for " + missing.size() + " scenario keys: " + missing);
    }

    /** Leaf key paths of an effective tree, list items as [], legend symbols as SYMBOL. */
    private static void leaves(YamlNode node, String path, TreeSet<String> out) {
        if (node.isMapping()) {
            for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
                String key = path.equals("map.legend") ? "SYMBOL" : e.getKey();
                leaves(e.getValue(), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (node.isSequence() && !node.items().isEmpty() && node.items().get(0).isMapping()) {
            for (YamlNode item : node.items()) {
                leaves(item, path + "[]", out);
            }
        } else {
            out.add(path);
        }
    }

    /** Walks the schema: under {@code steps}, which keys does the loader allow, and which of them nest? */
    private static void discover(List<String> steps, TreeSet<String> out) {
        List<String> allowed = allowedUnder(steps, false);
        boolean list = false;
        if (allowed == null && !steps.isEmpty()) {
            allowed = allowedUnder(steps, true);
            list = allowed != null;
        }
        if (allowed == null) {
            out.add(String.join(".", steps).replace(".[]", "[]"));
            return;
        }
        for (String key : allowed) {
            List<String> next = new ArrayList<>(steps);
            if (list) {
                next.add("[]");
            }
            next.add(key);
            discover(next, out);
        }
    }

    /** The keys the loader allows in a mapping at {@code steps} (as a list item if {@code asItem}), or null. */
    private static List<String> allowedUnder(List<String> steps, boolean asItem) {
        List<String> all = new ArrayList<>(steps);
        if (asItem) {
            all.add("[]");
        }
        String set;
        if (all.isEmpty()) {
            set = PROBE + "=1";
        } else {
            String value = "{" + PROBE + ": 1}";
            for (int i = all.size() - 1; i >= 1; i--) {
                value = all.get(i).equals("[]") ? "[" + value + "]" : "{" + all.get(i) + ": " + value + "}";
            }
            set = all.get(0) + "=" + value;
        }
        try {
            ScenarioLoader.load(BASE, List.of(set));
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                if (p.found().equals("unknown key '" + PROBE + "'") && p.expected().startsWith("one of ")) {
                    return Arrays.asList(p.expected().substring("one of ".length()).split(", "));
                }
            }
        }
        return null;
    }
}
