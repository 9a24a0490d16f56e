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

    /**
     * The time series in long (tidy) form: one row per tick and series, columns {@code tick},
     * {@code hours}, {@code series}, {@code corridor} (empty for district-wide series) and
     * {@code value}; {@code evacuated[West gate]} of the wide file becomes series
     * {@code evacuated}, corridor {@code West gate}. Read in R with
     * {@code read.csv(f, na.strings = "")}, in pandas with {@code read_csv(f)}.
     */
    public static void writeTimeSeriesLong(Path file, TimeSeries series) throws IOException {
        List<String> columns = series.columns();
        int tick = columns.indexOf("tick");
        int hours = columns.indexOf("hours");
        String[] name = new String[columns.size()];
        String[] corridor = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String col = columns.get(c);
            int open = col.indexOf('[');
            boolean perCorridor = open > 0 && col.endsWith("]");
            name[c] = perCorridor ? col.substring(0, open) : col;
            corridor[c] = perCorridor ? col.substring(open + 1, col.length() - 1) : "";
        }
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord("tick", "hours", "series", "corridor", "value");
                for (double[] row : series.rows()) {
                    for (int c = 0; c < row.length; c++) {
                        if (c != tick && c != hours) {
                            csv.printRecord(number(row[tick]), number(row[hours]), name[c], corridor[c], number(row[c]));
                        }
                    }
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
