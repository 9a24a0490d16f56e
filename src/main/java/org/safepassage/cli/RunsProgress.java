package org.safepassage.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over many runs on the command's error stream (done/total, runs per second, time left). */
final class RunsProgress implements AutoCloseable {
    private static final int WIDTH = 100;
    private final ProgressBar bar;
    private final PrintWriter err;

    /** A bar, or nothing at all when {@code quiet}. */
    RunsProgress(PrintWriter err, boolean quiet, String task, long total) {
        this(err, quiet, task, total, 0);
    }

    /** A bar that starts at {@code alreadyDone} (a resumed sweep); its speed counts only the runs after. */
    RunsProgress(PrintWriter err, boolean quiet, String task, long total, long alreadyDone) {
        this.err = err;
        this.bar = quiet ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(total)
                .startsFrom(alreadyDone, Duration.ZERO)
                .setUnit(" runs", 1)
                .showSpeed(new DecimalFormat("0.00"))
                .setUpdateIntervalMillis(1000)
                .setMaxRenderedLength(WIDTH)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    synchronized (err) {
                        err.print("\r" + line);
                        err.flush();
                    }
                }, WIDTH))
                .build();
    }

    /** One more run done (thread-safe). */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** Done runs so far (thread-safe). */
    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
