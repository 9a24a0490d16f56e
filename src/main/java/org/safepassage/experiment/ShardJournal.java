package org.safepassage.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.safepassage.metrics.RunWriter;

/**
 * The runs a shard of {@code compare} or {@code validate} has finished, one JSON line each in
 * {@value #FILE} of the shard's folder, after a first line naming the command, the shard and
 * the SHA-256 of its inputs. Each run's line is written in one write and flushed when the run
 * ends, so a shard killed at any point keeps every finished run (a line cut short is dropped
 * when the journal is opened again) and, started again with the same inputs, runs only the
 * rest. A journal of other inputs or another shard is refused, never mixed.
 */
public final class ShardJournal implements Closeable {

    /** The journal's file name in a shard folder. */
    public static final String FILE = "units.jsonl";

    private static final String FORMAT = "safepassage-shard/1";

    /** A journal that does not belong to the shard or inputs asked for, or cannot be read; the message says which. */
    public static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        public Mismatch(String message) {
            super(message);
        }
    }

    /** A journal as read: its header fields and its finished units by number. */
    public record Contents(String kind, String inputsSha256, SweepPlan.Shard shard, Map<Integer, JsonNode> units) {
    }

    private final FileChannel channel;
    private final Map<Integer, JsonNode> done;

    private ShardJournal(FileChannel channel, Map<Integer, JsonNode> done) {
        this.channel = channel;
        this.done = done;
    }

    /**
     * Opens (or starts) the journal of {@code shard} in {@code dir} for appending, keeping what
     * a previous start of the same shard on the same inputs finished.
     */
    public static ShardJournal open(Path dir, String kind, String inputsSha256, SweepPlan.Shard shard)
            throws IOException, Mismatch {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Map<Integer, JsonNode> done = new TreeMap<>();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long complete = completeLength(file);
            if (complete < channel.size()) {
                channel.truncate(complete); // the line of a run cut short by a kill
            }
            if (complete == 0) {
                ObjectNode header = RunWriter.json().createObjectNode();
                header.put("journal", FORMAT);
                header.put("kind", kind);
                header.put("shard", shard.toString());
                header.put("inputsSha256", inputsSha256);
                write(channel, header);
            } else {
                Contents c = read(file);
                if (!c.kind().equals(kind) || !c.shard().equals(shard) || !c.inputsSha256().equals(inputsSha256)) {
                    throw new Mismatch(file + " holds runs of " + c.kind() + " shard " + c.shard() + " of other inputs "
                            + "(SHA-256 " + abbreviate(c.inputsSha256()) + ", now " + abbreviate(inputsSha256)
                            + ") than " + kind + " shard " + shard + " asked for now; use another --out, or remove the "
                            + "folder to start the shard again");
                }
                done.putAll(c.units());
            }
            channel.position(channel.size());
            return new ShardJournal(channel, done);
        } catch (IOException | Mismatch | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The units finished before this start, by number. */
    public Map<Integer, JsonNode> done() {
        return done;
    }

    /** Appends one finished unit (its line holds {@code "unit": number} and the payload's fields), flushed. */
    public synchronized void append(int unit, ObjectNode payload) throws IOException {
        ObjectNode line = RunWriter.json().createObjectNode();
        line.put("unit", unit);
        line.setAll(payload);
        write(channel, line);
    }

    /** Forces the journal to disk (before the shard's manifest says it is finished). */
    public synchronized void sync() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads the journal of a shard folder (complete lines only). */
    public static Contents read(Path file) throws IOException, Mismatch {
        if (!Files.isRegularFile(file)) {
            throw new Mismatch(file + " is missing; expected the journal of a compare or validate shard");
        }
        ObjectMapper json = RunWriter.json();
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        String[] lines = text.substring(0, end).split("\n");
        if (end == 0 || lines.length == 0) {
            throw new Mismatch(file + ": empty; expected a first line naming the shard");
        }
        JsonNode header = json.readTree(lines[0]);
        if (!FORMAT.equals(header.path("journal").asText())) {
            throw new Mismatch(file + ":1: not a shard journal (" + FORMAT + ")");
        }
        SweepPlan.Shard shard;
        try {
            shard = SweepPlan.Shard.parse(header.path("shard").asText());
        } catch (IllegalArgumentException e) {
            throw new Mismatch(file + ":1: shard " + e.getMessage());
        }
        Map<Integer, JsonNode> units = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            int unit = line.path("unit").asInt(-1);
            if (unit < 0 || units.put(unit, line) != null) {
                throw new Mismatch(file + ":" + (i + 1) + ": run " + unit + (unit < 0 ? " is not a run number"
                        : " is there twice") + "; expected each run of the shard once");
            }
        }
        return new Contents(header.path("kind").asText(), header.path("inputsSha256").asText(), shard, units);
    }

    private static long completeLength(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int i = bytes.length;
        while (i > 0 && bytes[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static void write(FileChannel channel, JsonNode line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((RunWriter.json().writer().without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(line) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
