package org.safepassage.cli;

/** Exit codes of every command (docs/ARCHITECTURE.md; README, "Options every command shares"). */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** An environment fault: a file that cannot be written, an internal error; path and cause on stderr. */
    public static final int FAILED = 1;
    /** Bad input: FILE:LINE:COL, what was found and what was expected on stderr; nothing written. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
