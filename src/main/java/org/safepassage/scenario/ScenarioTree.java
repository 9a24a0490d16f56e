package org.safepassage.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective YAML tree of a scenario: the file, merged over the base it
 * {@code extends} (recursively), then the {@code --set} overrides applied.
 *
 * <p>Merging: mappings merge key by key; a list whose items all have a {@code name} merges
 * item by item by name (a new name is appended); any other value replaces the base's.
 */
public final class ScenarioTree {

    private static final int MAX_EXTENDS_DEPTH = 10;

    private ScenarioTree() {
    }

    /** Reads {@code file} and its bases; null when a file or one of its bases cannot be read or parsed. */
    public static YamlNode resolve(Path file, List<Problem> problems) {
        return resolve(file, problems, new ArrayList<>());
    }

    /** As {@link #resolve(Path, List)}, adding each file of the {@code extends} chain to {@code read}. */
    public static YamlNode resolveReading(Path file, List<Problem> problems, List<Path> read) {
        return resolve(file.toAbsolutePath().normalize(), problems, new ArrayList<>(), file.toString(), null,
                new ArrayList<>(), read);
    }

    /**
     * As {@link #resolve(Path, List)}, collecting into {@code warnings} the merges that are
     * allowed but often not meant: an item whose name the base lacks, appended beside the base's
     * items, and a list that replaces a base list of named items because not all its items are
     * named ({@code check} prints them).
     */
    public static YamlNode resolve(Path file, List<Problem> problems, List<Problem> warnings) {
        return resolve(file.toAbsolutePath().normalize(), problems, new ArrayList<>(), file.toString(), null,
                warnings, new ArrayList<>());
    }

    /**
     * Parses scenario text that is not in a file (standard input, a request of {@code serve});
     * {@code label} names it in messages, and its folder is where {@code extends:} and map paths are
     * resolved from (a label without a folder: the working directory).
     */
    public static YamlNode resolveText(String text, String label, List<Problem> problems) {
        return resolve(Path.of(label).toAbsolutePath().normalize(), problems, new ArrayList<>(), label, text,
                new ArrayList<>(), new ArrayList<>());
    }

    /** {@code text} is the file's content when it is not read from {@code label} (else null). */
    private static YamlNode resolve(Path absolute, List<Problem> problems, List<Path> chain, String label,
            String text, List<Problem> warnings, List<Path> read) {
        if (text == null) {
            read.add(Path.of(label));
        }
        List<Problem> local = new ArrayList<>();
        YamlNode tree = text != null ? YamlSource.parse(text, label, 0, 0, local) : YamlSource.read(Path.of(label), local);
        problems.addAll(local);
        if (tree == null) {
            return null;
        }
        if (!tree.isMapping()) {
            problems.add(Fields.at(tree, "", "found " + tree.describe(), "a mapping of sections"));
            return null;
        }
        YamlNode ext = tree.remove("extends");
        if (ext == null || ext.isNull()) {
            return tree;
        }
        if (!ext.isScalar()) {
            problems.add(Fields.at(ext, "extends", "found " + ext.describe(), "the path of a base scenario file"));
            return null;
        }
        Path baseLabel;
        try {
            baseLabel = Path.of(label).resolveSibling(ext.text());
        } catch (InvalidPathException e) {
            problems.add(Fields.at(ext, "extends", "'" + Printable.escape(ext.text()) + "' is not a file path ("
                    + Printable.escape(e.getReason()) + ")", "the path of a base scenario file"));
            return null;
        }
        Path baseAbsolute = baseLabel.toAbsolutePath().normalize();
        chain.add(absolute);
        if (chain.contains(baseAbsolute) || chain.size() > MAX_EXTENDS_DEPTH) {
            problems.add(Fields.at(ext, "extends", "'" + ext.text() + "' extends itself in a cycle",
                    "a chain of bases that ends"));
            return null;
        }
        List<Problem> baseProblems = new ArrayList<>();
        YamlNode base = resolve(baseAbsolute, baseProblems, chain, baseLabel.toString(), null, warnings, read);
        if (base == null && baseProblems.size() == 1 && baseProblems.get(0).line() == 0) {
            Problem p = baseProblems.get(0);
            problems.add(Fields.at(ext, "extends", "base '" + ext.text() + "': " + p.found(), p.expected()));
            return null;
        }
        problems.addAll(baseProblems);
        if (base == null) {
            // Without its base the file is incomplete: its sections would only cascade into "missing".
            return null;
        }
        merge(base, tree, "", ext.text(), warnings);
        return base;
    }

    /** Merges {@code over} into {@code base} in place; {@code path} is the key path of both. */
    private static void merge(YamlNode base, YamlNode over, String path, String baseFile, List<Problem> warnings) {
        for (Map.Entry<String, YamlNode> e : over.entries().entrySet()) {
            String key = e.getKey();
            YamlNode value = e.getValue();
            YamlNode old = base.get(key);
            String at = path.isEmpty() ? key : path + "." + key;
            if (old != null && old.isMapping() && value.isMapping()) {
                merge(old, value, at, baseFile, warnings);
            } else if (old != null && old.isSequence() && value.isSequence()
                    && allNamed(old) && allNamed(value)) {
                mergeNamed(old, value, at, baseFile, warnings);
            } else {
                if (old != null && old.isSequence() && value.isSequence() && allNamed(old)) {
                    warnings.add(Fields.at(value, at, "this list of " + value.items().size()
                            + " item(s), not all named, replaces the whole list of '" + baseFile + "' ("
                            + String.join(", ", itemNames(old)) + ")",
                            "a name on every item to change the base's items by name (docs/SCENARIO-FORMAT.md, "
                            + "extends:)"));
                }
                base.remove(key);
                base.put(over.keyNode(key), value);
            }
        }
    }

    private static boolean allNamed(YamlNode list) {
        for (YamlNode item : list.items()) {
            if (!item.isMapping() || item.get("name") == null || !item.get("name").isScalar()) {
                return false;
            }
        }
        return !list.items().isEmpty();
    }

    private static void mergeNamed(YamlNode base, YamlNode over, String path, String baseFile,
            List<Problem> warnings) {
        List<String> baseNames = itemNames(base);
        for (YamlNode item : over.items()) {
            String name = item.get("name").text();
            YamlNode match = null;
            for (YamlNode b : base.items()) {
                if (name != null && name.equals(b.get("name").text())) {
                    match = b;
                }
            }
            if (match != null) {
                merge(match, item, path + "[" + name + "]", baseFile, warnings);
            } else {
                warnings.add(Fields.at(item.get("name"), path + "[" + name + "]", "no item of '" + baseFile
                        + "' is named '" + name + "', so this one is added beside " + String.join(", ", baseNames),
                        "the name of a base item (" + String.join(", ", baseNames) + ") to change it; "
                        + "nothing to do if an extra item is meant"));
                base.add(item);
            }
        }
    }

    /**
     * Applies {@code key.path=value} overrides. The value is parsed as YAML (so a list or
     * mapping in flow style works too) and located as {@code --set:N:COL}, N counting the
     * overrides from 1. Paths must lead to an existing section; the last key may be new
     * (it is then checked like any key of the file).
     */
    public static void applySets(YamlNode root, List<String> sets, List<Problem> problems) {
        for (int n = 0; n < sets.size(); n++) {
            String set = sets.get(n);
            int eq = assignment(set);
            String label = "--set";
            if (eq <= 0) {
                problems.add(new Problem(label, n + 1, 1, "", "'" + set + "'", "key.path=value"));
                continue;
            }
            String pathText = set.substring(0, eq).trim();
            KeyPath path;
            try {
                path = KeyPath.parse(pathText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(label, n + 1, 1, pathText, e.getMessage(), "a key path such as pauses[0].duration"));
                continue;
            }
            String valueText = set.substring(eq + 1);
            YamlNode value;
            if (valueText.isBlank()) {
                value = YamlNode.scalar(null, false, label, n + 1, eq + 2);
            } else {
                int before = problems.size();
                value = YamlSource.parse(valueText, label, n, eq + 1, problems);
                if (value == null) {
                    if (problems.size() == before) {
                        problems.add(new Problem(label, n + 1, eq + 2, pathText, "value '" + valueText + "'",
                                "a YAML value"));
                    }
                    continue; // the value's own problem is reported; do not cascade
                }
            }
            Refusal refusal = put(root, path, value);
            if (refusal != null) {
                problems.add(new Problem(label, n + 1, 1, pathText, refusal.found(), refusal.expected()));
            }
        }
    }

    /**
     * Position of the '=' that ends the key path: the first outside brackets (an '=' inside
     * brackets selects items); with an unclosed bracket, the first '=' at all, so that the path's
     * own mistake is the one reported.
     */
    static int assignment(String set) {
        int depth = 0;
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return depth > 0 ? set.indexOf('=') : -1;
    }

    /** Why a key path does not fit the tree: what was found there and what was expected. */
    record Refusal(String found, String expected) {
    }

    /** Puts {@code value} at {@code path}; returns null, or why the path does not fit. */
    static Refusal put(YamlNode root, KeyPath path, YamlNode value) {
        return put(root, path.steps(), 0, value, new StringBuilder());
    }

    private static Refusal put(YamlNode at, List<KeyPath.Step> steps, int from, YamlNode value, StringBuilder walked) {
        for (int i = from; i < steps.size(); i++) {
            KeyPath.Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step.key() != null) {
                if (!at.isMapping()) {
                    return new Refusal("'" + walked + "' is " + at.describe() + ", not a mapping",
                            "a key path that follows the scenario's sections");
                }
                if (last) {
                    at.remove(step.key());
                    at.put(step.key(), value);
                    return null;
                }
                YamlNode next = at.get(step.key());
                if (next == null || next.isNull()) {
                    next = YamlNode.mapping(value.file(), value.line(), value.column());
                    at.remove(step.key());
                    at.put(step.key(), next);
                }
                at = next;
            } else {
                if (!at.isSequence()) {
                    return new Refusal("'" + walked + "' is " + at.describe() + ", not a list",
                            "a key path that follows the scenario's sections");
                }
                if (step.isSelector()) {
                    return putEach(at, step, steps, i, value, walked);
                }
                int index = indexOf(at, step);
                if (index < 0) {
                    return new Refusal("no item " + step + " in '" + walked + "' (it has " + at.items().size()
                            + " items" + names(at) + ")", suggestItem(at, step, walked.toString()));
                }
                if (last) {
                    at.set(index, value);
                    return null;
                }
                at = at.items().get(index);
            }
            walked.append(walked.length() > 0 && step.key() != null ? "." : "").append(step);
        }
        return null;
    }

    /** {@code [*]} or {@code [key=value]}: the rest of the path applied to every matching item. */
    private static Refusal putEach(YamlNode list, KeyPath.Step step, List<KeyPath.Step> steps, int i, YamlNode value,
            StringBuilder walked) {
        List<Integer> matching = new ArrayList<>();
        for (int k = 0; k < list.items().size(); k++) {
            if (step.selects(list.items().get(k))) {
                matching.add(k);
            }
        }
        if (matching.isEmpty()) {
            return new Refusal("no item of '" + walked + "' matches " + step + names(list),
                    "[*] or [key=value] where some item has that value written in the file (defaults are not matched)");
        }
        walked.append(step);
        for (int k : matching) {
            YamlNode each = value.copy();
            Refusal refusal;
            if (i == steps.size() - 1) {
                list.set(k, each);
                refusal = null;
            } else {
                refusal = put(list.items().get(k), steps, i + 1, each, new StringBuilder(walked));
            }
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static int indexOf(YamlNode list, KeyPath.Step step) {
        if (step.index() != null) {
            return step.index() < list.items().size() ? step.index() : -1;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            if (item.isMapping() && item.get("name") != null && step.itemName().equals(item.get("name").text())) {
                return i;
            }
        }
        return -1;
    }

    /** "did you mean 'pauses[pause]'?" when a name is close, else what brackets may hold. */
    private static String suggestItem(YamlNode list, KeyPath.Step step, String walked) {
        if (step.itemName() != null) {
            String hint = Suggest.nearest(step.itemName(), itemNames(list));
            if (hint != null) {
                return "did you mean '" + walked + "[" + hint + "]'?";
            }
        }
        return list.items().isEmpty() ? "a list that has items"
                : "an index from 0 to " + (list.items().size() - 1) + " or the name of an item";
    }

    private static String names(YamlNode list) {
        List<String> names = itemNames(list);
        return names.isEmpty() ? "" : ": " + String.join(", ", names);
    }

    private static List<String> itemNames(YamlNode list) {
        List<String> names = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (item.isMapping() && item.get("name") != null && item.get("name").text() != null) {
                names.add(item.get("name").text());
            }
        }
        return names;
    }
}
