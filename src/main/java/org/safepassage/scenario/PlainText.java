package org.safepassage.scenario;

import java.util.List;
import java.util.Map;

/**
 * Names and study values end up in file names, CSV cells, column headers and terminal lines,
 * so they must be plain one-line text: a control character (newline, tab, escape, NUL, ...;
 * see {@link Printable}) in one is refused where it is written, instead of breaking a file
 * that a later step (or {@code --resume}) must read back.
 */
final class PlainText {

    private PlainText() {
    }

    /** Reports {@code node} when it is a scalar holding a control character; true when it does. */
    static boolean refuseControl(YamlNode node, String keyPath, String what, List<Problem> problems) {
        if (node == null || !node.isScalar()) {
            return false;
        }
        int at = Printable.firstControl(node.text());
        if (at < 0) {
            return false;
        }
        String c = Printable.escape(node.text().substring(at, at + 1));
        problems.add(Fields.at(node, keyPath, "'" + Printable.escape(node.text()) + "' holds a control character ("
                + c + ")", what + " without control characters (newline, tab, escape, NUL, ...)"));
        return true;
    }

    /** Every {@code name:} in the tree (meta, pauses, corridors, neighbourhoods, ...) must be plain text. */
    static void checkNames(YamlNode tree, List<Problem> problems) {
        walk(tree, "", problems);
    }

    private static void walk(YamlNode node, String path, List<Problem> problems) {
        if (node == null) {
            return;
        }
        if (node.isMapping()) {
            for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
                String child = Fields.join(path, e.getKey());
                if ("name".equals(e.getKey())) {
                    refuseControl(e.getValue(), child, "a name", problems);
                } else {
                    walk(e.getValue(), child, problems);
                }
            }
        } else if (node.isSequence()) {
            for (int i = 0; i < node.items().size(); i++) {
                walk(node.items().get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
