package org.safepassage.api;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.TimeSeries;

/**
 * A run's time series: one row per tick, the columns of {@code timeseries.csv} (hours since the
 * start, persons by phase, per-corridor queues and evacuations, trust, decisions).
 */
public final class TimeSeriesTable {
    private final List<String> columns;
    private final List<double[]> rows;

    TimeSeriesTable(TimeSeries series) {
        this.columns = List.copyOf(series.columns());
        List<double[]> copy = new ArrayList<>(series.rows().size());
        for (double[] row : series.rows()) {
            copy.add(row.clone());
        }
        this.rows = List.copyOf(copy);
    }

    /** Column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of rows (ticks). */
    public int size() {
        return rows.size();
    }

    /** Row {@code i}, one value per column (a copy). */
    public double[] row(int i) {
        return rows.get(i).clone();
    }

    /** Every value of one column, in tick order. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + columns);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
