package org.safepassage.advisor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only journal of a design search ({@code journal.tsv}): one line per finished run,
 * written and flushed as soon as the run ends, so that {@code --resume} after a crash or
 * {@code kill -9} reruns nothing that finished. A line is
 * {@code KEY TAB REPLICATE TAB SEED TAB MEMBER TAB q1=v;q2=v TAB f1=v;f2=v TAB .}; a line without
 * its final dot (cut by the crash) is ignored. Numbers are written so that they read back exactly.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "journal.tsv";
    private static final String HEADER = "# safepassage design journal; design sha256 ";

    private final BufferedWriter out;

    private Journal(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the journal for appending, creating it with its header when new. */
    static Journal open(Path file, String designSha256) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            truncateTorn(file);
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            w.write(HEADER + designSha256 + "\n");
            w.flush();
        }
        return new Journal(w);
    }

    /** The design hash a journal was written for, or null when the file has no header. */
    static String designSha256(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.startsWith(HEADER) ? first.substring(HEADER.length()).trim() : null;
        }
    }

    /** Drops a last line cut by a crash, so that the next line starts on a line of its own. */
    private static void truncateTorn(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] != '\n') {
            int cut = end - 1;
            while (cut >= 0 && bytes[cut] != '\n') {
                cut--;
            }
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(cut + 1L);
            }
        }
    }

    synchronized void append(String key, Evaluation e) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(key).append('\t').append(e.replicate()).append('\t').append(e.seed()).append('\t')
                .append(e.outcome().member()).append('\t');
        pairs(b, e.outcome().quantiles());
        b.append('\t');
        pairs(b, e.outcome().figures());
        b.append("\t.\n");
        out.write(b.toString());
        out.flush();
    }

    private static void pairs(StringBuilder b, Map<String, Double> values) {
        boolean first = true;
        for (Map.Entry<String, Double> v : values.entrySet()) {
            b.append(first ? "" : ";").append(v.getKey()).append('=').append(Double.toString(v.getValue()));
            first = false;
        }
    }

    /** The complete lines of a journal, by candidate key. */
    static Map<String, List<Evaluation>> read(Path file) throws IOException {
        Map<String, List<Evaluation>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || !line.endsWith("\t.")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                continue;
            }
            World.Outcome outcome = new World.Outcome(Integer.parseInt(f[3]), parsePairs(f[4]), parsePairs(f[5]));
            out.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Evaluation(Integer.parseInt(f[1]), Long.parseLong(f[2]), outcome));
        }
        return out;
    }

    private static Map<String, Double> parsePairs(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return m;
        }
        for (String p : text.split(";")) {
            int eq = p.lastIndexOf('=');
            m.put(p.substring(0, eq), Double.parseDouble(p.substring(eq + 1)));
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
