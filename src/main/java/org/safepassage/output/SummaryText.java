package org.safepassage.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.safepassage.metrics.RunSummary;
import org.safepassage.scenario.Scenario;

/** The short, readable summary printed at the end of a run. */
public final class SummaryText {
    private SummaryText() {
    }

    public static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    public static void print(PrintWriter out, RunSummary s, Scenario scenario, long wallMillis) {
        out.printf(Locale.ROOT, "%s, seed %d: %s at %d-minute ticks, run in %.1f s%n", s.scenario(), s.seed(),
                scenario.clock().horizon().toString().substring(2).toLowerCase(Locale.ROOT),
                scenario.clock().tickMinutes(), wallMillis / 1000.0);
        row(out, "persons inside at start", s.initialPersons(), null);
        row(out, "left the enclave", s.evacuated(),
                String.format(Locale.ROOT, "%.2f %%", 100.0 * s.evacuatedFraction()));
        row(out, "  through corridors", s.evacuatedThroughCorridors(), null);
        row(out, "  across the front", s.leftAcrossFront(), null);
        row(out, "killed", s.killed(), null);
        row(out, "detained at crossings", s.detained(), null);
        row(out, "still inside", s.remaining(), null);
        row(out, "fighters who left", s.fightersEvacuated(), "of " + n(s.initialFighters()));
        row(out, "longest queue (persons)", s.peakQueue(), null);
        out.printf(Locale.ROOT, "  %-26s %10s%n", "hours a pause was open", String.format(Locale.ROOT, "%.1f",
                s.pauseOpenHours()));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, RunSummary.CorridorFigures> e : s.byCorridor().entrySet()) {
            if (e.getValue().evacuated() > 0 || e.getValue().fightersEvacuated() > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(n(e.getValue().evacuated() + e.getValue().fightersEvacuated()));
            }
        }
        if (b.length() > 0) {
            out.println("  by corridor: " + b);
        }
    }

    private static void row(PrintWriter out, String label, long value, String note) {
        out.printf(Locale.ROOT, "  %-26s %10s%s%n", label, n(value), note == null ? "" : "  (" + note + ")");
    }
}
