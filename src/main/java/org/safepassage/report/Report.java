package org.safepassage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safepassage.metrics.AtomicFiles;

/**
 * The planner's report: one self-contained report.html (inline CSS and SVG charts, nothing from
 * the network) written beside the outputs of {@code compare} or {@code sweep}, from those files
 * alone. All text that comes from scenario or study files is HTML-escaped.
 */
public final class Report {

    private Report() {
    }

    /** Reads scenarios.csv, summary.csv, paired.csv, timeseries-mean.csv, manifest.json and the charts of a compare folder. */
    public static Path writeCompare(Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        AtomicFiles.writeString(file, CompareReport.html(dir));
        return file;
    }

    /** Reads summary.csv, sensitivity.csv (if any), manifest.json and the charts of a sweep folder. */
    public static Path writeSweep(Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        AtomicFiles.writeString(file, SweepReport.html(dir));
        return file;
    }

    static JsonNode readManifest(Path dir) throws IOException {
        Path file = dir.resolve("manifest.json");
        return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    }
}
