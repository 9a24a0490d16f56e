package org.safepassage.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;

/**
 * The points of an external design ({@code sweep --design points.csv}): a CSV file whose header
 * names key paths (as for {@code --set}) and whose every row is one design point, values as
 * scenario text (numbers, durations such as PT24H, words). A byte-order mark is allowed.
 *
 * @param file the file read
 * @param paths the key paths, in column order
 * @param rows one list of values per point, parallel to {@code paths}
 * @param lines the line of each row in the file
 */
public record DesignFile(Path file, List<String> paths, List<List<String>> rows, List<Integer> lines) {

    /** Most points a design file may list. */
    public static final int MAX_POINTS = 1_000_000;

    public DesignFile {
        paths = List.copyOf(paths);
        rows = rows.stream().map(List::copyOf).toList();
        lines = List.copyOf(lines);
    }

    /**
     * Checks every value against the base scenario, as a study's listed values are checked: one
     * load of the base per distinct value of each column; problems at the value's first cell.
     */
    public void checkAgainst(Path base) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        for (int c = 0; c < paths.size(); c++) {
            Set<String> tried = new HashSet<>();
            for (int r = 0; r < rows.size(); r++) {
                String value = rows.get(r).get(c);
                if (!tried.add(value)) {
                    continue;
                }
                try {
                    ScenarioLoader.load(base, List.of(paths.get(c) + "=" + value));
                } catch (InvalidInputException e) {
                    Problem first = e.problems().get(0);
                    problems.add(new Problem(file.toString(), lines.get(r), c + 1, paths.get(c),
                            "value '" + value + "': " + first.found(), first.expected()));
                    if (first.found().startsWith("unknown key")) {
                        break; // the key path itself does not fit the base: once is enough
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Reads and checks the file; every problem as FILE:LINE:COL. */
    public static DesignFile read(Path file) throws InvalidInputException {
        String label = file.toString();
        List<Problem> problems = new ArrayList<>();
        List<String> paths;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).build().parse(r)) {
            paths = new ArrayList<>(p.getHeaderNames());
            if (!paths.isEmpty()) {
                paths.set(0, paths.get(0).replace("\uFEFF", ""));
            }
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < paths.size(); c++) {
                String path = paths.get(c);
                if (path.isBlank() || !seen.add(path)) {
                    problems.add(new Problem(label, 1, c + 1, path, path.isBlank() ? "an empty column name"
                            : "'" + path + "' a second time", "one key path per column, each once"));
                }
            }
            for (CSVRecord rec : p) {
                int line = (int) rec.getParser().getCurrentLineNumber();
                if (rec.size() != paths.size()) {
                    problems.add(new Problem(label, line, 1, "", rec.size() + " value(s)",
                            paths.size() + " values, one per column of the header"));
                    continue;
                }
                List<String> row = new ArrayList<>(rec.size());
                for (int c = 0; c < rec.size(); c++) {
                    if (rec.get(c).isEmpty()) {
                        problems.add(new Problem(label, line, c + 1, paths.get(c), "an empty value",
                                "a value for every key path"));
                    }
                    row.add(rec.get(c));
                }
                rows.add(row);
                lines.add(line);
                if (rows.size() > MAX_POINTS) {
                    problems.add(new Problem(label, line, 1, "", "more than " + MAX_POINTS + " points",
                            "at most " + MAX_POINTS));
                    break;
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(List.of(new Problem(label, 0, 0, "", "file not found",
                    "an existing CSV file of design points")));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(List.of(new Problem(label, 0, 0, "", "cannot read it as CSV ("
                    + e.getMessage() + ")", "a CSV file with a header of key paths and one row per point")));
        }
        if (paths.isEmpty() || paths.size() == 1 && paths.get(0).isBlank()) {
            problems.add(new Problem(label, 1, 1, "", "no header", "a header of key paths, e.g. pauses[0].duration"));
        } else if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(label, 2, 1, "", "no points", "one row per design point"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DesignFile(file, paths, rows, lines);
    }
}
