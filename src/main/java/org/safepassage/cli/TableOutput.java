package org.safepassage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A command's table on standard output for scripts ({@code --format csv|json}): the CSV file the
 * command wrote, as it is or as a JSON array of objects (numbers as numbers, empty cells as null).
 */
final class TableOutput {

    /** How a command prints its table. */
    enum Format {
        text, csv, json
    }

    private TableOutput() {
    }

    static void print(PrintWriter out, Path csvFile, Format format) throws IOException {
        if (format == Format.csv) {
            out.print(Files.readString(csvFile, StandardCharsets.UTF_8).replace("\uFEFF", ""));
            out.flush();
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> names = p.getHeaderNames();
            for (CSVRecord rec : p) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String n : names) {
                    row.put(n, value(rec.get(n)));
                }
                rows.add(row);
            }
        }
        // the columns in the file's order
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        out.flush();
    }

    /** A cell as JSON: a whole number, a decimal, null for an empty cell, else the text. */
    static Object value(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            // not a whole number
        }
        if (cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(cell);
        }
        return cell;
    }
}
