package org.safepassage.experiment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;
import org.safepassage.metrics.RunWriter;

/**
 * runs.csv of a sweep: one line per finished run, appended and flushed as runs finish (in
 * whatever order threads finish them), and rewritten in canonical order (by point, then
 * replicate) when the sweep completes. Reading it back tolerates what a crash leaves: a last
 * line without its line end is ignored (and cut off before more lines are appended); a line
 * that does not belong to the plan (another study, another shard) is an error.
 */
public final class RunsFile {

    /** The runs.csv format: Commons CSV's default, lines ended by a single '\n'. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** The UTF-8 byte-order mark that {@code --bom} puts at the start of a CSV file, as a character. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** A runs.csv that cannot be used with this plan. */
    public static final class MismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        public MismatchException(String message) {
            super(message);
        }
    }

    /**
     * What a runs.csv holds.
     *
     * @param done the tasks with a complete line
     * @param tasks task number of each complete line, in file order
     * @param offsets byte offset of each complete line
     * @param lengths byte length of each complete line (without its '\n')
     * @param validBytes length of the file up to the end of its last complete line
     */
    public record Contents(BitSet done, int[] tasks, long[] offsets, int[] lengths, long validBytes) {
        public int count() {
            return done.cardinality();
        }
    }

    private RunsFile() {
    }

    public static String header(SweepPlan plan) {
        return FORMAT.format(CsvCells.row(plan.columns().toArray()));
    }

    /** The line of one finished run that drew no ensemble member. */
    public static String line(SweepPlan plan, int task, long seed, Map<String, Double> figures) {
        return line(plan, task, seed, figures, -1);
    }

    /** The line of one finished run; {@code member} is the ensemble member it drew, -1 for none. */
    public static String line(SweepPlan plan, int task, long seed, Map<String, Double> figures, int member) {
        List<Object> cells = new ArrayList<>();
        int point = plan.point(task);
        cells.add(point);
        cells.add(plan.replicate(task));
        cells.add(seed);
        cells.addAll(plan.design().points().get(point).values());
        for (String name : SweepPlan.figureNames()) {
            Double v = figures.get(name);
            cells.add(v == null ? "" : RunWriter.number(v));
        }
        cells.add(member < 0 ? "" : Integer.toString(member));
        return FORMAT.format(CsvCells.row(cells.toArray()));
    }

    /** Reads a runs.csv written for this plan (or for a plan of the same study, when merging shards). */
    public static Contents read(Path file, SweepPlan plan) throws IOException {
        String header = header(plan);
        int columns = plan.columns().size();
        int pathColumns = plan.design().paths().size();
        BitSet done = new BitSet(plan.totalTasks());
        IntStream.Builder tasks = IntStream.builder();
        LongStream.Builder offsets = LongStream.builder();
        IntStream.Builder lengths = IntStream.builder();
        long validBytes = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long offset = 0;
            long lineStart = 0;
            int lineNumber = 0;
            int b;
            while ((b = in.read()) >= 0) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (lineNumber == 1) {
                    if (text.startsWith(BYTE_ORDER_MARK)) {
                        text = text.substring(1); // written with --bom
                    }
                    if (!text.equals(header)) {
                        throw new MismatchException(file + ":1: the columns are not those of this study: found '"
                                + text + "', expected '" + header + "'");
                    }
                } else {
                    int task = parse(file, lineNumber, text, plan, columns, pathColumns);
                    if (!done.get(task)) {
                        done.set(task);
                        tasks.add(task);
                        offsets.add(lineStart);
                        lengths.add((int) (offset - 1 - lineStart));
                    }
                }
                validBytes = offset;
                lineStart = offset;
            }
        }
        return new Contents(done, tasks.build().toArray(), offsets.build().toArray(), lengths.build().toArray(),
                validBytes);
    }

    static int parse(Path file, int lineNumber, String text, SweepPlan plan, int columns, int pathColumns)
            throws MismatchException {
        CSVRecord record;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new MismatchException(file + ":" + lineNumber + ": not one CSV record");
            }
            record = records.get(0);
        } catch (IOException | RuntimeException e) {
            throw new MismatchException(file + ":" + lineNumber + ": unreadable line: " + e.getMessage());
        }
        if (record.size() != columns) {
            throw new MismatchException(file + ":" + lineNumber + ": " + record.size() + " cells; expected " + columns);
        }
        int point;
        int replicate;
        try {
            point = Integer.parseInt(record.get(0));
            replicate = Integer.parseInt(record.get(1));
        } catch (NumberFormatException e) {
            throw new MismatchException(file + ":" + lineNumber + ": point and replicate must be whole numbers");
        }
        if (point < 0 || point >= plan.design().size() || replicate < 0 || replicate >= plan.replicates()) {
            throw new MismatchException(file + ":" + lineNumber + ": point " + point + ", replicate " + replicate
                    + " is not in this study (" + plan.design().size() + " points, " + plan.replicates()
                    + " replicates)");
        }
        if (!plan.holds(plan.task(point, replicate))) {
            throw new MismatchException(file + ":" + lineNumber + ": point " + point + ", replicate " + replicate
                    + " is not in shard " + plan.shard());
        }
        if (!record.get(2).equals(Long.toString(plan.seed(replicate)))) {
            throw new MismatchException(file + ":" + lineNumber + ": seed " + record.get(2) + "; this study gives "
                    + plan.seed(replicate) + " to replicate " + replicate);
        }
        List<String> values = plan.design().points().get(point).values();
        for (int i = 0; i < pathColumns; i++) {
            if (!record.get(3 + i).equals(CsvCells.text(values.get(i)))) {
                throw new MismatchException(file + ":" + lineNumber + ": " + plan.design().paths().get(i) + " = "
                        + record.get(3 + i) + "; this study's point " + point + " has " + values.get(i));
            }
        }
        return plan.task(point, replicate);
    }

    /** Cuts a crashed file back to its last complete line, so that appended lines start clean. */
    public static void truncate(Path file, long validBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > validBytes) {
                channel.truncate(validBytes);
            }
        }
    }

    /**
     * Rewrites the file atomically with its lines in canonical order (by task number), each
     * run once. Memory: three numbers per line; the lines themselves are copied from disk.
     */
    public static void canonicalise(Path file, SweepPlan plan) throws IOException {
        Contents contents = read(file, plan);
        writeCanonical(file, plan, List.of(file), List.of(contents));
    }

    /** Writes {@code target} from the complete lines of several runs.csv files, in canonical order. */
    public static void writeCanonical(Path target, SweepPlan plan, List<Path> sources, List<Contents> contents)
            throws IOException {
        int total = 0;
        for (Contents c : contents) {
            total += c.tasks().length;
        }
        if (contents.size() > (1 << 8) || maxLines(contents) >= (1 << 24)) {
            throw new IOException("too many files (over 256) or lines in one file (over 16 million) to order");
        }
        long[] order = new long[total];
        int k = 0;
        for (int s = 0; s < contents.size(); s++) {
            int[] tasks = contents.get(s).tasks();
            for (int i = 0; i < tasks.length; i++) {
                order[k++] = ((long) tasks[i] << 32) | ((long) s << 24) | i;
            }
        }
        Arrays.sort(order);
        String header = header(plan);
        AtomicFiles.write(target, tmp -> {
            RandomAccessFile[] readers = new RandomAccessFile[sources.size()];
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                for (int s = 0; s < sources.size(); s++) {
                    readers[s] = new RandomAccessFile(sources.get(s).toFile(), "r");
                }
                out.write(header.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                int previous = -1;
                byte[] buffer = new byte[1024];
                for (long key : order) {
                    int task = (int) (key >>> 32);
                    if (task == previous) {
                        continue;
                    }
                    previous = task;
                    int s = (int) ((key >>> 24) & 0xFF);
                    int i = (int) (key & 0xFFFFFF);
                    Contents c = contents.get(s);
                    int length = c.lengths()[i];
                    if (buffer.length < length) {
                        buffer = new byte[length];
                    }
                    readers[s].seek(c.offsets()[i]);
                    readers[s].readFully(buffer, 0, length);
                    out.write(buffer, 0, length);
                    out.write('\n');
                }
            } finally {
                for (RandomAccessFile r : readers) {
                    if (r != null) {
                        r.close();
                    }
                }
            }
        });
    }

    private static int maxLines(List<Contents> contents) {
        int max = 0;
        for (Contents c : contents) {
            max = Math.max(max, c.tasks().length);
        }
        return max;
    }

    /**
     * Appends lines to runs.csv, flushing each to the operating system at once (a killed process
     * loses only the runs in flight) and to the disk (fsync) at most once a second and on close
     * (a power loss loses at most the last second's lines besides those in flight).
     */
    public static final class Appender implements AutoCloseable {
        private static final long SYNC_NANOS = 1_000_000_000L;
        private final FileChannel channel;
        private final Writer out;
        private long lastSync = System.nanoTime();

        /** Opens the file for appending; a new (or empty) file gets the header first. */
        public Appender(Path file, SweepPlan plan) throws IOException {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(java.nio.channels.Channels.newOutputStream(
                    channel), StandardCharsets.UTF_8));
            if (fresh) {
                append(header(plan));
                AtomicFiles.syncDirectory(file.toAbsolutePath().getParent());
            }
        }

        public synchronized void append(String line) throws IOException {
            out.write(line);
            out.write('\n');
            out.flush();
            long now = System.nanoTime();
            if (now - lastSync >= SYNC_NANOS) {
                channel.force(false);
                lastSync = now;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                out.flush();
                channel.force(false);
            } finally {
                out.close();
            }
        }
    }
}
