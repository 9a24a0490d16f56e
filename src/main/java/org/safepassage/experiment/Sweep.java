package org.safepassage.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.InputFiles;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Study;

/**
 * A sweep's life in its output folder: start (or resume) it, run what is missing, and finish
 * it (runs.csv in canonical order, summary.csv, sensitivity.csv). While a sweep is unfinished
 * the folder holds {@value #STATE}, naming the study (and its SHA-256) and the shard, so that a
 * plain restart does not overwrite it and {@code --resume} does not mix in another study.
 */
public final class Sweep {

    public static final String RUNS = "runs.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String SENSITIVITY = "sensitivity.csv";
    public static final String PAIRED = "paired.csv";
    public static final String STATE = "sweep-state.json";

    /** The output folder cannot be used as asked (unfinished sweep, another study, missing shards). */
    public static final class StateException extends Exception {
        private static final long serialVersionUID = 1L;

        public StateException(String message) {
            super(message);
        }
    }

    /**
     * What a call to {@link #run} did.
     *
     * @param ranNow runs finished by this call
     * @param done runs of the shard finished in all
     * @param total runs of the shard
     * @param resumedFrom runs found finished at the start
     */
    public record Outcome(int ranNow, int done, int total, int resumedFrom) {
        public boolean complete() {
            return done == total;
        }
    }

    private Sweep() {
    }

    /**
     * Runs the plan's missing runs into {@code dir}/runs.csv. Without {@code resume} the folder
     * must not hold an unfinished sweep; its old results are removed. With it, the lines already
     * in runs.csv are kept (a crash's partial last line cut off) and only the rest are run.
     * When the shard is complete, runs.csv is put in canonical order. {@code inputs} (see
     * {@link #inputs}) is recorded in the unfinished-sweep marker; a resume is refused when any
     * input differs from the marker's, naming the changed file.
     */
    public static Outcome run(SweepPlan plan, Map<String, String> inputs, Path dir, int threads, boolean resume,
            int maxRuns, SweepRunner.Listener listener) throws IOException, StateException,
            SweepRunner.PointException, InterruptedException {
        Files.createDirectories(dir);
        Path runs = dir.resolve(RUNS);
        Path state = dir.resolve(STATE);
        String studySha = Manifest.sha256(plan.design().study().source());
        BitSet done = new BitSet();
        if (resume) {
            if (Files.exists(state)) {
                checkState(state, plan, studySha);
                checkInputs(state, inputs);
            }
            removeTemporaries(dir);
            if (Files.exists(runs)) {
                RunsFile.Contents contents;
                try {
                    contents = RunsFile.read(runs, plan);
                } catch (RunsFile.MismatchException e) {
                    throw new StateException("cannot resume: " + e.getMessage());
                }
                RunsFile.truncate(runs, contents.validBytes());
                done = contents.done();
            }
            RunDetailsFiles.rewrite(dir, plan, done); // the rows of runs not in runs.csv are run again
        } else {
            if (Files.exists(state)) {
                int count = Files.exists(runs) ? countLines(runs) : 0;
                throw new StateException(dir + " holds an unfinished sweep (" + count + " runs written); "
                        + "add --resume to finish it, or remove the folder to start again");
            }
            for (String name : new String[] {RUNS, SUMMARY, SENSITIVITY, PAIRED}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            for (RunDetails.Kind kind : RunDetails.Kind.values()) {
                Files.deleteIfExists(dir.resolve(kind.file()));
            }
        }
        writeState(state, plan, studySha, inputs);
        int resumedFrom = done.cardinality();
        int ran = SweepRunner.run(plan, done, runs, threads, maxRuns, listener);
        Outcome outcome = new Outcome(ran, resumedFrom + ran, plan.shardTasks(), resumedFrom);
        if (outcome.complete()) {
            RunsFile.canonicalise(runs, plan);
            RunDetailsFiles.rewrite(dir, plan, null);
        }
        return outcome;
    }

    /**
     * Writes summary.csv and, for Saltelli designs, sensitivity.csv, for factorial designs
     * paired.csv, from a complete canonical runs.csv.
     */
    public static SweepSummary summarise(SweepPlan plan, Path dir) throws IOException {
        SweepSummary summary = SweepSummary.of(dir.resolve(RUNS), plan);
        summary.writeSummary(dir.resolve(SUMMARY), plan.design());
        if (plan.design().isSaltelli()) {
            summary.writeSensitivity(dir.resolve(SENSITIVITY));
            Files.deleteIfExists(dir.resolve(PAIRED));
        } else {
            summary.writePaired(dir.resolve(PAIRED), plan.design());
            Files.deleteIfExists(dir.resolve(SENSITIVITY));
        }
        return summary;
    }

    /** Removes the unfinished-sweep marker: the last step, once every output is written. */
    public static void markFinished(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(STATE));
    }

    /** True when the folder holds an unfinished sweep. */
    public static boolean unfinished(Path dir) {
        return Files.exists(dir.resolve(STATE));
    }

    /** Temporary files of atomic writes that a crash left behind (".NAME.RANDOM.tmp", see AtomicFiles). */
    private static void removeTemporaries(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Every input of a sweep of {@code study} and its SHA-256 ("missing" for a file that cannot
     * be read), keyed by its path relative to the study file's folder, then {@code "program"}:
     * {@code program} (version and commit). This is the manifest's {@code inputs} object.
     */
    public static Map<String, String> inputs(Study study, String program) throws IOException {
        return inputs(study, program, null);
    }

    /**
     * The same, with the ensemble of {@code sweep --ensemble} under the key {@value #ENSEMBLE_OPTION}:
     * {@code none}, or the file's path and SHA-256 (a resume with another ensemble, or a changed
     * file, is refused like any changed input).
     */
    public static Map<String, String> inputs(Study study, String program, SweepPlan plan) throws IOException {
        Map<String, String> out = baseInputs(study, program);
        String ensemble = plan.ensemble();
        if (!plan.details().isEmpty()) {
            out.put(OUTPUTS_OPTION, plan.details().text());
        }
        if (ensemble != null) {
            Path file = Path.of(ensemble);
            out.put(ENSEMBLE_OPTION, ScenarioLoader.NO_ENSEMBLE.equals(ensemble) ? ensemble
                    : ensemble + " " + (Files.isRegularFile(file) ? Manifest.sha256(file) : "missing"));
        }
        return out;
    }

    /** The key of the {@code --ensemble} option in {@link #inputs(Study, String, SweepPlan)}. */
    public static final String ENSEMBLE_OPTION = "--ensemble";

    /** The key of the {@code --outputs} option (with its hourly step) in {@link #inputs(Study, String, SweepPlan)}. */
    public static final String OUTPUTS_OPTION = "--outputs";

    private static Map<String, String> baseInputs(Study study, String program) throws IOException {
        Path home = study.source().toAbsolutePath().normalize().getParent();
        Map<String, String> out = new LinkedHashMap<>();
        for (Path file : InputFiles.ofStudy(study)) {
            Path absolute = file.toAbsolutePath().normalize();
            String key = (home == null ? absolute : home.relativize(absolute)).toString()
                    .replace(java.io.File.separatorChar, '/');
            out.put(key, Files.isRegularFile(absolute) ? Manifest.sha256(absolute) : "missing");
        }
        out.put(PROGRAM, program);
        return out;
    }

    /** The key of the program's version and commit in {@link #inputs}. */
    public static final String PROGRAM = "program";

    private static void checkInputs(Path state, Map<String, String> inputs) throws IOException, StateException {
        JsonNode then = RunWriter.json().readTree(state.toFile()).path("inputs");
        if (!then.isObject()) {
            return; // a marker written before inputs were recorded: only the study's hash is known
        }
        List<String> changed = new ArrayList<>();
        Map<String, String> before = new LinkedHashMap<>();
        then.fields().forEachRemaining(e -> before.put(e.getKey(), e.getValue().asText()));
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                changed.add(e.getKey() + " (not read when the sweep started)");
            } else if (!old.equals(e.getValue())) {
                changed.add(PROGRAM.equals(e.getKey())
                        ? "the program (" + old + " then, " + e.getValue() + " now)"
                        : e.getKey().startsWith("--") ? e.getKey() + " (" + old + " then, " + e.getValue() + " now)"
                        : e.getKey() + " (SHA-256 " + abbreviate(old) + " then, " + abbreviate(e.getValue()) + " now)");
            }
        }
        for (String key : before.keySet()) {
            if (!inputs.containsKey(key)) {
                changed.add(key + " (read when the sweep started, not now)");
            }
        }
        if (!changed.isEmpty()) {
            throw new StateException("cannot resume: " + (changed.size() == 1 ? "an input" : changed.size() + " inputs")
                    + " changed since the sweep in " + state.getParent() + " started: " + String.join("; ", changed)
                    + "; restore " + (changed.size() == 1 ? "it" : "them") + ", or remove the folder to start again");
        }
    }

    private static void writeState(Path state, SweepPlan plan, String studySha, Map<String, String> inputs)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "running");
        m.put("study", plan.design().study().source().toString());
        m.put("studySha256", studySha);
        m.put("shard", plan.shard().toString());
        m.put("runs", plan.shardTasks());
        m.put("inputs", inputs);
        RunWriter.writeJson(state, m);
    }

    private static void checkState(Path state, SweepPlan plan, String studySha) throws IOException, StateException {
        JsonNode node = RunWriter.json().readTree(state.toFile());
        String sha = node.path("studySha256").asText();
        String shard = node.path("shard").asText();
        if (!sha.equals(studySha)) {
            throw new StateException("cannot resume: the study file changed since the sweep in "
                    + state.getParent() + " started (SHA-256 " + abbreviate(sha) + " then, " + abbreviate(studySha)
                    + " now)");
        }
        if (!shard.equals(plan.shard().toString())) {
            throw new StateException("cannot resume: the sweep in " + state.getParent() + " is shard " + shard
                    + ", not " + plan.shard());
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static int countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return (int) Math.max(0, lines.count() - 1);
        }
    }
}
