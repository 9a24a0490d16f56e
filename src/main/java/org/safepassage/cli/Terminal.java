package org.safepassage.cli;

import java.io.Console;

/**
 * Whether the error stream is a terminal, so that progress is drawn as a bar redrawn in place
 * ({@code \r} frames) only there, and as short lines in logs, pipes and batch-job files.
 */
final class Terminal {
    /** Set by the {@code safepassage} launcher from {@code [ -t 2 ]} (isatty of the error stream). */
    static final String PROPERTY = "safepassage.terminal";

    private Terminal() {
    }

    /** True when the launcher says stderr is a terminal; without the launcher, when there is a console. */
    static boolean stderr() {
        String told = System.getProperty(PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22 and later give a console even when redirected and say through isTerminal()
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only on a terminal
        }
    }
}
