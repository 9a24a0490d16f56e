package org.safepassage.scenario;

/**
 * Text from input files made safe to print on a terminal: control characters (C0, DEL, C1,
 * and the line and paragraph separators) are written as escapes ({@code \n}, {@code \t},
 * {@code \u001b}), so a name or value cannot move the cursor, recolour the screen or forge a
 * second message line.
 */
public final class Printable {

    private Printable() {
    }

    /** True when {@code c} is a character that {@link #escape} rewrites. */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }

    /** The index of the first control character in {@code s}, or -1 (also for null). */
    public static int firstControl(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} with every control character escaped; null stays null. */
    public static String escape(String s) {
        if (firstControl(s) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }
}
