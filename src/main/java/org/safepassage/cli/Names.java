package org.safepassage.cli;

import java.util.Locale;

/** Turns names from scenario files into safe file and folder names. */
final class Names {
    private Names() {
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "scenario" : s;
    }
}
