package org.safepassage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safepassage.api.Model;
import org.safepassage.api.RunResult;
import org.safepassage.api.ScenarioException;
import org.safepassage.api.Simulator;
import org.safepassage.api.TimeSeriesTable;
import org.safepassage.metrics.RunWriter;

/**
 * The requests of {@code serve}, answered through the stable API ({@link Simulator}). A loaded
 * scenario is kept for the next request with the same file (unchanged since), text and overrides,
 * so that a script's many runs of one scenario load it once.
 */
final class ServeRequests {
    static final Set<String> KEYS = Set.of("id", "scenario", "scenarioText", "label", "set", "seed", "return");
    static final Set<String> RETURNS = Set.of("summary", "timeseries", "corridors", "parameters");
    /** How many loaded scenarios are kept. */
    private static final int KEPT = 16;

    private final ObjectMapper json;
    private final Map<String, Model> loaded = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Model> eldest) {
            return size() > KEPT;
        }
    };

    ServeRequests(ObjectMapper json) {
        this.json = json;
    }

    /** The response to one request line ({@code number} counts lines from 1, for messages). */
    JsonNode answer(String line, long number) {
        return prepare(line, number).get();
    }

    /**
     * Reads, checks and loads one request line on the calling thread (the cache of loaded
     * scenarios is used by this thread alone); the returned task runs the model and may run on
     * any thread. A request that cannot be run gets a task that returns its error response.
     */
    java.util.function.Supplier<JsonNode> prepare(String line, long number) {
        ObjectNode response = json.createObjectNode();
        JsonNode request;
        try {
            request = json.readTree(line);
        } catch (JsonProcessingException e) {
            JsonNode r = error(response, List.of("request " + number + ": not JSON (" + e.getOriginalMessage()
                    + "); expected one JSON object per line"));
            return () -> r;
        }
        if (request == null || !request.isObject()) {
            JsonNode r = error(response, List.of("request " + number + ": found " + (request == null ? "nothing"
                    : request.getNodeType().toString().toLowerCase()) + "; expected a JSON object"));
            return () -> r;
        }
        if (request.has("id")) {
            response.set("id", request.get("id"));
        }
        List<String> problems = new ArrayList<>();
        request.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add("request " + number + ": unknown key '" + k + "'; expected some of " + sorted(KEYS));
            }
        });
        boolean file = request.hasNonNull("scenario");
        boolean text = request.hasNonNull("scenarioText");
        if (file == text) {
            problems.add("request " + number + ": expected exactly one of 'scenario' (a file path) and "
                    + "'scenarioText' (YAML text)");
        }
        List<String> sets = strings(request, "set", number, problems);
        List<String> returns = request.has("return") ? strings(request, "return", number, problems) : List.of("summary");
        for (String r : returns) {
            if (!RETURNS.contains(r)) {
                problems.add("request " + number + ": 'return' has '" + r + "'; expected some of " + sorted(RETURNS));
            }
        }
        JsonNode seedNode = request.get("seed");
        if (seedNode != null && !seedNode.isNull() && !validSeed(seedNode)) {
            problems.add("request " + number + ": 'seed' is " + seedNode + "; expected a whole number "
                    + "(a string of digits keeps 64-bit seeds exact)");
        }
        if (!problems.isEmpty()) {
            JsonNode r = error(response, problems);
            return () -> r;
        }
        Model model;
        try {
            model = file ? fromFile(request.get("scenario").asText(), sets)
                    : fromText(request.get("scenarioText").asText(),
                            request.hasNonNull("label") ? request.get("label").asText() : "(request)", sets);
        } catch (ScenarioException e) {
            JsonNode r = error(response, e.problems());
            return () -> r;
        }
        long seed = seedNode == null || seedNode.isNull() ? model.seed()
                : seedNode.isTextual() ? Long.parseLong(seedNode.asText()) : seedNode.asLong();
        return () -> run(response, model, seed, returns);
    }

    /** Runs one checked request and fills its response (any thread: models and the mapper are thread-safe). */
    private JsonNode run(ObjectNode response, Model model, long seed, List<String> returns) {
        RunResult result = model.run(seed);
        response.put("ok", true);
        response.put("scenario", result.scenario());
        response.put("seed", result.seed());
        // the seed as text too: JSON readers that hold numbers as doubles (JavaScript, R) round above 2^53
        response.put("seedText", Long.toString(result.seed()));
        for (String r : returns) {
            switch (r) {
                case "summary" -> {
                    ObjectNode summary = response.putObject("summary");
                    result.summary().forEach((k, v) -> summary.set(k, number(v)));
                }
                case "corridors" -> response.set("corridors", json.valueToTree(result.byCorridor()));
                case "parameters" -> response.set("parameters", json.valueToTree(model.parameters()));
                case "timeseries" -> response.set("timeseries", timeSeries(result.timeSeries()));
                default -> throw new IllegalStateException(r);
            }
        }
        return response;
    }

    private static boolean validSeed(JsonNode seed) {
        if (seed.isTextual()) {
            try {
                Long.parseLong(seed.asText());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return seed.isIntegralNumber() && seed.canConvertToLong();
    }

    private Model fromFile(String path, List<String> sets) throws ScenarioException {
        Path file = Path.of(path);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            modified = null; // the loader says what is wrong with the path
        }
        String key = "file\u0000" + file.toAbsolutePath().normalize() + "\u0000" + modified + "\u0000" + sets;
        Model m = modified == null ? null : loaded.get(key);
        if (m == null) {
            m = Simulator.load(file, sets);
            loaded.put(key, m);
        }
        return m;
    }

    private Model fromText(String text, String label, List<String> sets) throws ScenarioException {
        String key = "text\u0000" + label + "\u0000" + text + "\u0000" + sets;
        Model m = loaded.get(key);
        if (m == null) {
            m = Simulator.parse(text, label, sets);
            loaded.put(key, m);
        }
        return m;
    }

    /** Columns and rows: {"columns": [...], "rows": [[...], ...]}. */
    private JsonNode timeSeries(TimeSeriesTable t) {
        ObjectNode node = json.createObjectNode();
        ArrayNode columns = node.putArray("columns");
        t.columns().forEach(columns::add);
        ArrayNode rows = node.putArray("rows");
        for (int i = 0; i < t.size(); i++) {
            ArrayNode row = rows.addArray();
            for (double v : t.row(i)) {
                row.add(number(v));
            }
        }
        return node;
    }

    /** A number as the CSV files write it (RunWriter.number: whole numbers bare, 6 decimals at most); NaN as null. */
    private JsonNode number(double v) {
        String text = RunWriter.number(v);
        return text.isEmpty() ? json.getNodeFactory().nullNode()
                : json.getNodeFactory().numberNode(new java.math.BigDecimal(text));
    }

    private static List<String> strings(JsonNode request, String key, long number, List<String> problems) {
        JsonNode node = request.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("request " + number + ": '" + key + "' is " + node + "; expected a list of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                problems.add("request " + number + ": '" + key + "' has " + item + "; expected a string");
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    private JsonNode error(ObjectNode response, List<String> problems) {
        response.put("ok", false);
        ArrayNode errors = response.putArray("errors");
        problems.forEach(errors::add);
        return response;
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
