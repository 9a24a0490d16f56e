package org.safepassage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage serve}: runs scenarios for other programs, one JSON request per line (docs/API.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Answers run requests as JSON lines on standard input and output, for scripts.",
        description = {"Reads one JSON request per line on standard input and writes one JSON response per line",
            "on standard output, in the same order, until the input ends; one program start serves any",
            "number of runs. A request: {\"id\": 7, \"scenario\": \"scenarios/pause-24h.yaml\" (or",
            "\"scenarioText\": \"...YAML...\"), \"set\": [\"pauses[pause].notice=PT0S\"], \"seed\": 42,",
            "\"return\": [\"summary\", \"timeseries\", \"corridors\", \"parameters\"]} (all but the scenario",
            "optional; summary by default). A response: {\"id\": 7, \"ok\": true, \"seed\": 42, \"summary\": {...}}",
            "or {\"id\": 7, \"ok\": false, \"errors\": [\"FILE:LINE:COL: error: ...\"]}, with the messages of check.",
            "See docs/API.md."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        ServeRequests requests = new ServeRequests(json);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode response = requests.answer(line, number);
            try {
                out.println(json.writeValueAsString(response));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
