package org.safepassage.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Joins the runs.csv files of disjoint parts of a study (shards, or folders that are
 * themselves merges of shards) into one runs.csv in canonical order, streaming: each input is
 * read once per pass, line by line, and at most {@value #FAN_IN} inputs are open at a time.
 * With more inputs than that, groups of {@value #FAN_IN} are first merged into intermediate
 * files in a work folder, and those are merged again (passes), so memory stays bounded
 * (one line and one 64 KiB buffer per open input) whatever the number of shards or runs.
 * Every line is checked as {@code sweep --resume} checks it (columns, point, replicate, seed,
 * values), and must belong to the shards its folder claims, in increasing task order; a task
 * in two inputs, or missing from all, is refused.
 */
public final class RunsMerge {

    /** Most inputs open at once (and merged in one pass). */
    public static final int FAN_IN = 64;

    /**
     * One input: a runs.csv holding the runs of some shards of a study split into
     * {@code shardCount} shards.
     *
     * @param label how messages name the input (its folder)
     * @param runs the runs.csv file
     * @param shards the shard indices (1-based) it holds
     */
    public record Part(String label, Path runs, BitSet shards) {
    }

    private RunsMerge() {
    }

    /** Runs of shard {@code index} (1-based) of {@code count} in a study of {@code total} runs. */
    public static int shardRuns(int total, int count, int index) {
        return total / count + (index - 1 < total % count ? 1 : 0);
    }

    /**
     * Merges {@code parts} into {@code target}; {@code work} holds the intermediate files of
     * earlier passes (and is left empty). Returns the number of runs written.
     *
     * @throws Sweep.StateException when a part is not what it claims or the parts overlap or leave a gap
     */
    public static long merge(SweepPlan whole, int shardCount, List<Part> parts, Path target, Path work)
            throws IOException, Sweep.StateException {
        List<Part> level = parts;
        int pass = 0;
        while (level.size() > FAN_IN) {
            pass++;
            Files.createDirectories(work);
            List<Part> next = new ArrayList<>();
            for (int g = 0; g * FAN_IN < level.size(); g++) {
                List<Part> group = level.subList(g * FAN_IN, Math.min(level.size(), (g + 1) * FAN_IN));
                BitSet union = new BitSet();
                group.forEach(p -> union.or(p.shards()));
                Path file = work.resolve("pass-" + pass + "-" + g + ".csv");
                mergeGroup(whole, shardCount, group, file);
                next.add(new Part(describe(group), file, union));
            }
            if (pass > 1) {
                for (Part p : level) {
                    Files.deleteIfExists(p.runs());
                }
            }
            level = next;
        }
        long written = mergeGroup(whole, shardCount, level, target);
        if (pass > 0) {
            for (Part p : level) {
                Files.deleteIfExists(p.runs());
            }
            Files.deleteIfExists(work);
        }
        BitSet all = new BitSet();
        level.forEach(p -> all.or(p.shards()));
        long expected = 0;
        for (int i = all.nextSetBit(1); i >= 0; i = all.nextSetBit(i + 1)) {
            expected += shardRuns(whole.totalTasks(), shardCount, i);
        }
        if (written != expected) {
            throw new Sweep.StateException((expected - written) + " of " + expected + " runs of the shards given are in "
                    + "none of the folders; is a shard unfinished?");
        }
        return written;
    }

    private static String describe(List<Part> group) {
        return group.size() == 1 ? group.get(0).label()
                : group.get(0).label() + " ... " + group.get(group.size() - 1).label();
    }

    /** One pass: a k-way merge of up to {@value #FAN_IN} sorted inputs by task number. */
    private static long mergeGroup(SweepPlan whole, int shardCount, List<Part> group, Path target)
            throws IOException, Sweep.StateException {
        byte[] header = (RunsFile.header(whole) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Cursor> cursors = new ArrayList<>();
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            out.write(header);
            PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> Integer.compare(a.task, b.task));
            for (Part p : group) {
                Cursor c = new Cursor(whole, shardCount, p);
                cursors.add(c);
                c.readHeader(header);
                if (c.advance()) {
                    queue.add(c);
                }
            }
            int previous = -1;
            Cursor previousCursor = null;
            while (!queue.isEmpty()) {
                Cursor c = queue.poll();
                if (c.task == previous) {
                    throw new Sweep.StateException("point " + whole.point(c.task) + ", replicate "
                            + whole.replicate(c.task) + " is in both " + previousCursor.part.label() + " and "
                            + c.part.label() + "; expected each shard in one folder only");
                }
                previous = c.task;
                previousCursor = c;
                out.write(c.line, 0, c.length);
                out.write('\n');
                written++;
                if (c.advance()) {
                    queue.add(c);
                }
            }
        } finally {
            for (Cursor c : cursors) {
                c.in.close();
            }
        }
        return written;
    }

    /** Reads one sorted runs.csv line by line, checking each line. */
    private static final class Cursor {
        private final SweepPlan whole;
        private final int shardCount;
        private final Part part;
        private final InputStream in;
        private final int columns;
        private final int pathColumns;
        private byte[] line = new byte[512];
        private int length;
        private int lineNumber;
        private int task = -1;

        Cursor(SweepPlan whole, int shardCount, Part part) throws IOException {
            this.whole = whole;
            this.shardCount = shardCount;
            this.part = part;
            this.in = new BufferedInputStream(Files.newInputStream(part.runs()), 1 << 16);
            this.columns = whole.columns().size();
            this.pathColumns = whole.design().paths().size();
        }

        void readHeader(byte[] expected) throws IOException, Sweep.StateException {
            boolean read = readLine();
            if (read && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                // a shard written with --bom: the byte-order mark is not part of the first column's name
                System.arraycopy(line, 3, line, 0, length - 3);
                length -= 3;
            }
            if (!read || length != expected.length - 1 || !Arrays.equals(line, 0, length, expected, 0, length)) {
                throw new Sweep.StateException(part.runs() + ":1: the columns are not those of this study; "
                        + "expected '" + new String(expected, 0, expected.length - 1, StandardCharsets.UTF_8) + "'");
            }
        }

        /** Reads the next line; false at the end of the file. */
        boolean advance() throws IOException, Sweep.StateException {
            if (!readLine()) {
                return false;
            }
            int t;
            try {
                t = RunsFile.parse(part.runs(), lineNumber, new String(line, 0, length, StandardCharsets.UTF_8), whole,
                        columns, pathColumns);
            } catch (RunsFile.MismatchException e) {
                throw new Sweep.StateException(e.getMessage());
            }
            if (!part.shards().get(t % shardCount + 1)) {
                throw new Sweep.StateException(part.runs() + ":" + lineNumber + ": point " + whole.point(t)
                        + ", replicate " + whole.replicate(t) + " belongs to shard " + (t % shardCount + 1) + "/"
                        + shardCount + ", which " + part.label() + " does not hold");
            }
            if (t <= task) {
                throw new Sweep.StateException(part.runs() + ":" + lineNumber + ": point " + whole.point(t)
                        + ", replicate " + whole.replicate(t) + " is out of order or repeated; expected the "
                        + "runs.csv of a finished sweep (ordered by point, then replicate)");
            }
            task = t;
            return true;
        }

        /** The next '\n'-ended line into {@link #line}; false at the end; a line without its end is an error. */
        private boolean readLine() throws IOException, Sweep.StateException {
            length = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = (byte) b;
            }
            if (b < 0) {
                if (length > 0) {
                    throw new Sweep.StateException(part.runs() + ":" + (lineNumber + 1) + ": the last line has no "
                            + "line end (a run cut short); finish the shard with 'sweep --resume' first");
                }
                return false;
            }
            lineNumber++;
            return true;
        }
    }
}
