package org.safepassage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage serve}: runs scenarios for other programs, one JSON request per line (docs/API.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Answers run requests as JSON lines on standard input and output, for scripts.",
        description = {"Reads one JSON request per line on standard input and writes one JSON response per line",
            "on standard output, in the same order, until the input ends; one program start serves any",
            "number of runs; with --threads N up to N runs go at once, answered in the order asked (the",
            "same bytes as one at a time). A request: {\"id\": 7, \"scenario\": \"scenarios/pause-24h.yaml\" (or",
            "\"scenarioText\": \"...YAML...\"), \"set\": [\"pauses[pause].notice=PT0S\"], \"seed\": 42,",
            "\"return\": [\"summary\", \"timeseries\", \"corridors\", \"parameters\"]} (all but the scenario",
            "optional; summary by default). A response: {\"id\": 7, \"ok\": true, \"seed\": 42, \"summary\": {...}}",
            "or {\"id\": 7, \"ok\": false, \"errors\": [\"FILE:LINE:COL: error: ...\"]}, with the messages of check.",
            "See docs/API.md."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SharedOptions.Threads threadsOption;
    /** Runs at a time; responses keep the order of the requests and are the same bytes on any number. */
    private int threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        threads = threadsOption.or(1);
        if (threads < 1) {
            spec.commandLine().getErr().println("safepassage serve: error: --threads: " + threads
                    + "; expected a whole number of at least 1");
            return ExitCode.BAD_INPUT;
        }
        ObjectMapper json = new ObjectMapper();
        ServeRequests requests = new ServeRequests(json);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (threads == 1) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    write(out, json, requests.answer(line, number));
                }
            }
            return ExitCode.OK;
        }
        return concurrently(in, out, json, requests);
    }

    /**
     * Reads and checks requests on this thread, runs up to {@code threads} at once, and writes the
     * responses in the order of the requests from a writer thread; at most two responses per
     * thread wait for an earlier one, so a slow request holds back reading, not memory.
     */
    private int concurrently(BufferedReader in, PrintWriter out, ObjectMapper json, ServeRequests requests)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "serve-run");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<JsonNode>> answers = new ArrayBlockingQueue<>(2 * threads);
        Future<JsonNode> end = CompletableFuture.completedFuture(null);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                // after a failed run the rest is taken and dropped, so that the reader never waits for room
                for (Future<JsonNode> f = answers.take(); f != end; f = answers.take()) {
                    if (failed.get() == null) {
                        try {
                            write(out, json, f.get());
                        } catch (ExecutionException e) {
                            failed.set(e.getCause());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-writer");
        writer.start();
        try {
            String line;
            long number = 0;
            while (failed.get() == null && (line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    Supplier<JsonNode> task = requests.prepare(line, number);
                    answers.put(pool.submit(task::get));
                }
            }
            answers.put(end);
            writer.join();
        } finally {
            pool.shutdownNow();
        }
        Throwable t = failed.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return ExitCode.OK;
    }

    private static void write(PrintWriter out, ObjectMapper json, JsonNode response) {
        try {
            out.println(json.writeValueAsString(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
