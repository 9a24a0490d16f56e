package org.safepassage.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a run's timeseries.csv, summary.json and manifest.json, each atomically. */
public final class RunWriter {

    private RunWriter() {
    }

    /** JSON with stable key order and indentation, for files people read and diff. */
    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static void writeTimeSeries(Path file, TimeSeries series) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(CsvCells.row(series.columns()));
                for (double[] row : series.rows()) {
                    Object[] cells = new Object[row.length];
                    for (int i = 0; i < row.length; i++) {
                        cells[i] = number(row[i]);
                    }
                    csv.printRecord(CsvCells.row(cells));
                }
            }
        });
    }

    /** Integers without a decimal point; other numbers with up to 6 significant decimals; NaN as empty. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public static void writeSummary(Path file, RunSummary summary) throws IOException {
        writeJson(file, summary);
    }

    public static void writeJson(Path file, Object value) throws IOException {
        byte[] bytes = json().writeValueAsBytes(value);
        AtomicFiles.write(file, tmp -> java.nio.file.Files.write(tmp, bytes));
    }

    /** Column names of timeseries.csv, for documentation and tests. */
    public static List<String> columns(TimeSeries series) {
        return series.columns();
    }
}
