package org.safepassage.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.advisor.Advisor;
import org.safepassage.advisor.Benchmark;
import org.safepassage.advisor.DesignOutput;
import org.safepassage.chart.Charts;
import org.safepassage.scenario.DesignSpec;

/**
 * The chart of {@code design}: the trade-off of the robust front, with the recommended design
 * marked and the planners' own designs ({@code compareWith:}) beside it, each as its own point.
 */
public final class DesignCharts {

    private DesignCharts() {
    }

    /**
     * Each front design's first objective (5th to 95th percentile bars) against its first objective
     * on another figure; each planner's design in the same states as its own point, marked when it
     * is outside the risk bounds.
     */
    public static void write(Path base, Advisor.Result r, List<Benchmark> planners) throws IOException {
        DesignSpec d = r.spec();
        DesignSpec.Objective y = d.objectives().get(0);
        // x: the first other objective on another figure (evacuated against killed, not against its own p10)
        int xi = -1;
        for (int o = 1; o < d.objectives().size() && xi < 0; o++) {
            if (!d.objectives().get(o).figure().equals(y.figure())) {
                xi = o;
            }
        }
        if (xi < 0 && d.objectives().size() > 1) {
            xi = 1;
        }
        int xIndex = xi;
        boolean hasX = xIndex > 0;
        List<Advisor.Scored> front = new ArrayList<>(r.front());
        front.sort((a, b) -> hasX ? Double.compare(a.objectives()[xIndex], b.objectives()[xIndex])
                : Double.compare(a.objectives()[0], b.objectives()[0]));
        List<Charts.XPoint> points = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            Advisor.Scored s = front.get(i);
            double[] sp = DesignOutput.spread(r, s.candidate(), y.figure(), s.replicates());
            double x = hasX ? s.objectives()[xIndex] : i;
            points.add(new Charts.XPoint("front of robust designs", x, s.objectives()[0], sp[0], sp[2]));
        }
        if (r.recommended() != null) {
            Advisor.Scored s = r.recommended();
            double[] sp = DesignOutput.spread(r, s.candidate(), y.figure(), s.replicates());
            // first: JFreeChart draws the first series last, on top of the front's point
            points.add(0, new Charts.XPoint("recommended", hasX ? s.objectives()[xIndex] : front.indexOf(s),
                    s.objectives()[0], sp[0], sp[2]));
        }
        if (hasX) {
            for (Benchmark b : planners) {
                points.add(new Charts.XPoint(b.name() + (b.feasible() ? "" : " (outside the bounds)"),
                        b.objectives()[xIndex], b.objectives()[0], b.spread()[0], b.spread()[2]));
            }
        }
        Charts.xyIntervals(base, (planners.isEmpty() || !hasX ? "Trade-off of the front: " : "Trade-off of the front and the planners' designs: ") + d.name(),
                hasX ? d.objectives().get(xIndex).figure() + " (" + d.objectives().get(xIndex).statistic() + ")"
                        : "front design (in order of " + y.figure() + ")",
                y.figure() + " (" + y.statistic() + "; bars 5th to 95th percentile)", points);
    }
}
