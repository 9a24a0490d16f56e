package org.safepassage.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options several commands share, as picocli mixins ({@code @Mixin SharedOptions.Quiet quiet;}),
 * so that each is spelt, described and parsed the same way in every command.
 */
final class SharedOptions {

    private SharedOptions() {
    }

    /** {@code -q/--quiet}. */
    static final class Quiet {
        @Option(names = {"-q", "--quiet"},
                description = "Print nothing but errors (validate: and its verdict; no table, no progress).")
        private boolean quiet;

        boolean on() {
            return quiet;
        }

        /** {@code w}, or a writer that drops everything when quiet. */
        PrintWriter or(PrintWriter w) {
            return quiet ? new PrintWriter(Writer.nullWriter()) : w;
        }
    }

    /** {@code --out DIR}; each command has its own default folder. */
    static final class Out {
        @Option(names = "--out", paramLabel = "DIR",
                description = "Output folder (default: results/<scenario name>/seed-<N>/ for run, "
                        + "results/<study name>/ for sweep and merge, results/compare/, results/validation/, "
                        + "results/calibration/, results/design/, results/bench/).")
        private Path dir;

        /** The folder given, or null. */
        Path given() {
            return dir;
        }

        /** The folder given, else {@code byDefault}. */
        Path or(Path byDefault) {
            return dir != null ? dir : byDefault;
        }
    }

    /** {@code --set KEY.PATH=VALUE}, repeatable. */
    static final class Overrides {
        @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
                description = "Override a key of the scenario (of every scenario or episode), checked like the file; "
                        + "repeatable, e.g. --set pauses[0].duration=PT24H --set 'corridors[Castello road].widthMetres=6'.")
        private List<String> sets = new ArrayList<>();

        List<String> list() {
            return sets;
        }
    }

    /** {@code --seed N}; each command says what it seeds and its default. */
    static final class Seed {
        @Option(names = "--seed", paramLabel = "N",
                description = "Seed of the run (default: the scenario's seed), of the replicates' seeds (compare, "
                        + "default 1) or of the designs (calibrate, default 1).")
        private Long seed;

        /** The seed given, or null. */
        Long given() {
            return seed;
        }

        long or(long byDefault) {
            return seed != null ? seed : byDefault;
        }
    }

    /** {@code --threads N}. */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "N",
                description = "Runs at a time (default: every processor; calibrate and serve: 1). Results do not depend on it.")
        private Integer threads;

        Integer given() {
            return threads;
        }

        int or(int byDefault) {
            return threads != null ? threads : byDefault;
        }
    }

    /** {@code --format text|csv|json}: the table on standard output, for people or for scripts. */
    static final class Format {
        @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text",
                description = "How the table goes to standard output: text for people; csv or json (the file the table "
                        + "comes from, alone on standard output) for scripts (default: ${DEFAULT-VALUE}).")
        private TableOutput.Format format;

        /** True for csv and json: standard output carries the table and nothing else. */
        boolean forScripts() {
            return format != TableOutput.Format.text;
        }

        void print(PrintWriter out, Path csvFile) throws java.io.IOException {
            TableOutput.print(out, csvFile, format);
        }
    }

    /** {@code --bom}: CSV files that Excel on Windows opens as UTF-8. */
    static final class Bom {
        @Option(names = "--bom",
                description = "Start every CSV file with a UTF-8 byte-order mark, so that Excel on Windows shows "
                        + "non-ASCII names right (R: read.csv(f, fileEncoding = \"UTF-8-BOM\"); pandas: "
                        + "encoding=\"utf-8-sig\").")
        private boolean bom;

        /** True when every CSV file is to start with a byte-order mark. */
        boolean on() {
            return bom;
        }

        /** Marks the CSV files in {@code dir} when asked. */
        void apply(Path dir) throws java.io.IOException {
            if (bom) {
                org.safepassage.metrics.AtomicFiles.addByteOrderMarks(dir);
            }
        }
    }
}
