package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.safepassage.chart.MapSnapshots;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.StagedDirectory;
import org.safepassage.scenario.Scenario;

/**
 * What {@code run} leaves behind: timeseries.csv (and its long form), summary.json, the chart,
 * the maps asked for and manifest.json, in a folder that holds this run whole or not at all.
 */
public final class RunOutput {

    private RunOutput() {
    }

    /**
     * Writes every file into a hidden sibling folder, then puts it in place of {@code dir} in one
     * rename ({@link RunFolder#replace}): the folder is never mixed with an earlier run's files.
     *
     * @param manifest the manifest's fields; the names of the maps are added
     * @return the map pictures written
     */
    public static List<Path> write(Path dir, SingleRun.Result result, MapSnapshots snapshots, Map<String, Object> manifest,
            boolean longForm, boolean byteOrderMarks) throws IOException {
        List<Path> pictures;
        try (StagedDirectory staged = StagedDirectory.create(dir)) {
            Path stage = staged.path();
            RunWriter.writeTimeSeries(stage.resolve("timeseries.csv"), result.timeSeries());
            if (longForm) {
                RunWriter.writeTimeSeriesLong(stage.resolve("timeseries-long.csv"), result.timeSeries());
            }
            RunWriter.writeSummary(stage.resolve("summary.json"), result.summary());
            RunCharts.write(stage, result);
            pictures = snapshots.write(stage);
            if (!pictures.isEmpty()) {
                manifest.put("maps", pictures.stream().map(p -> p.getFileName().toString()).toList());
            }
            RunWriter.writeJson(stage.resolve("manifest.json"), manifest);
            if (byteOrderMarks) {
                AtomicFiles.addByteOrderMarks(stage);
            }
            RunFolder.replace(dir, staged);
        }
        return pictures;
    }

    /** The summary in the terminal and the files written. */
    public static void print(PrintWriter stdout, SingleRun.Result result, Scenario scenario, long wallMillis, Path dir,
            boolean longForm, List<Path> pictures) {
        SummaryText.print(stdout, result.summary(), scenario, wallMillis);
        stdout.println("wrote " + dir + "/ (timeseries.csv, " + (longForm ? "timeseries-long.csv, " : "")
                + "summary.json, manifest.json, evacuated.png, evacuated.svg"
                + pictures.stream().map(p -> ", " + p.getFileName()).reduce("", String::concat) + ")");
    }
}
