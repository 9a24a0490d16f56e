package org.safepassage.cli;

import org.safepassage.metrics.FileNames;

/** Turns names from scenario files into safe file and folder names. */
final class Names {
    private Names() {
    }

    static String slug(String name) {
        return FileNames.slug(name, "scenario");
    }
}
