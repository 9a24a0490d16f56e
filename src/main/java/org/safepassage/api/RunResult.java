package org.safepassage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safepassage.metrics.RunSummary;
import org.safepassage.metrics.SingleRun;

/** What one run produced: its summary figures and its time series. */
public final class RunResult {
    private final RunSummary summary;
    private final TimeSeriesTable timeSeries;

    RunResult(SingleRun.Result result) {
        this.summary = result.summary();
        this.timeSeries = new TimeSeriesTable(result.timeSeries());
    }

    /** The scenario's name. */
    public String scenario() {
        return summary.scenario();
    }

    /** The seed the run used. */
    public long seed() {
        return summary.seed();
    }

    /**
     * The headline figures by name, as the columns of {@code runs.csv} (persons unless the name says
     * otherwise: {@code evacuated}, {@code killed}, {@code remaining}, {@code peakQueue},
     * {@code evacuatedFraction}, {@code timeToHalfHours}, {@code pauseOpenHours}, ...).
     */
    public Map<String, Double> summary() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(summary.figures()));
    }

    /** Per corridor: its kind and persons evacuated, detained, fighters evacuated, longest queue, clashes. */
    public Map<String, Map<String, Object>> byCorridor() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        summary.byCorridor().forEach((name, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", c.kind());
            row.put("evacuated", c.evacuated());
            row.put("detained", c.detained());
            row.put("fightersEvacuated", c.fightersEvacuated());
            row.put("peakQueue", c.peakQueue());
            row.put("clashes", c.clashes());
            m.put(name, Collections.unmodifiableMap(row));
        });
        return Collections.unmodifiableMap(m);
    }

    /** The run's time series, one row per tick (the columns of timeseries.csv). */
    public TimeSeriesTable timeSeries() {
        return timeSeries;
    }
}
