package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code safepassage serve}: one JSON response per request line, the numbers of {@code run}, check's messages. */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<JsonNode> serve(String... lines) throws Exception {
        return serveOn(1, lines).lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    /** The raw output of {@code serve --threads N} for these request lines. */
    private static String serveOn(int threads, String... lines) {
        InputStream saved = System.in;
        RunCommandTest.Outcome o;
        try {
            System.setIn(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            o = RunCommandTest.execute("serve", "--threads", Integer.toString(threads));
        } finally {
            System.setIn(saved);
        }
        assertEquals(ExitCode.OK, o.code(), o.err());
        assertEquals("", o.err());
        return o.out();
    }

    @Test
    void onThreadsTheResponsesAreTheSequentialOnesInTheSameOrder() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // runs of unequal length (6 h to 2 days of pause), so that later requests finish first
            lines.add("{\"id\": \"r" + i + "\", \"scenario\": \"scenarios/teaching.yaml\", \"seed\": " + (100 + i)
                    + ", \"set\": [\"pauses[0].duration=PT" + (48 - 5 * i) + "H\"], \"return\": [\"summary\", \"corridors\"]}");
        }
        lines.add(4, "not json");
        lines.add(7, "{\"id\": \"bad\", \"scenario\": \"scenarios/teaching.yaml\", \"set\": [\"clock.tickMinutes=500\"]}");
        String[] requests = lines.toArray(String[]::new);
        String sequential = serveOn(1, requests);
        String threaded = serveOn(3, requests);
        assertEquals(sequential, threaded);
        List<String> ids = threaded.lines().map(l -> {
            try {
                JsonNode n = JSON.readTree(l);
                return n.has("id") ? n.get("id").asText() : "-";
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(List.of("r0", "r1", "r2", "r3", "-", "r4", "r5", "bad", "r6", "r7", "r8"), ids);
    }

    @Test
    void threadsBelowOneAreRefused() {
        RunCommandTest.Outcome o = RunCommandTest.execute("serve", "--threads", "0");
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--threads: 0; expected a whole number of at least 1"), o.err());
    }

    @Test
    void aResponseHasTheSummaryAndTimeSeriesTheRunCommandWrites() throws Exception {
        Path out = tmp.resolve("run");
        RunCommandTest.Outcome run = RunCommandTest.execute("run", "scenarios/teaching.yaml", "--seed", "11",
                "--set", "pauses[0].duration=PT24H", "--out", out.toString(), "-q");
        assertEquals(ExitCode.OK, run.code(), run.err());
        List<JsonNode> r = serve("{\"id\": \"a\", \"scenario\": \"scenarios/teaching.yaml\", \"seed\": 11, "
                + "\"set\": [\"pauses[0].duration=PT24H\"], \"return\": [\"summary\", \"timeseries\"]}");
        assertEquals(1, r.size());
        JsonNode resp = r.get(0);
        assertEquals("a", resp.get("id").asText());
        assertTrue(resp.get("ok").asBoolean(), resp.toString());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        for (String k : List.of("evacuated", "killed", "remaining", "peakQueue", "initialPersons")) {
            assertEquals(summary.get(k).asLong(), resp.get("summary").get(k).asLong(), k);
        }
        List<String> csv = Files.readAllLines(out.resolve("timeseries.csv"));
        JsonNode ts = resp.get("timeseries");
        assertEquals(csv.get(0), String.join(",", JSON.convertValue(ts.get("columns"), String[].class)));
        assertEquals(csv.size() - 1, ts.get("rows").size());
        String lastRow = csv.get(csv.size() - 1);
        StringBuilder b = new StringBuilder();
        for (JsonNode v : ts.get("rows").get(ts.get("rows").size() - 1)) {
            b.append(b.length() == 0 ? "" : ",").append(v.isNull() ? "" : v.asText());
        }
        assertEquals(lastRow, b.toString());
    }

    @Test
    void badRequestsAreAnsweredWithErrorsAndTheNextRequestsStillRun() throws Exception {
        List<JsonNode> r = serve(
                "{\"id\": 1, \"scenario\": \"scenarios/teaching.yaml\", \"set\": [\"clock.tickMinutes=500\"]}",
                "not json",
                "{\"id\": 3, \"scenario\": \"scenarios/teaching.yaml\", \"colour\": 1}",
                "[1, 2]",
                "{\"id\": 5, \"seed\": \"3595544800446187243\", \"scenario\": \"scenarios/teaching.yaml\"}");
        assertEquals(5, r.size());
        assertFalse(r.get(0).get("ok").asBoolean());
        assertEquals("--set:1:19: error: clock.tickMinutes: found 500; a whole number from 1 to 60",
                r.get(0).get("errors").get(0).asText());
        assertTrue(r.get(1).get("errors").get(0).asText().startsWith("request 2: not JSON"), r.get(1).toString());
        assertTrue(r.get(2).get("errors").get(0).asText().contains("unknown key 'colour'"), r.get(2).toString());
        assertEquals(3, r.get(2).get("id").asInt());
        assertTrue(r.get(3).get("errors").get(0).asText().contains("expected a JSON object"), r.get(3).toString());
        assertTrue(r.get(4).get("ok").asBoolean(), r.get(4).toString());
        assertEquals("3595544800446187243", r.get(4).get("seedText").asText());
        assertEquals(3595544800446187243L, r.get(4).get("seed").asLong());
    }

    @Test
    void scenarioTextIsLoadedLikeItsFile() throws Exception {
        String text = Files.readString(Path.of("scenarios", "teaching.yaml"));
        List<JsonNode> r = serve(
                JSON.writeValueAsString(java.util.Map.of("scenarioText", text, "label", "scenarios/(text)", "seed", 4)),
                "{\"scenario\": \"scenarios/teaching.yaml\", \"seed\": 4}");
        assertEquals(r.get(1).get("summary"), r.get(0).get("summary"));
    }
}
