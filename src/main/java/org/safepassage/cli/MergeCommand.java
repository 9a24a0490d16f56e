package org.safepassage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.Sweep;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.report.Report;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage merge DIR...}: joins the output folders of a study's shards into the outputs of the whole. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Joins the shards of a sweep into one sweep's files.",
        description = {"Joins the folders written by 'safepassage sweep STUDY --shard I/N' (all N",
            "of them) into the files one whole sweep writes: runs.csv, summary.csv,",
            "paired.csv or sensitivity.csv, manifest.json, charts and report.html."})
final class MergeCommand implements Callable<Integer> {

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

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        out = outOption.given();
        quiet = quietOption.on();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String studySha = null;
        String studyPath = null;
        Map<Integer, Path> byShard = new TreeMap<>();
        int count = -1;
        for (Path d : dirs) {
            Path manifest = d.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                err.println(d + ": error: no manifest.json; expected the output folder of a finished "
                        + "'safepassage sweep --shard I/N'");
                return ExitCode.BAD_INPUT;
            }
            JsonNode m = RunWriter.json().readTree(manifest.toFile());
            SweepPlan.Shard shard;
            try {
                shard = SweepPlan.Shard.parse(m.path("shard").asText(""));
            } catch (IllegalArgumentException e) {
                err.println(manifest + ": error: shard: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            String sha = m.path("studySha256").asText("");
            if (studySha == null) {
                studySha = sha;
                studyPath = m.path("studyFile").asText("");
                count = shard.count();
            } else if (!studySha.equals(sha)) {
                err.println(manifest + ": error: studySha256: another study than " + dirs.get(0)
                        + "; expected shards of one study");
                return ExitCode.BAD_INPUT;
            } else if (shard.count() != count) {
                err.println(manifest + ": error: shard: " + shard + "; expected a shard of " + count);
                return ExitCode.BAD_INPUT;
            }
            if (byShard.put(shard.index(), d) != null) {
                err.println(manifest + ": error: shard: " + shard + " given twice (also " + byShard.get(shard.index())
                        + "); expected each shard once");
                return ExitCode.BAD_INPUT;
            }
        }
        if (byShard.size() != count) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!byShard.containsKey(i)) {
                    missing.add(i);
                }
            }
            err.println("merge: error: shards " + missing + " of " + count + " are missing; expected all " + count);
            return ExitCode.BAD_INPUT;
        }
        Path studyFile = studyOverride != null ? studyOverride : Path.of(studyPath);
        Study study = Inputs.loadStudy(studyFile, err);
        if (study == null) {
            return ExitCode.BAD_INPUT;
        }
        if (!Manifest.sha256(studyFile).equals(studySha)) {
            err.println(studyFile + ": error: the study file changed since the shards ran (SHA-256 differs); "
                    + "expected the file they ran");
            return ExitCode.BAD_INPUT;
        }
        long started = System.nanoTime();
        Design design = Design.of(study);
        SweepPlan plan = new SweepPlan(design, SweepPlan.Shard.WHOLE);
        Path dir = out != null ? out : SweepCommand.defaultDir(study, SweepPlan.Shard.WHOLE);
        try {
            Sweep.mergeRuns(plan, new ArrayList<>(byShard.values()), dir);
        } catch (Sweep.StateException e) {
            err.println("merge: error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        SweepSummary summary = SweepOutput.finish(plan, dir);
        Map<String, Object> manifest = SweepOutput.manifest(plan, commandLine());
        manifest.put("mergedFrom", byShard.values().stream().map(Path::toString).toList());
        manifest.put("wallSeconds", Math.round((System.nanoTime() - started) / 1e6) / 1000.0);
        SweepOutput.writeManifest(dir, manifest);
        Report.writeSweep(dir);
        if (!quiet) {
            SweepOutput.print(stdout, design, summary);
            stdout.printf("merged %d shards (%d runs) into %s/%n", count, plan.totalTasks(), dir);
        }
        return ExitCode.OK;
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
        return b.toString();
    }
}
