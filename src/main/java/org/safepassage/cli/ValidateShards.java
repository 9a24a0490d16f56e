package org.safepassage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.ShardSet;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.Variation;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.Validation;

/**
 * {@code validate --shard I/N}: the runs of all episodes, numbered episode by episode
 * (u = episode × replicates + replicate), go to shard I when {@code u mod N = I - 1}, so every
 * shard gets a share of every episode. A run's line keeps what scoring needs (persons out at
 * each hour of the band and at each observed point, as exact decimal text) and its seconds;
 * joined, the episodes score exactly as in one process.
 */
final class ValidateShards {

    static final String KIND = "validate";

    private ValidateShards() {
    }

    /** Runs what the journal lacks of the shard, one run at a time; returns how many ran. */
    static int run(List<Episode> episodes, List<Variation> variations, int replicates, SweepPlan.Shard shard,
            ShardJournal journal, LongConsumer progress) {
        int ran = 0;
        for (int u : ShardSet.owned(shard, episodes.size() * replicates, x -> x)) {
            if (journal.done().containsKey(u)) {
                continue;
            }
            int e = u / replicates;
            int r = u % replicates;
            Episode episode = episodes.get(e);
            long started = System.nanoTime();
            double[] values;
            try {
                values = Validation.replicate(episode, variations.get(e).draw(episode.scenario().seed() + r).scenario());
            } catch (RuntimeException ex) {
                throw new IllegalStateException("run of " + episode.name() + ", replicate " + r + " failed: " + ex, ex);
            }
            ObjectNode line = RunWriter.json().createObjectNode();
            line.put("episode", episode.name());
            line.put("replicate", r);
            line.put("seconds", Double.toString((System.nanoTime() - started) / 1e9));
            ArrayNode v = line.putArray("values");
            for (double x : values) {
                v.add(Double.toString(x));
            }
            try {
                journal.append(u, line);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            progress.accept(++ran);
        }
        return ran;
    }

    /** The episodes scored on the shards' runs (all present), each with the seconds its runs took in the shards. */
    static List<EpisodeResult> score(List<Episode> episodes, int replicates, Map<Integer, JsonNode> units) {
        List<EpisodeResult> out = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            List<double[]> runs = new ArrayList<>();
            double seconds = 0;
            for (int r = 0; r < replicates; r++) {
                JsonNode line = units.get(e * replicates + r);
                JsonNode v = line.path("values");
                double[] values = new double[v.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(v.get(i).asText());
                }
                runs.add(values);
                seconds += Double.parseDouble(line.path("seconds").asText("0"));
            }
            out.add(Validation.score(episodes.get(e), runs, seconds));
        }
        return out;
    }
}
