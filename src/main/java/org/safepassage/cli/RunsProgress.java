package org.safepassage.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.safepassage.advisor.DesignSession;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress over many runs on the command's error stream (done/total, runs per second, time left):
 * a bar redrawn in place on a terminal, a short line every {@value #LINE_EVERY_PERCENT} % otherwise
 * (redirected stderr, batch-job logs), so that logs hold lines and not one endless line of frames.
 */
final class RunsProgress implements AutoCloseable {
    private static final int WIDTH = 100;
    /** In a log, one line each time this many more percent of the runs are done. */
    static final int LINE_EVERY_PERCENT = 5;
    private final ProgressBar bar;
    private final PrintWriter err;
    private final String task;
    private long total;
    private final long alreadyDone;
    private final boolean lines;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastLineStep = -1;

    /** A bar, or nothing at all when {@code quiet}. */
    RunsProgress(PrintWriter err, boolean quiet, String task, long total) {
        this(err, quiet, task, total, 0);
    }

    /** A bar that starts at {@code alreadyDone} (a resumed sweep); its speed counts only the runs after. */
    RunsProgress(PrintWriter err, boolean quiet, String task, long total, long alreadyDone) {
        this(err, quiet, Terminal.stderr(), task, total, alreadyDone);
    }

    /** As above, with the kind of stream said: {@code terminal} draws a bar, otherwise lines. */
    RunsProgress(PrintWriter err, boolean quiet, boolean terminal, String task, long total, long alreadyDone) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.done = alreadyDone;
        this.lines = !quiet && !terminal;
        this.bar = quiet || !terminal ? null : new ProgressBarBuilder()
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
        if (lines) {
            line();
        }
    }

    /** One more run done (thread-safe). */
    void step() {
        synchronized (this) {
            done++;
            if (done > total) {
                total(done); // an estimate fell short: never past 100 %
            }
        }
        if (bar != null) {
            bar.step();
        } else if (lines) {
            synchronized (this) {
                line();
            }
        }
    }

    /** Runs done so far, including those done before a resume (thread-safe). */
    synchronized long done() {
        return done;
    }

    /**
     * A new total when the work ahead is better known (a search learns how many designs race on);
     * never below the runs already done (thread-safe).
     */
    synchronized void total(long newTotal) {
        total = Math.max(newTotal, done);
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    /** Done runs so far (thread-safe). */
    /** This bar as the design session's progress (one step per run, totals said again). */
    DesignSession.Progress asDesignProgress() {
        return new DesignSession.Progress() {
            @Override
            public void step() {
                RunsProgress.this.step();
            }

            @Override
            public void total(long runs) {
                RunsProgress.this.total(runs);
            }

            @Override
            public long done() {
                return RunsProgress.this.done();
            }
        };
    }

    void stepTo(long doneNow) {
        synchronized (this) {
            done = doneNow;
            if (done > total) {
                total(done);
            }
        }
        if (bar != null) {
            bar.stepTo(doneNow);
        } else if (lines) {
            synchronized (this) {
                line();
            }
        }
    }

    /** Prints a line when the done share has reached the next multiple of {@value #LINE_EVERY_PERCENT} %. */
    private void line() {
        long step = total == 0 ? 100 / LINE_EVERY_PERCENT : done * 100 / total / LINE_EVERY_PERCENT;
        if (step == lastLineStep) {
            return;
        }
        lastLineStep = step;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long ranHere = done - alreadyDone;
        StringBuilder b = new StringBuilder(task).append(": ").append(done).append('/').append(total)
                .append(" runs (").append(total == 0 ? 100 : done * 100 / total).append(" %)");
        if (ranHere > 0 && seconds > 0) {
            double perSecond = ranHere / seconds;
            b.append(String.format(java.util.Locale.ROOT, ", %.2f runs/s", perSecond));
            if (done < total) {
                b.append(", about ").append(words((long) Math.ceil((total - done) / perSecond)))
                        .append(" left");
            }
        }
        synchronized (err) {
            err.println(b);
            err.flush();
        }
    }

    /** A time left in words: "40 s", "12 min", "3 h 05 min". */
    static String words(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds + 59) / 60 + " min";
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
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
