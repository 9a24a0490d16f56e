package org.safepassage.report;

import java.io.IOException;
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

/** A CSV file with a header row, read into memory (the small summary files of compare and sweep). */
record Table(List<String> header, List<Map<String, String>> rows) {

    static Table read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing " + file);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : header) {
                    row.put(h, r.isSet(h) ? r.get(h) : "");
                }
                rows.add(row);
            }
            return new Table(header, rows);
        }
    }

    static Table readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? read(file) : new Table(List.of(), List.of());
    }

    /** A cell as a number; NaN when empty or not a number. */
    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
