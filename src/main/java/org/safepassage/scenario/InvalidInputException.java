package org.safepassage.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input files have problems; carries every problem found, not only the first. */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
