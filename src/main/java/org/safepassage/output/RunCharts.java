package org.safepassage.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.chart.Charts;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.TimeSeries;

/** The chart of one run: evacuated.png and evacuated.svg. */
public final class RunCharts {
    private RunCharts() {
    }

    /** Cumulative persons out over time: all routes, each corridor, across the front; pauses shaded. */
    public static void write(Path dir, SingleRun.Result result) throws IOException {
        TimeSeries ts = result.timeSeries();
        double[] hours = ts.series("hours");
        List<Charts.Line> lines = new ArrayList<>();
        lines.add(new Charts.Line("all routes", hours, ts.series("evacuated")));
        for (String c : ts.corridorNames()) {
            double[] y = ts.series("evacuated[" + c + "]");
            if (y.length > 0 && y[y.length - 1] > 0) {
                lines.add(new Charts.Line(c, hours, y));
            }
        }
        double[] front = ts.series("leftAcrossFront");
        if (front.length > 0 && front[front.length - 1] > 0) {
            lines.add(new Charts.Line("across the front", hours, front));
        }
        Charts.lines(dir.resolve("evacuated"), result.scenario().meta().name() + ": persons out of the enclave, seed "
                + result.scenario().seed(), "hours from the start", "persons out (cumulative)", lines,
                windows(ts));
    }

    public static List<Charts.Window> windows(TimeSeries ts) {
        List<Charts.Window> out = new ArrayList<>();
        for (TimeSeries.OpenWindow w : ts.openWindows()) {
            out.add(new Charts.Window(w.startHours(), w.endHours(), out.isEmpty() ? "pause open" : ""));
        }
        return out;
    }
}
