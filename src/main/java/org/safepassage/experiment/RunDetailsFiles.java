package org.safepassage.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;

/**
 * The tidy per-run tables of a sweep (corridors.csv, neighbourhoods.csv, hourly.csv; see
 * {@link RunDetails}), keyed by {@code point, replicate}. A run's rows are appended and flushed
 * in one write before its line in runs.csv, so a run counted done has all its rows; a resume
 * keeps only the rows of runs done; a finished sweep or a merge puts the rows in canonical
 * order (by point, then replicate, each run's rows in the order it gave them), so the files do
 * not depend on the number of threads.
 */
public final class RunDetailsFiles implements AutoCloseable {

    /** The key columns of a sweep's tables. */
    public static final List<String> KEY = List.of("point", "replicate");

    private final Map<RunDetails.Kind, FileChannel> channels = new EnumMap<>(RunDetails.Kind.class);
    private final Map<RunDetails.Kind, Writer> writers = new EnumMap<>(RunDetails.Kind.class);

    /** Opens the chosen tables in {@code dir} for appending; a new (or empty) file gets its header first. */
    public RunDetailsFiles(Path dir, RunDetails.Choice choice) throws IOException {
        for (RunDetails.Kind kind : choice.kinds()) {
            Path file = dir.resolve(kind.file());
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
            channels.put(kind, channel);
            writers.put(kind, w);
            if (fresh) {
                w.write(header(kind));
                w.write('\n');
                w.flush();
            }
        }
    }

    /** The header line of a sweep's table. */
    public static String header(RunDetails.Kind kind) {
        List<String> c = new ArrayList<>(KEY);
        c.addAll(RunDetails.columns(kind));
        return RunsFile.FORMAT.format(CsvCells.row(c.toArray()));
    }

    /** Appends one run's rows to each table, each table in one write, flushed to the operating system. */
    public synchronized void append(int point, int replicate, Map<RunDetails.Kind, List<List<String>>> rows)
            throws IOException {
        for (Map.Entry<RunDetails.Kind, Writer> e : writers.entrySet()) {
            StringBuilder b = new StringBuilder();
            for (List<String> row : rows.get(e.getKey())) {
                List<Object> cells = new ArrayList<>(row.size() + 2);
                cells.add(point);
                cells.add(replicate);
                cells.addAll(row);
                b.append(RunsFile.FORMAT.format(CsvCells.row(cells.toArray()))).append('\n');
            }
            e.getValue().write(b.toString());
            e.getValue().flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (RunDetails.Kind kind : writers.keySet()) {
            try {
                writers.get(kind).flush();
                channels.get(kind).force(false);
                writers.get(kind).close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A line of a table with the task it belongs to. */
    private record Line(int task, String text) {
    }

    /**
     * Rewrites each table of {@code dir} with only the rows of the tasks in {@code keep}, in
     * canonical order; with {@code keep} null, every row, each task's rows once. A last line
     * without its line end (a crash) is dropped.
     */
    public static void rewrite(Path dir, SweepPlan plan, BitSet keep) throws IOException {
        for (RunDetails.Kind kind : RunDetails.Kind.values()) {
            Path file = dir.resolve(kind.file());
            if (Files.exists(file)) {
                write(file, kind, sorted(List.of(file), kind, plan, keep));
            }
        }
    }

    /**
     * Writes into {@code target} each table that every one of {@code sources} holds, from their
     * rows in canonical order (a task found in several folders is taken from the first). A table
     * some sources hold and others not is an error: the shards were run with different --outputs.
     */
    public static void merge(List<Path> sources, Path target, SweepPlan plan) throws IOException, Sweep.StateException {
        for (RunDetails.Kind kind : RunDetails.Kind.values()) {
            List<Path> files = sources.stream().map(d -> d.resolve(kind.file())).filter(Files::exists).toList();
            if (files.isEmpty()) {
                continue;
            }
            if (files.size() != sources.size()) {
                throw new Sweep.StateException(kind.file() + " is in " + files.size() + " of the " + sources.size()
                        + " folders; expected all or none (run every shard with the same --outputs)");
            }
            try {
                write(target.resolve(kind.file()), kind, sorted(files, kind, plan, null));
            } catch (RunsFile.MismatchException e) {
                throw new Sweep.StateException(e.getMessage());
            }
        }
    }

    private static List<Line> sorted(List<Path> files, RunDetails.Kind kind, SweepPlan plan, BitSet keep)
            throws IOException {
        String header = header(kind);
        List<Line> lines = new ArrayList<>();
        BitSet seen = new BitSet();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // written with --bom
            }
            int end = text.lastIndexOf('\n');
            text = end < 0 ? "" : text.substring(0, end); // a crash's partial last line is not a row
            String[] all = text.isEmpty() ? new String[0] : text.split("\n", -1);
            if (all.length == 0 || !all[0].equals(header)) {
                throw new RunsFile.MismatchException(file + ":1: the columns are not those of " + kind.file()
                        + "; expected '" + header + "'");
            }
            BitSet mine = new BitSet();
            for (int i = 1; i < all.length; i++) {
                int task = task(file, i + 1, all[i], plan);
                if ((keep == null || keep.get(task)) && !seen.get(task)) {
                    mine.set(task);
                    lines.add(new Line(task, all[i]));
                }
            }
            seen.or(mine);
        }
        lines.sort(Comparator.comparingInt(Line::task)); // stable: a run's rows keep their order
        return lines;
    }

    private static int task(Path file, int lineNumber, String line, SweepPlan plan) throws RunsFile.MismatchException {
        int a = line.indexOf(',');
        int b = a < 0 ? -1 : line.indexOf(',', a + 1);
        try {
            int point = Integer.parseInt(line.substring(0, a));
            int replicate = Integer.parseInt(line.substring(a + 1, b));
            if (point < 0 || point >= plan.design().size() || replicate < 0 || replicate >= plan.replicates()) {
                throw new RunsFile.MismatchException(file + ":" + lineNumber + ": point " + point + ", replicate "
                        + replicate + " is not in this study");
            }
            return plan.task(point, replicate);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new RunsFile.MismatchException(file + ":" + lineNumber + ": expected point and replicate first");
        }
    }

    private static void write(Path target, RunDetails.Kind kind, List<Line> lines) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write(header(kind));
            w.write('\n');
            for (Line l : lines) {
                w.write(l.text());
                w.write('\n');
            }
        });
    }
}
