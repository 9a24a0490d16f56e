package org.safepassage.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet would run as a formula are neutralised as OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection): a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in
 * front ({@code =cmd|' /C calc'!A0} is written {@code '=cmd|' /C calc'!A0}), so a spreadsheet
 * shows it as text. Numbers are never changed ({@code -1.5}, {@code 1e-3}, {@code -Infinity}
 * stay as they are), nor is any other cell. Every CSV writer passes its cells through here.
 */
public final class CsvCells {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");

    private CsvCells() {
    }

    /** The cell as written: numbers and ordinary text unchanged, formula-like text quoted. */
    public static Object cell(Object value) {
        if (!(value instanceof CharSequence text) || text.isEmpty()) {
            return value;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(text).matches() ? "'" + text : value;
    }

    /** The text a cell holds as written by {@link #cell}. */
    public static String text(String value) {
        return String.valueOf(cell(value));
    }

    /** Each cell through {@link #cell}. */
    public static Object[] row(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = cell(values[i]);
        }
        return out;
    }

    /** Each cell through {@link #cell}. */
    public static List<Object> row(Iterable<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            out.add(cell(v));
        }
        return out;
    }
}
