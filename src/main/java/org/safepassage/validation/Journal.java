package org.safepassage.validation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The journal of a calibration: one line per scored candidate, appended and flushed as soon
 * as it is scored, so that a calibration stopped at any point resumes where it was. Its first
 * line names the plan's SHA-256; a journal of another plan is refused. A line is
 * {@code fold<TAB>values<TAB>score<TAB>seconds<TAB>errors}: the fold ("all", or the episode
 * left out), the candidate's values in full precision separated by {@code ;}, the weighted
 * score, the seconds it took, and {@code episode=error} pairs separated by {@code ;}. A line
 * cut short by a kill is ignored.
 */
public final class Journal implements AutoCloseable {

    /** A journal line. */
    public record Entry(String fold, double[] values, double score, double seconds, Map<String, Double> errors) {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final List<Entry> ordered = new ArrayList<>();
    private final BufferedWriter writer;
    private final int resumed;

    private Journal(BufferedWriter writer, List<Entry> old) {
        this.writer = writer;
        for (Entry e : old) {
            if (byKey.put(key(e.fold(), e.values()), e) == null) {
                ordered.add(e);
            }
        }
        this.resumed = old.size();
    }

    /**
     * Opens (or creates) the journal of a plan.
     *
     * @throws IllegalStateException when the file is the journal of another plan
     */
    public static Journal open(Path file, String planSha256) throws IOException {
        List<Entry> old = new ArrayList<>();
        String header = "# plan sha256 " + planSha256;
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IllegalStateException(file + " is the journal of another plan (" + (lines.isEmpty() ? "empty"
                        : lines.get(0)) + "); expected '" + header + "': use another --out or remove it to start afresh");
            }
            for (String line : lines.subList(1, lines.size())) {
                Entry e = parse(line);
                if (e != null) {
                    old.add(e);
                }
            }
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new Journal(w, old);
    }

    /**
     * The entries of a finished journal file (for instance one array task's share of a
     * generation), in file order.
     *
     * @throws IllegalStateException when the file is the journal of another plan
     */
    public static List<Entry> read(Path file, String planSha256) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = "# plan sha256 " + planSha256;
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IllegalStateException(file + " is not a journal of this plan; expected '" + header + "'");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Entry e = parse(line);
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    /** How many entries were read from an earlier run. */
    public int resumed() {
        return resumed;
    }

    /** The entry of this candidate in this fold, or null. */
    public synchronized Entry find(String fold, double[] values) {
        return byKey.get(key(fold, values));
    }

    /** The entries of one fold, one per candidate, in the order they were first scored. */
    public synchronized List<Entry> entries(String fold) {
        return ordered.stream().filter(e -> e.fold().equals(fold)).toList();
    }

    public synchronized void append(Entry e) throws IOException {
        if (byKey.put(key(e.fold(), e.values()), e) == null) {
            ordered.add(e);
        }
        StringBuilder b = new StringBuilder(e.fold()).append('\t').append(join(e.values())).append('\t')
                .append(e.score()).append('\t').append(String.format(Locale.ROOT, "%.3f", e.seconds())).append('\t');
        int i = 0;
        for (Map.Entry<String, Double> x : e.errors().entrySet()) {
            b.append(i++ > 0 ? ";" : "").append(x.getKey()).append('=').append(x.getValue());
        }
        writer.write(b.append('\n').toString());
        writer.flush();
    }

    static Entry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
            return null;
        }
        try {
            String[] v = f[1].isEmpty() ? new String[0] : f[1].split(";");
            double[] values = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = Double.parseDouble(v[i]);
            }
            Map<String, Double> errors = new LinkedHashMap<>();
            for (String pair : f[4].isEmpty() ? new String[0] : f[4].split(";")) {
                int eq = pair.lastIndexOf('=');
                errors.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
            return new Entry(f[0], values, Double.parseDouble(f[2]), Double.parseDouble(f[3]), errors);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String key(String fold, double[] values) {
        return fold + "\t" + join(values);
    }

    private static String join(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ";" : "").append(values[i]);
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
