package org.safepassage.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Variation;

/**
 * A comparison split into shards ({@code compare --shard I/N}): shard I runs replicates r with
 * {@code r mod N = I - 1}, of every scenario, into a {@link ShardJournal} that keeps each run
 * whole (every figure, the hourly series, the member and quantiles drawn, the tidy rows, numbers
 * as exact decimal text), so that the shards put together ({@link #assemble}) give the very
 * {@link Comparison.Result} one process computes, and from it the same files.
 */
public final class CompareShards {

    /** The journal's kind. */
    public static final String KIND = "compare";

    private CompareShards() {
    }

    /** Run u of a comparison is scenario {@code u / replicates}, replicate {@code u mod replicates}; the shard key is the replicate. */
    public static int replicateOf(int unit, int replicates) {
        return unit % replicates;
    }

    /**
     * Runs the runs of {@code shard} that the journal lacks, appending each when it ends.
     *
     * @return the number of runs done now
     * @throws IllegalStateException when a run fails (the journal keeps the runs finished before)
     */
    public static int run(List<Variation> variations, int replicates, long baseSeed, int threads,
            SweepPlan.Shard shard, ShardJournal journal, RunDetails.Choice details, Runnable afterEachRun) {
        int total = variations.size() * replicates;
        List<Integer> todo = new ArrayList<>();
        for (int u : ShardSet.owned(shard, total, x -> replicateOf(x, replicates))) {
            if (!journal.done().containsKey(u)) {
                todo.add(u);
            }
        }
        // replicate-major, as a whole comparison: a partial shard covers every scenario evenly
        todo.sort((a, b) -> a % replicates != b % replicates ? Integer.compare(a % replicates, b % replicates)
                : Integer.compare(a, b));
        Comparison.onThreads(threads, todo, u -> {
            int scenario = u / replicates;
            int replicate = u % replicates;
            Comparison.Run run = Comparison.runOne(variations.get(scenario).draw(Seeds.runSeed(baseSeed, replicate)),
                    scenario, replicate, details);
            try {
                journal.append(u, encode(run));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (afterEachRun != null) {
                afterEachRun.run();
            }
        }, u -> "run of " + variations.get(u / replicates).nominal().meta().name() + ", replicate " + (u % replicates));
        return todo.size();
    }

    /** The comparison the shards' runs make together (units 0..scenarios × replicates - 1, all present). */
    public static Comparison.Result assemble(List<Scenario> scenarios, int replicates, long baseSeed,
            Map<Integer, JsonNode> units) {
        List<Comparison.Run> runs = new ArrayList<>();
        for (int u = 0; u < scenarios.size() * replicates; u++) {
            runs.add(decode(units.get(u)));
        }
        return new Comparison.Result(scenarios, replicates, baseSeed, runs);
    }

    /** A run as a journal line: every number as the exact decimal text of its double. */
    static ObjectNode encode(Comparison.Run run) {
        ObjectNode o = RunWriter.json().createObjectNode();
        o.put("scenario", run.scenario());
        o.put("replicate", run.replicate());
        o.put("seed", run.seed());
        o.set("figures", numbers(run.figures()));
        ArrayNode hourly = o.putArray("evacuatedByHour");
        for (double v : run.evacuatedByHour()) {
            hourly.add(Double.toString(v));
        }
        o.put("member", run.member());
        o.set("quantiles", numbers(run.quantiles()));
        ObjectNode details = o.putObject("details");
        for (Map.Entry<RunDetails.Kind, List<List<String>>> e : run.details().entrySet()) {
            ArrayNode rows = details.putArray(e.getKey().name());
            for (List<String> row : e.getValue()) {
                ArrayNode cells = rows.addArray();
                row.forEach(cells::add);
            }
        }
        return o;
    }

    static Comparison.Run decode(JsonNode o) {
        double[] hourly = new double[o.path("evacuatedByHour").size()];
        for (int i = 0; i < hourly.length; i++) {
            hourly[i] = Double.parseDouble(o.path("evacuatedByHour").get(i).asText());
        }
        Map<RunDetails.Kind, List<List<String>>> details = new EnumMap<>(RunDetails.Kind.class);
        o.path("details").fields().forEachRemaining(e -> {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : e.getValue()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.asText()));
                rows.add(cells);
            }
            details.put(RunDetails.Kind.valueOf(e.getKey()), rows);
        });
        return new Comparison.Run(o.path("scenario").asInt(), o.path("replicate").asInt(), o.path("seed").asLong(),
                numbers(o.path("figures")), hourly, o.path("member").asInt(), numbers(o.path("quantiles")), details);
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode o = RunWriter.json().createObjectNode();
        values.forEach((k, v) -> o.put(k, Double.toString(v)));
        return o;
    }

    private static Map<String, Double> numbers(JsonNode o) {
        Map<String, Double> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> out.put(e.getKey(), Double.parseDouble(e.getValue().asText())));
        return out;
    }
}
