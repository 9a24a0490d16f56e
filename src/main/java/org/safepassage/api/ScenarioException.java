package org.safepassage.api;

import java.util.List;

/**
 * A scenario that cannot be loaded: each problem is one line in the form {@code safepassage check}
 * prints ({@code FILE:LINE:COL: error: KEY.PATH: found; expected}).
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one message each, in reading order. */
    public List<String> problems() {
        return problems;
    }
}
