package org.safepassage.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a YAML file into a {@link YamlNode} tree, safely: SnakeYAML only composes nodes (no
 * object is ever constructed from the file), files over {@link #MAX_FILE_BYTES} are refused,
 * aliases are limited and the expanded tree is capped at {@link #MAX_NODES} nodes, so alias
 * bombs fail with a message instead of eating memory. Duplicate keys and explicit tags are errors.
 */
public final class YamlSource {

    /** Largest scenario or study file accepted. */
    public static final long MAX_FILE_BYTES = 1L << 20;
    /** Largest number of nodes a file may expand to (after aliases). */
    public static final int MAX_NODES = 100_000;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 50;
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed:";

    private YamlSource() {
    }

    /** Reads and parses a file; problems go to {@code problems}, null is returned on failure. */
    public static YamlNode read(Path file, List<Problem> problems) {
        String label = file.toString();
        String text;
        try {
            byte[] bytes = readRegular(file, MAX_FILE_BYTES);
            if (bytes == null) {
                problems.add(new Problem(label, 0, 0, "", "not a regular file (a device, pipe or folder)",
                        "a YAML file"));
                return null;
            }
            if (bytes.length > MAX_FILE_BYTES) {
                problems.add(new Problem(label, 0, 0, "", "file is " + Math.max(bytes.length, Files.size(file)) + " bytes",
                        "at most " + MAX_FILE_BYTES + " bytes"));
                return null;
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            problems.add(new Problem(label, 0, 0, "", "file not found", "an existing YAML file"));
            return null;
        } catch (CharacterCodingException e) {
            problems.add(new Problem(label, 0, 0, "", "file is not valid UTF-8 text", "a UTF-8 YAML file"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(label, 0, 0, "", "cannot read file (" + e.getMessage() + ")",
                    "a readable YAML file"));
            return null;
        }
        return parse(text, label, 0, 0, problems);
    }

    /**
     * The bytes of {@code file}, at most {@code limit + 1} of them (so a caller sees that it is
     * too long without reading it all, even if it grows while read); null when it is not a
     * regular file: devices such as /dev/zero, pipes (which would block) and folders are never opened.
     */
    public static byte[] readRegular(Path file, long limit) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
    }

    /**
     * Parses YAML text. {@code lineOffset} and {@code columnOffset} shift the reported positions
     * (used for {@code --set} values, which are parsed from a command-line argument).
     */
    public static YamlNode parse(String text, String label, int lineOffset, int columnOffset,
            List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            int line = mark == null ? 0 : mark.getLine() + 1 + lineOffset;
            int column = mark == null ? 0 : mark.getColumn() + 1 + columnOffset;
            if (what != null && what.startsWith(GLOBAL_TAG_REFUSED)) {
                // SnakeYAML's tag inspector: a type tag such as !!java.net.URL; nothing is created.
                String tag = what.substring(GLOBAL_TAG_REFUSED.length()).trim();
                problems.add(new Problem(label, line, column, "", "YAML tag '" + tag
                        + "' refused (no types are created from input)", "plain values without tags"));
            } else {
                problems.add(new Problem(label, line, column, "", "YAML syntax: " + oneLine(what), "well-formed YAML"));
            }
            return null;
        } catch (YAMLException e) {
            String what = oneLine(e.getMessage());
            String expected = what.contains("Nesting Depth") ? "at most " + MAX_NESTING + " levels of nesting"
                    : what.contains("aliases") ? "plain YAML without alias bombs" : "plain YAML of ordinary size";
            problems.add(new Problem(label, 0, 0, "", "YAML refused: " + what, expected));
            return null;
        }
        if (root == null) {
            problems.add(new Problem(label, 1, 1, "", "the file is empty", "a YAML mapping"));
            return null;
        }
        Converter converter = new Converter(label, lineOffset, columnOffset, problems);
        YamlNode tree = converter.convert(root);
        return converter.failed ? null : tree;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Turns SnakeYAML's composed nodes into located {@link YamlNode}s. */
    private static final class Converter {
        private final String label;
        private final int lineOffset;
        private final int columnOffset;
        private final List<Problem> problems;
        private int nodes;
        private boolean failed;

        Converter(String label, int lineOffset, int columnOffset, List<Problem> problems) {
            this.label = label;
            this.lineOffset = lineOffset;
            this.columnOffset = columnOffset;
            this.problems = problems;
        }

        YamlNode convert(Node node) {
            if (failed) {
                return null;
            }
            if (++nodes > MAX_NODES) {
                failed = true;
                problems.add(new Problem(label, 0, 0, "", "the file expands to more than " + MAX_NODES
                        + " nodes (aliases?)", "a scenario of ordinary size"));
                return null;
            }
            int line = node.getStartMark().getLine() + 1 + lineOffset;
            int column = node.getStartMark().getColumn() + 1 + columnOffset;
            Tag tag = node.getTag();
            if (!tag.getValue().startsWith(STANDARD_TAG_PREFIX)) {
                problems.add(new Problem(label, line, column, "", "YAML tag '" + tag.getValue() + "'",
                        "plain values without tags"));
                failed = true;
                return null;
            }
            if (node instanceof ScalarNode scalar) {
                boolean plain = scalar.isPlain();
                boolean isNull = plain && Tag.NULL.equals(tag);
                return YamlNode.scalar(isNull ? null : scalar.getValue(), !plain, label, line, column);
            }
            if (node instanceof SequenceNode sequence) {
                YamlNode out = YamlNode.sequence(label, line, column);
                for (Node item : sequence.getValue()) {
                    YamlNode converted = convert(item);
                    if (converted != null) {
                        out.add(converted);
                    }
                }
                return out;
            }
            MappingNode mapping = (MappingNode) node;
            YamlNode out = YamlNode.mapping(label, line, column);
            Set<String> seen = new HashSet<>();
            List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
            for (NodeTuple tuple : tuples) {
                YamlNode key = convert(tuple.getKeyNode());
                if (key == null) {
                    return null;
                }
                if (!key.isScalar() || key.text() == null) {
                    problems.add(new Problem(label, key.line(), key.column(), "", "a key that is "
                            + key.describe(), "a plain name as key"));
                    continue;
                }
                if (Printable.firstControl(key.text()) >= 0) {
                    problems.add(new Problem(label, key.line(), key.column(), "", "key '" + Printable.escape(key.text())
                            + "' holds a control character", "a plain name as key"));
                    continue;
                }
                if (!seen.add(key.text())) {
                    problems.add(new Problem(label, key.line(), key.column(), "",
                            "duplicate key '" + key.text() + "'", "each key once"));
                    continue;
                }
                YamlNode value = convert(tuple.getValueNode());
                if (value == null) {
                    return null;
                }
                out.put(key, value);
            }
            return out;
        }
    }
}
