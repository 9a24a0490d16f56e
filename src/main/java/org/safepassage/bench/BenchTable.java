package org.safepassage.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The table {@code bench} prints in the terminal, one line per row of bench.csv. */
public final class BenchTable {

    private BenchTable() {
    }

    /** One line per bench row: sizes, threads, runs, times and throughput. */
    public static void print(PrintWriter out, List<Bench.Row> rows) {
        out.printf(Locale.ROOT, "%-6s %-9s %-32s %10s %9s %9s %5s %3s %4s %9s %19s %11s %8s %9s %11s %5s%n", "kind",
                "model", "scenario", "persons", "househ.", "cells", "ticks", "thr", "runs", "median s", "min-max s",
                "M hh-step/s", "runs/s", "CPU s/run", "M hh-st/CPUs", "load");
        for (Bench.Row r : rows) {
            out.printf(Locale.ROOT,
                    "%-6s %-9s %-32s %,10d %,9d %,9d %5d %3d %4d %9.3f %9.3f-%-9.3f %11.2f %8s %9.3f %11.2f %5.1f%n",
                    r.kind(), r.model(), r.scenario(), r.persons(), r.households(), r.gridCells(), r.ticks(),
                    r.threads(), r.runs(), r.wallSeconds().median(), r.wallSecondsMin(), r.wallSecondsMax(),
                    r.householdStepsPerSecond() / 1e6,
                    Double.isNaN(r.runsPerSecond()) ? "" : String.format(Locale.ROOT, "%.2f", r.runsPerSecond()),
                    r.cpuSecondsPerRunMedian(), r.householdStepsPerCpuSecond() / 1e6, r.loadAverage());
        }
    }
}
