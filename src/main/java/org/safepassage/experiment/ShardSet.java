package org.safepassage.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;

/**
 * The shard folders of one {@code compare} or {@code validate}, checked to belong together:
 * every folder finished (its {@code manifest.json} written), of the same command and inputs,
 * of the same split, each shard once and all of them, each holding exactly the runs its shard
 * owns. The split rule: run u belongs to shard I of N when {@code key(u) mod N = I - 1}, the
 * key being the replicate for compare (all scenarios of a replicate together, so that common
 * random numbers stay in one task) and the run number for validate.
 */
public final class ShardSet {

    /** The manifest key holding a shard's inputs (file paths and options to SHA-256s and values). */
    public static final String INPUTS = "inputs";

    private ShardSet() {
    }

    /** The SHA-256 of a shard's inputs as {@link #INPUTS} records them. */
    public static String sha256(Map<String, String> inputs) throws IOException {
        return Manifest.sha256(RunWriter.json().writeValueAsBytes(new TreeMap<>(inputs)));
    }

    /** The units of {@code 0..total-1} that shard {@code shard} owns, in order. */
    public static List<Integer> owned(SweepPlan.Shard shard, int total, IntUnaryOperator key) {
        List<Integer> out = new ArrayList<>();
        for (int u = 0; u < total; u++) {
            if (shard.holds(key.applyAsInt(u))) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * Reads the shard folders and returns every unit (0..total-1) with its journal line.
     *
     * @param kind the command ({@code compare}, {@code validate})
     * @param inputs the inputs as loaded now; each folder's manifest must record the same
     * @throws ShardJournal.Mismatch naming the folder and what does not fit
     */
    public static Map<Integer, JsonNode> read(List<Path> dirs, String kind, Map<String, String> inputs, int total,
            IntUnaryOperator key) throws IOException, ShardJournal.Mismatch {
        String sha = sha256(inputs);
        Map<Integer, Path> byShard = new TreeMap<>();
        Map<Integer, JsonNode> units = new TreeMap<>();
        int count = -1;
        Path first = null;
        for (Path dir : dirs) {
            Path manifest = dir.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                throw new ShardJournal.Mismatch(dir + ": unfinished shard (no manifest.json); run its task again "
                        + "(it goes on from " + ShardJournal.FILE + ")");
            }
            JsonNode m = RunWriter.json().readTree(manifest.toFile());
            if (!(kind + "-shard").equals(m.path("kind").asText())) {
                throw new ShardJournal.Mismatch(manifest + ": not the folder of a " + kind + " shard ("
                        + (m.path("kind").isMissingNode() ? "a sweep's, or another command's" : m.path("kind").asText())
                        + "); expected the folders of '" + kind + " --shard I/N' only");
            }
            String differences = differences(inputs, m.path(INPUTS));
            if (!differences.isEmpty()) {
                throw new ShardJournal.Mismatch(manifest + ": this shard ran with other inputs than now: "
                        + differences + "; expected every shard of the same " + kind + " and the same files");
            }
            ShardJournal.Contents c = ShardJournal.read(dir.resolve(ShardJournal.FILE));
            if (!c.kind().equals(kind) || !c.inputsSha256().equals(sha)) {
                throw new ShardJournal.Mismatch(dir.resolve(ShardJournal.FILE) + ": runs of other inputs than its "
                        + "manifest says; expected the folder as its " + kind + " shard left it");
            }
            if (count < 0) {
                count = c.shard().count();
                first = dir;
            } else if (c.shard().count() != count) {
                throw new ShardJournal.Mismatch(dir + ": shard " + c.shard() + " of another split than " + first
                        + " (of " + count + "); expected shards of one split I/" + count);
            }
            Path before = byShard.put(c.shard().index(), dir);
            if (before != null) {
                throw new ShardJournal.Mismatch(dir + ": shard " + c.shard() + " is also in " + before
                        + "; expected each shard once");
            }
            List<Integer> owned = owned(c.shard(), total, key);
            for (Map.Entry<Integer, JsonNode> e : c.units().entrySet()) {
                int u = e.getKey();
                if (u >= total || !c.shard().holds(key.applyAsInt(u))) {
                    throw new ShardJournal.Mismatch(dir.resolve(ShardJournal.FILE) + ": run " + u + " does not belong "
                            + "to shard " + c.shard() + " (of " + total + " runs); expected only the shard's own runs");
                }
                units.put(u, e.getValue());
            }
            if (c.units().size() != owned.size()) {
                throw new ShardJournal.Mismatch(dir + ": shard " + c.shard() + " holds " + c.units().size() + " of its "
                        + owned.size() + " runs; run its task again (it goes on from " + ShardJournal.FILE + ")");
            }
        }
        if (byShard.size() != count) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!byShard.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new ShardJournal.Mismatch("shards " + missing + " of " + count + " are missing; expected all " + count
                    + " shard folders");
        }
        return units;
    }

    /** What differs between the inputs now and those a manifest records ("" when nothing does). */
    static String differences(Map<String, String> now, JsonNode then) {
        Map<String, String> before = new LinkedHashMap<>();
        then.fields().forEachRemaining(e -> before.put(e.getKey(), e.getValue().asText()));
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                changed.add(e.getKey() + " (not an input of the shard)");
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey() + " (" + old + " in the shard, " + e.getValue() + " now)");
            }
        }
        for (String k : before.keySet()) {
            if (!now.containsKey(k)) {
                changed.add(k + " (an input of the shard, not now)");
            }
        }
        return String.join("; ", changed);
    }
}
