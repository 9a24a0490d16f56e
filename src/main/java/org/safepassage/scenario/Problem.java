package org.safepassage.scenario;

/**
 * One mistake in an input file, located precisely.
 *
 * @param file the file (or {@code --set}) where it is
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param keyPath the key path in the scenario, e.g. {@code corridors[0].widthMetres}
 * @param found what was found
 * @param expected what was expected
 */
public record Problem(String file, int line, int column, String keyPath, String found, String expected) {

    /**
     * {@code FILE:LINE:COL: error: KEY.PATH: found; expected}, on one line: control characters
     * from the input are escaped ({@link Printable}).
     */
    public String format() {
        return Printable.escape(raw("error"));
    }

    /** {@code FILE:LINE:COL: warning: KEY.PATH: found; expected}, for what is allowed but likely not meant. */
    public String formatWarning() {
        return Printable.escape(raw("warning"));
    }

    private String raw(String severity) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ").append(severity).append(": ");
        if (!keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        b.append(found);
        if (!expected.isEmpty()) {
            b.append("; ").append(expected);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
