package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.RunWriter;
import org.safepassage.validation.Calibration;
import org.safepassage.validation.CalibrationWriter;
import org.safepassage.validation.EpisodeResult;

/**
 * What {@code calibrate} (the Latin hypercube search) leaves behind: calibration.csv, best.yaml
 * and manifest.json, the progress lines while it searches, and the defaults, the best set and
 * its episodes printed in the terminal.
 */
public final class CalibrationOutput {

    private CalibrationOutput() {
    }

    /** One line per candidate scored, "[done/total, seconds] candidate", to {@code progress}. */
    public static Consumer<Calibration.Candidate> candidates(PrintWriter progress, int total, long startedMillis) {
        int[] done = {0};
        return c -> {
            done[0]++;
            progress.printf(Locale.ROOT, "[%d/%d, %.0f s] %s%n", done[0], total,
                    (System.currentTimeMillis() - startedMillis) / 1000.0, Calibration.describe(c));
            progress.flush();
        };
    }

    /** One line per candidate checked against the pattern gate, to {@code progress}. */
    public static Consumer<Calibration.Gated> gate(PrintWriter progress, long startedMillis) {
        return g -> {
            progress.printf(Locale.ROOT, "[gate, %.0f s] #%d score %.3f: %s (%s)%n",
                    (System.currentTimeMillis() - startedMillis) / 1000.0, g.candidate().index(),
                    g.candidate().score(), g.gate().passed() ? "passes" : "fails", g.gate().detail());
            progress.flush();
        };
    }

    /**
     * Writes calibration.csv, best.yaml and manifest.json into {@code out}: the manifest given
     * (the command, episodes and settings), with the scores, the best set, the gate and the wall
     * time added.
     */
    public static void write(Path out, Calibration.Outcome o, Map<String, Object> manifest, long startedMillis)
            throws IOException {
        CalibrationWriter.writeCandidates(out.resolve("calibration.csv"), o);
        AtomicFiles.writeString(out.resolve("best.yaml"), CalibrationWriter.bestYaml(o));
        manifest.put("scoreBefore", o.defaultsConfirmed().score());
        manifest.put("scoreAfter", o.best().score());
        manifest.put("best", Calibration.sets(o.space(), o.best().values()));
        manifest.put("bestCandidate", o.best().index());
        manifest.put("gate", o.gated().stream().map(g -> Map.of("candidate", g.candidate().index(), "score",
                g.candidate().score(), "passed", g.gate().passed(), "detail", g.gate().detail())).toList());
        manifest.put("wallSeconds", (System.currentTimeMillis() - startedMillis) / 1000.0);
        RunWriter.writeJson(out.resolve("manifest.json"), manifest);
    }

    /** The defaults' and the best set's scores, the best set's episodes and its YAML, and where it went. */
    public static void print(PrintWriter stdout, Calibration.Outcome o, Path out, long startedMillis) {
        stdout.printf(Locale.ROOT, "defaults:  %s%n", Calibration.describe(o.defaultsConfirmed()));
        stdout.printf(Locale.ROOT, "best:      %s%n", Calibration.describe(o.best()));
        if (!o.gated().isEmpty() && o.gated().stream().noneMatch(g -> g.gate().passed())) {
            stdout.println("warning: no candidate checked passed the pattern gate; best is the lowest confirmed score");
        }
        for (EpisodeResult r : o.best().results()) {
            ValidationOutput.print(stdout, r);
        }
        stdout.print(CalibrationWriter.bestYaml(o));
        stdout.printf(Locale.ROOT, "wrote %s/ (calibration.csv, best.yaml, manifest.json) in %.0f s%n", out,
                (System.currentTimeMillis() - startedMillis) / 1000.0);
    }
}
