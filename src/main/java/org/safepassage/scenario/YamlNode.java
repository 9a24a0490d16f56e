package org.safepassage.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written (file, line, column), so that the merged
 * tree of a scenario and its {@code extends} bases still reports each problem in its own file.
 * Mutable only while the loader builds and merges trees.
 */
public final class YamlNode {

    /** Node kinds: YAML's three. */
    public enum Kind { SCALAR, SEQUENCE, MAPPING }

    private final Kind kind;
    private final String scalar;
    private final boolean quoted;
    private final List<YamlNode> items;
    private final Map<String, YamlNode> entries;
    private final Map<String, YamlNode> keyNodes;
    private final String file;
    private final int line;
    private final int column;

    private YamlNode(Kind kind, String scalar, boolean quoted, String file, int line, int column) {
        this.kind = kind;
        this.scalar = scalar;
        this.quoted = quoted;
        this.items = kind == Kind.SEQUENCE ? new ArrayList<>() : List.of();
        this.entries = kind == Kind.MAPPING ? new LinkedHashMap<>() : Map.of();
        this.keyNodes = kind == Kind.MAPPING ? new LinkedHashMap<>() : Map.of();
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public static YamlNode scalar(String value, boolean quoted, String file, int line, int column) {
        return new YamlNode(Kind.SCALAR, value, quoted, file, line, column);
    }

    public static YamlNode sequence(String file, int line, int column) {
        return new YamlNode(Kind.SEQUENCE, null, false, file, line, column);
    }

    public static YamlNode mapping(String file, int line, int column) {
        return new YamlNode(Kind.MAPPING, null, false, file, line, column);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** The scalar's text; null for YAML null ({@code ~}, {@code null} or empty, unquoted). */
    public String text() {
        return scalar;
    }

    public boolean quoted() {
        return quoted;
    }

    public boolean isNull() {
        return kind == Kind.SCALAR && scalar == null;
    }

    public List<YamlNode> items() {
        return items;
    }

    public Map<String, YamlNode> entries() {
        return entries;
    }

    public YamlNode get(String key) {
        return entries.get(key);
    }

    /** The node of the key itself (for reporting unknown keys where the key is written). */
    public YamlNode keyNode(String key) {
        return keyNodes.get(key);
    }

    public void put(YamlNode key, YamlNode value) {
        entries.put(key.text(), value);
        keyNodes.put(key.text(), key);
    }

    public void put(String key, YamlNode value) {
        entries.put(key, value);
        keyNodes.putIfAbsent(key, value);
    }

    public YamlNode remove(String key) {
        keyNodes.remove(key);
        return entries.remove(key);
    }

    public void add(YamlNode item) {
        items.add(item);
    }

    public void set(int index, YamlNode item) {
        items.set(index, item);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** A deep copy, keeping positions. */
    public YamlNode copy() {
        YamlNode c = new YamlNode(kind, scalar, quoted, file, line, column);
        for (YamlNode item : items) {
            c.items.add(item.copy());
        }
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            c.entries.put(e.getKey(), e.getValue().copy());
            c.keyNodes.put(e.getKey(), keyNodes.get(e.getKey()));
        }
        return c;
    }

    /**
     * Plain Java view: maps, lists and strings (numbers and booleans stay as written),
     * for the manifest's effective parameters.
     */
    public Object toPlain() {
        switch (kind) {
            case SCALAR:
                return scalar;
            case SEQUENCE: {
                List<Object> list = new ArrayList<>();
                for (YamlNode item : items) {
                    list.add(item.toPlain());
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
                    map.put(e.getKey(), e.getValue().toPlain());
                }
                return map;
            }
        }
    }

    /** A short description of what this node is, for "found ..." messages. */
    public String describe() {
        switch (kind) {
            case SCALAR:
                return scalar == null ? "nothing (null)" : "'" + abbreviate(scalar) + "'";
            case SEQUENCE:
                return "a list";
            default:
                return "a mapping";
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
