package org.safepassage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.ShardSet;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.InputFiles;

/**
 * The part {@code compare --shard} and {@code validate --shard} share: the inputs a shard
 * records, its journal opened (resumed) under the folder's lock, the shard's manifest written
 * when its runs are all done, and the merged folder's record of the shards it came from.
 */
final class ShardRun {

    /** The runs of a shard, appended to its journal; returns how many ran now. */
    interface Body {
        int run(ShardJournal journal);
    }

    private ShardRun() {
    }

    /** Parses {@code --shard I/N} for a command of {@code units} shard keys; null after printing the problem. */
    static SweepPlan.Shard parse(String text, int keys, String what, List<String> usage) {
        if (text == null) {
            return null;
        }
        try {
            SweepPlan.Shard shard = SweepPlan.Shard.parse(text);
            if (shard.count() > keys) {
                usage.add("--shard " + text + ": " + shard.count() + " shards of " + keys + " " + what
                        + "; expected at most one shard per " + what.replaceAll("s$", ""));
            }
            return shard;
        } catch (IllegalArgumentException e) {
            usage.add("--shard: " + e.getMessage());
            return null;
        }
    }

    /**
     * The inputs a shard records: every file each scenario reads (its base files, map, the
     * scenario) with its SHA-256, the ensemble file's, the options that change the runs or the
     * merged files, and the program.
     */
    static Map<String, String> inputs(List<Path> files, List<String> sets, List<Path> ensembles,
            Map<String, String> options) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path file : files) {
            out.put(file.toString(), Manifest.sha256(file));
            for (Path read : InputFiles.ofScenario(file, sets)) {
                out.put(read.toString(), Files.isRegularFile(read) ? Manifest.sha256(read) : "missing");
            }
        }
        for (Path e : ensembles) {
            out.put("ensemble " + e, Manifest.sha256(e));
        }
        out.putAll(options);
        out.put("program", Version.program());
        return out;
    }

    /**
     * Runs a shard in {@code out} (the caller holds its lock): resumes its journal, runs the
     * rest, forces the journal to disk and writes the shard's {@code manifest.json}.
     */
    static int run(Path out, String kind, SweepPlan.Shard shard, Map<String, String> inputs, List<String> arguments,
            String command, int threads, PrintWriter err, boolean quiet, Body body) throws IOException {
        long started = System.currentTimeMillis();
        String name = "safepassage " + kind;
        try (ShardJournal journal = ShardJournal.open(out, kind, ShardSet.sha256(inputs), shard)) {
            int resumed = journal.done().size();
            if (resumed > 0 && !quiet) {
                err.println(name + ": shard " + shard + " goes on from " + resumed + " finished runs in " + out);
            }
            int ran;
            try {
                ran = body.run(journal);
            } catch (IllegalStateException e) {
                err.println(name + ": " + e.getMessage() + " (the finished runs are kept; run the shard again)");
                return ExitCode.FAILED;
            }
            journal.sync();
            Map<String, Object> m = Manifest.base(Version.project());
            m.put("kind", kind + "-shard");
            m.put("command", command);
            m.put("shard", shard.toString());
            m.put("arguments", arguments);
            m.put(ShardSet.INPUTS, inputs);
            m.put("inputsSha256", ShardSet.sha256(inputs));
            m.put("runs", resumed + ran);
            m.put("resumedFromRuns", resumed);
            m.put("threads", threads);
            m.put("wallSeconds", (System.currentTimeMillis() - started) / 1000.0);
            m.put("mergeWith", "safepassage merge " + out.toAbsolutePath().normalize().getParent()
                    + "/shard-*-of-" + shard.count() + " --out DIR");
            RunWriter.writeJson(out.resolve("manifest.json"), m);
            if (!quiet) {
                err.println(name + ": shard " + shard + " done: " + (resumed + ran) + " runs (" + ran + " now) in "
                        + out + "; join all " + shard.count() + " with 'safepassage merge'");
            }
            return ExitCode.OK;
        } catch (ShardJournal.Mismatch e) {
            err.println(name + ": error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Adds to the merged folder's manifest the shard folders it was made of, with their manifests' SHA-256. */
    static void recordShards(Path out, List<Path> dirs) throws IOException {
        Path file = out.resolve("manifest.json");
        ObjectNode m = (ObjectNode) RunWriter.json().readTree(file.toFile());
        List<Map<String, String>> shards = new ArrayList<>();
        for (Path d : dirs) {
            JsonNode shard = RunWriter.json().readTree(d.resolve("manifest.json").toFile());
            Map<String, String> s = new LinkedHashMap<>();
            s.put("folder", d.toString());
            s.put("shard", shard.path("shard").asText());
            s.put("manifestSha256", Manifest.sha256(d.resolve("manifest.json")));
            s.put("journalSha256", Manifest.sha256(d.resolve(ShardJournal.FILE)));
            shards.add(s);
        }
        m.set("mergedFromShards", RunWriter.json().valueToTree(shards));
        RunWriter.writeJson(file, m);
    }
}
