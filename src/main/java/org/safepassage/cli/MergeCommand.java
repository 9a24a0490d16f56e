package org.safepassage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.safepassage.output.SweepOutput;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.RunDetails;
import org.safepassage.experiment.RunDetailsFiles;
import org.safepassage.experiment.RunsMerge;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.Sweep;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.StagedDirectory;
import org.safepassage.report.Report;
import org.safepassage.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code safepassage merge DIR...}: joins the output folders of a study's shards (or of earlier
 * partial merges) into the outputs of the whole, streaming (see {@link RunsMerge}), in a staging
 * folder published at the end, under the output folder's lock.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Joins the shards of a sweep into one sweep's files.",
        description = {"Joins the folders written by 'safepassage sweep STUDY --shard I/N' (all N",
            "of them, in any number) into the files one whole sweep writes: runs.csv, summary.csv,",
            "paired.csv or sensitivity.csv, manifest.json, charts and report.html. A folder written",
            "by 'merge --partial' (some of the shards) counts as the shards it holds. Folders of",
            "another study, of other inputs (manifest 'inputs'), or holding a shard twice are",
            "refused. Killed, it leaves no finished-looking output; run it again."})
final class MergeCommand implements Callable<Integer> {

    /** Marks an output folder while a merge publishes into it (the unfinished-sweep marker). */
    static final String MERGING = "merging";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' output folders.")
    private List<Path> dirs;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Option(names = "--study", paramLabel = "STUDY",
            description = "The study file, when it has moved since the shards ran (default: as the shards' manifests say).")
    private Path studyOverride;

    @Option(names = "--partial", description = "Allow a subset of the shards: writes only runs.csv and manifest.json, "
            + "to be merged again with the rest.")
    private boolean partial;

    @Mixin
    private SharedOptions.Quiet quietOption;

    @Mixin
    private SharedOptions.Bom bom;
    private boolean quiet;

    /**
     * What one input folder holds, from its manifest (only the fields merge compares: a
     * manifest lists every replicate's seed, too much to keep for a thousand folders).
     */
    private record Input(Path dir, String studySha, String studyFile, String baseSha, JsonNode inputs, int count,
            BitSet shards) {
    }

    @Override
    public Integer call() throws IOException {
        out = outOption.given();
        quiet = quietOption.on();
        Interrupted interrupted = new Interrupted(spec.commandLine().getErr(), commandLine());
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return merge();
        } finally {
            interrupted.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs
            }
        }
    }

    private int merge() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dirs.stream().anyMatch(d -> Files.exists(d.resolve(ShardJournal.FILE)))) {
            return mergeShardsOfCompareOrValidate(stdout, err);
        }
        List<Input> inputs = new ArrayList<>();
        for (Path d : dirs) {
            Input in = readInput(d, err);
            if (in == null) {
                return ExitCode.BAD_INPUT;
            }
            String mismatch = inputs.isEmpty() ? null : mismatch(inputs.get(0), in);
            if (mismatch != null) {
                err.println(d.resolve("manifest.json") + ": error: " + mismatch);
                return ExitCode.BAD_INPUT;
            }
            inputs.add(in);
        }
        int count = inputs.get(0).count();
        Map<Integer, Path> owner = new LinkedHashMap<>();
        BitSet all = new BitSet();
        for (Input in : inputs) {
            for (int i = in.shards().nextSetBit(0); i >= 0; i = in.shards().nextSetBit(i + 1)) {
                Path before = owner.put(i, in.dir());
                if (before != null) {
                    err.println(in.dir().resolve("manifest.json") + ": error: shard " + i + "/" + count
                            + " is also in " + before + "; expected each shard once");
                    return ExitCode.BAD_INPUT;
                }
            }
            all.or(in.shards());
        }
        boolean complete = all.cardinality() == count;
        if (!complete && !partial) {
            BitSet missing = new BitSet();
            missing.set(1, count + 1);
            missing.andNot(all);
            err.println("merge: error: shards " + ranges(missing) + " of " + count + " are missing; expected all "
                    + count + " (or --partial to merge some of them)");
            return ExitCode.BAD_INPUT;
        }
        if (partial && out == null) {
            err.println("--partial: error: needs --out (a folder for the partial merge)");
            return ExitCode.BAD_INPUT;
        }
        String studySha = inputs.get(0).studySha();
        Path studyFile = studyOverride != null ? studyOverride : Path.of(inputs.get(0).studyFile());
        Study study = Inputs.loadStudy(studyFile, err);
        if (study == null) {
            return ExitCode.BAD_INPUT;
        }
        if (!Manifest.sha256(studyFile).equals(studySha)) {
            err.println(studyFile + ": error: the study file changed since the shards ran (SHA-256 differs); "
                    + "expected the file they ran");
            return ExitCode.BAD_INPUT;
        }
        String baseSha = inputs.get(0).baseSha();
        if (!baseSha.isEmpty() && !Manifest.sha256(study.base()).equals(baseSha)) {
            err.println(study.base() + ": error: the base scenario changed since the shards ran (SHA-256 differs); "
                    + "expected the file they ran");
            return ExitCode.BAD_INPUT;
        }
        Design design = Design.of(study);
        SweepPlan plan = new SweepPlan(design, SweepPlan.Shard.WHOLE);
        Path dir = out != null ? out : SweepCommand.defaultDir(study, SweepPlan.Shard.WHOLE);
        if (Files.isRegularFile(dir)) {
            err.println("--out: error: " + dir + " is a file; expected a folder (new or existing)");
            return ExitCode.BAD_INPUT;
        }
        if (Sweep.unfinished(dir) && !MERGING.equals(stateStatus(dir))) {
            err.println("--out: error: " + dir + " holds an unfinished sweep; finish it with 'sweep --resume', "
                    + "or merge into another folder");
            return ExitCode.BAD_INPUT;
        }
        FolderLock lock = OutputLock.take(dir, commandLine(), "safepassage merge", err, quiet);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        try (lock) {
            long started = System.nanoTime();
            removeStaleStaging(dir);
            SweepSummary summary = null;
            try (StagedDirectory staged = StagedDirectory.create(dir)) {
                List<RunsMerge.Part> parts = new ArrayList<>();
                for (Input in : inputs) {
                    parts.add(new RunsMerge.Part(in.dir().toString(), in.dir().resolve(Sweep.RUNS), in.shards()));
                }
                if (!quiet && parts.size() > RunsMerge.FAN_IN) {
                    err.printf("merging %d folders in passes of up to %d…%n", parts.size(), RunsMerge.FAN_IN);
                    err.flush();
                }
                try {
                    RunsMerge.merge(plan, count, parts, staged.path().resolve(Sweep.RUNS),
                            staged.path().resolve(".passes"));
                    RunDetailsFiles.merge(inputs.stream().map(Input::dir).toList(), staged.path(), plan);
                } catch (Sweep.StateException e) {
                    err.println("merge: error: " + e.getMessage());
                    return ExitCode.BAD_INPUT;
                }
                if (complete) {
                    summary = SweepOutput.finish(plan, staged.path());
                }
                Map<String, Object> manifest = SweepOutput.manifest(plan, commandLine());
                JsonNode recorded = inputs.get(0).inputs();
                if (recorded != null) {
                    manifest.put("inputs", recorded); // what the runs used, not what the files hold now
                }
                if (!complete) {
                    manifest.remove("shard");
                    Map<String, Object> shards = new LinkedHashMap<>();
                    shards.put("count", count);
                    shards.put("indices", ranges(all));
                    manifest.put("shards", shards);
                    long runs = 0;
                    for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
                        runs += RunsMerge.shardRuns(plan.totalTasks(), count, i);
                    }
                    manifest.put("shardRuns", runs);
                }
                manifest.put("mergedFrom", inputs.stream().map(in -> in.dir().toString()).toList());
                manifest.put("wallSeconds", Math.round((System.nanoTime() - started) / 1e6) / 1000.0);
                SweepOutput.writeManifest(staged.path(), manifest);
                if (complete) {
                    Report.writeSweep(staged.path());
                }
                bom.apply(staged.path());
                // from here the folder is marked unfinished until every file is in place
                markMerging(dir, plan, commandLine());
                for (String name : new String[] {Sweep.SUMMARY, Sweep.SENSITIVITY, Sweep.PAIRED,
                    RunDetails.Kind.corridors.file(), RunDetails.Kind.neighbourhoods.file(), RunDetails.Kind.hourly.file()}) {
                    if (!Files.exists(staged.path().resolve(name))) {
                        Files.deleteIfExists(dir.resolve(name));
                    }
                }
                staged.publish();
                Sweep.markFinished(dir);
            }
            if (!quiet) {
                if (summary != null) {
                    SweepOutput.print(stdout, design, summary);
                }
                stdout.printf("merged %d folders (%s of %d shards, %d runs) into %s/%n", inputs.size(),
                        complete ? "all" : ranges(all), count, plan.totalTasks(), dir);
            }
            return ExitCode.OK;
        }
    }

    /** The folder's manifest, or null after printing why it cannot be merged. */
    /**
     * Shards of compare or validate: the command itself joins them (--from-shards), with the
     * arguments a shard's manifest records, so that it writes the very files one process does.
     */
    private int mergeShardsOfCompareOrValidate(PrintWriter stdout, PrintWriter err) throws IOException {
        JsonNode manifest = null;
        for (Path d : dirs) {
            Path f = d.resolve("manifest.json");
            if (Files.isRegularFile(d.resolve(ShardJournal.FILE)) && Files.isRegularFile(f)) {
                manifest = RunWriter.json().readTree(f.toFile());
                break;
            }
        }
        String kind = manifest == null ? "" : manifest.path("kind").asText();
        if (!kind.equals("compare-shard") && !kind.equals("validate-shard")) {
            err.println("merge: error: " + (manifest == null ? "no finished shard among the folders (none has a "
                    + "manifest.json beside its " + ShardJournal.FILE + "); run the shards' tasks again first"
                    : "a folder with " + ShardJournal.FILE + " but of kind '" + kind + "'") + "; expected the folders "
                    + "of 'compare --shard I/N' or 'validate --shard I/N'");
            return ExitCode.BAD_INPUT;
        }
        if (partial || studyOverride != null) {
            err.println("merge: error: " + (partial ? "--partial" : "--study") + " is for sweep shards; expected the "
                    + "folders of all the shards of one " + kind.replace("-shard", ""));
            return ExitCode.BAD_INPUT;
        }
        List<String> argv = new ArrayList<>();
        manifest.path("arguments").forEach(a -> argv.add(a.asText()));
        argv.add("--from-shards");
        dirs.forEach(d -> argv.add(d.toString()));
        if (out != null) {
            argv.addAll(List.of("--out", out.toString()));
        }
        if (quiet) {
            argv.add("-q");
        }
        if (bom.on()) {
            argv.add("--bom");
        }
        picocli.CommandLine command = new picocli.CommandLine(kind.equals("compare-shard") ? new CompareCommand()
                : new ValidateCommand());
        command.setOut(stdout);
        command.setErr(err);
        return command.execute(argv.toArray(String[]::new));
    }

    private static Input readInput(Path d, PrintWriter err) throws IOException {
        Path manifestFile = d.resolve("manifest.json");
        if (Sweep.unfinished(d)) {
            err.println(d + ": error: " + (MERGING.equals(stateStatus(d))
                    ? "a merge into this folder was interrupted; run that merge again first"
                    : "holds an unfinished sweep; finish it with 'sweep --resume' first"));
            return null;
        }
        if (!Files.isRegularFile(manifestFile)) {
            err.println(d + ": error: no manifest.json; expected the output folder of a finished "
                    + "'safepassage sweep --shard I/N' or 'merge --partial'");
            return null;
        }
        JsonNode m;
        try {
            m = fieldsOf(manifestFile);
        } catch (IOException e) {
            err.println(manifestFile + ": error: unreadable JSON: " + e.getMessage());
            return null;
        }
        try {
            JsonNode shards = m.get("shards");
            if (shards != null) {
                int count = shards.path("count").asInt(0);
                BitSet set = parseRanges(shards.path("indices").asText(""), count);
                return new Input(d, sha(m), m.path("studyFile").asText(""), m.path("baseScenarioSha256").asText(""),
                        m.get("inputs"), count, set);
            }
            SweepPlan.Shard shard = SweepPlan.Shard.parse(m.path("shard").asText(""));
            BitSet set = new BitSet();
            set.set(shard.index());
            return new Input(d, sha(m), m.path("studyFile").asText(""), m.path("baseScenarioSha256").asText(""),
                    m.get("inputs"), shard.count(), set);
        } catch (IllegalArgumentException e) {
            err.println(manifestFile + ": error: shard: " + e.getMessage());
            return null;
        }
    }

    /** Manifest fields merge compares, read without building the rest (a seed for every replicate). */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("studySha256", "studyFile", "shard", "shards",
            "inputs", "baseScenarioSha256");

    private static JsonNode fieldsOf(Path manifestFile) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode m = RunWriter.json().createObjectNode();
        try (com.fasterxml.jackson.core.JsonParser p = RunWriter.json().createParser(manifestFile.toFile())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (FIELDS.contains(name)) {
                    m.set(name, p.readValueAsTree());
                } else {
                    p.skipChildren();
                }
            }
        }
        return m;
    }

    private static String sha(JsonNode manifest) {
        return manifest.path("studySha256").asText("");
    }

    /** Why {@code in} cannot be merged with {@code first}, or null. */
    private static String mismatch(Input first, Input in) {
        if (!first.studySha().equals(in.studySha())) {
            return "studySha256: another study (or another version of the study file) than " + first.dir()
                    + "; expected shards of one study";
        }
        if (!first.baseSha().equals(in.baseSha())) {
            return "baseScenarioSha256: another base scenario than in " + first.dir()
                    + " (the file changed between shards); expected shards run on the same files";
        }
        String inputs = inputsMismatch(first.inputs(), in.inputs());
        if (inputs != null) {
            return "inputs: " + inputs + " than in " + first.dir() + "; expected shards run on the same files and program";
        }
        if (in.count() != first.count()) {
            return "shard: a study split into " + in.count() + " shards; " + first.dir() + " is of "
                    + first.count() + "; expected shards of one split";
        }
        return null;
    }

    /** Which recorded input differs between two manifests' {@code inputs} objects, or null. */
    static String inputsMismatch(JsonNode a, JsonNode b) {
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null) {
            return "the input hashes are " + (a == null ? "recorded here but not" : "not recorded here but")
                    + " (another version of the program)";
        }
        TreeSet<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<String> differ = new ArrayList<>();
        for (String name : names) {
            if (!a.path(name).asText("\u0000").equals(b.path(name).asText("\u0000"))) {
                differ.add(name + " (" + brief(b.path(name).asText("absent")) + " here, "
                        + brief(a.path(name).asText("absent")) + " there)");
            }
        }
        return differ.isEmpty() ? null : "other " + String.join(", ", differ);
    }

    private static String brief(String hash) {
        return hash.matches("[0-9a-f]{64}") ? hash.substring(0, 12) : hash;
    }

    private static String stateStatus(Path dir) {
        try {
            return RunWriter.json().readTree(dir.resolve(Sweep.STATE).toFile()).path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void markMerging(Path dir, SweepPlan plan, String command) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", MERGING);
        m.put("study", plan.design().study().source().toString());
        m.put("studySha256", Manifest.sha256(plan.design().study().source()));
        m.put("shard", SweepPlan.Shard.WHOLE.toString());
        m.put("resume", "run again: " + command);
        RunWriter.writeJson(dir.resolve(Sweep.STATE), m);
    }

    /** Staging folders of merges into {@code dir} that were killed (we hold dir's lock, so none is live). */
    private static void removeStaleStaging(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        String prefix = "." + absolute.getFileName() + ".tmp-";
        try (var siblings = Files.list(absolute.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)) {
                    try (var tree = Files.walk(p)) {
                        for (Path q : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(q);
                        }
                    }
                }
            }
        }
    }

    /** "1-3,7" for {1, 2, 3, 7}. */
    static String ranges(BitSet set) {
        StringBuilder b = new StringBuilder();
        for (int i = set.nextSetBit(0); i >= 0; ) {
            int end = set.nextClearBit(i) - 1;
            b.append(b.length() > 0 ? "," : "").append(i).append(end > i ? "-" + end : "");
            i = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    static BitSet parseRanges(String text, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("shards.count " + count + "; expected at least 1");
        }
        BitSet set = new BitSet();
        for (String part : text.split(",")) {
            String[] ends = part.trim().split("-");
            try {
                int lo = Integer.parseInt(ends[0].trim());
                int hi = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : lo;
                if (ends.length > 2 || lo < 1 || hi > count || lo > hi) {
                    throw new NumberFormatException();
                }
                set.set(lo, hi + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shards.indices '" + text + "'; expected ranges such as 1-64,70 "
                        + "within 1-" + count);
            }
        }
        return set;
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage merge");
        dirs.forEach(d -> b.append(' ').append(d));
        if (out != null) {
            b.append(" --out ").append(out);
        }
        if (studyOverride != null) {
            b.append(" --study ").append(studyOverride);
        }
        if (partial) {
            b.append(" --partial");
        }
        return b.toString();
    }

    /** Says, when the process is stopped (Ctrl-C, kill) before the merge ends, that nothing is final and how to redo it. */
    private static final class Interrupted extends Thread {
        private final PrintWriter err;
        private final String command;
        private volatile boolean finished;

        Interrupted(PrintWriter err, String command) {
            this.err = err;
            this.command = command;
        }

        void finished() {
            finished = true;
        }

        @Override
        public void run() {
            if (!finished) {
                err.println("merge: interrupted; the output folder is not a finished merge (its files are as before, "
                        + "or it is marked unfinished by " + Sweep.STATE + "); run the same command again: " + command);
                err.flush();
            }
        }
    }
}
