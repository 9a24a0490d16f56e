package org.safepassage.metrics;

import java.util.Locale;

/** Names from scenario, episode and study files, and key paths, turned into safe file names. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * Lower case, every run of characters other than a-z, 0-9, '.', '_' and '-' made one '-',
     * without leading or trailing dots and dashes: never {@code ..}, {@code .} or a hidden name,
     * never a path separator, so the name stays inside the folder it is put in.
     */
    public static String slug(String name, String fallback) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        return s.isEmpty() ? fallback : s;
    }

    /**
     * A key path as a file name part, only letters, digits and '-':
     * {@code corridors[Masakin Hanano].monitoring} -> {@code corridors-masakin-hanano-monitoring}.
     */
    public static String keyPath(String path) {
        String s = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "parameter" : s;
    }
}
