package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.CompareOutput;
import org.safepassage.output.RunFolder;
import org.safepassage.output.RunOutput;
import org.safepassage.chart.MapSnapshots;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage run SCENARIO}: runs one scenario and writes what a planner needs to read. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs one scenario once.",
        description = {"Runs one scenario once and writes timeseries.csv, summary.json, manifest.json",
            "and the chart evacuated.png/.svg into the output folder."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "The scenario YAML file; - reads it from standard input (paths in it from the working folder).")
    private Path scenarioFile;

    @Mixin
    private SharedOptions.Seed seedOption;
    private Long seed;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Mixin
    private SharedOptions.Overrides setsOption;
    private List<String> sets;

    @Option(names = "--long",
            description = "Also write timeseries-long.csv, the time series in long (tidy) form: tick, hours, series, "
                    + "corridor, value.")
    private boolean longForm;

    @Option(names = "--check-conservation", description = "Check after every tick that persons and fighters are conserved.")
    private boolean checkConservation;

    @Option(names = "--maps", paramLabel = "TIMES",
            description = "Also draw the district at these times into map-<time>.png: ISO-8601 durations "
                    + "from the start or 'end', comma-separated; e.g. --maps PT6H,PT24H,end writes "
                    + "map-006h.png, map-024h.png and map-end.png.")
    private String maps;

    @Option(names = "--ensemble", paramLabel = "FILE|none",
            description = {"Behaviour ensemble the run draws a member from with its seed (default: the one",
                "the scenario names; 'none': the calibrated defaults). Ranges in the scenario are drawn",
                "with the seed too."})
    private String ensemble;

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Mixin
    private SharedOptions.Bom bom;

    /** The scenario read from standard input ({@code run -}), or null. */
    private StdinScenario stdin;

    @Override
    public Integer call() throws IOException {
        seed = seedOption.given();
        out = outOption.given();
        sets = setsOption.list();
        quiet = quietOption.on();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader.Loaded loaded = load(err);
        if (loaded == null) {
            return ExitCode.BAD_INPUT;
        }
        Variation.Drawn drawn = loaded.variation().draw(seed == null ? loaded.scenario().seed() : seed);
        Scenario scenario = drawn.scenario();
        MapSnapshots snapshots;
        try {
            snapshots = new MapSnapshots(maps == null ? List.of() : MapTimes.parse(maps, scenario.clock()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        Path dir = out != null ? out : Path.of("results", Names.slug(scenario.meta().name()), "seed-" + scenario.seed());
        String problem = folderProblem(dir);
        if (problem != null) {
            err.println(new Problem("--out", 0, 0, "", problem, "a folder to write the run into").format());
            return ExitCode.BAD_INPUT;
        }
        String fault = environmentProblem(scenario, dir);
        if (fault != null) {
            err.println("safepassage run: error: " + fault);
            return ExitCode.FAILED;
        }
        long started = System.currentTimeMillis();
        Progress progress = new Progress(err, quiet, scenario.clock().ticks(), scenario.clock().tickHours());
        SingleRun.Result result = SingleRun.run(scenario, checkConservation, progress::tick, List.of(snapshots));
        progress.done();
        long wallMillis = System.currentTimeMillis() - started;
        List<Path> pictures;
        try {
            pictures = RunOutput.write(dir, result, snapshots, manifest(loaded, drawn, wallMillis), longForm,
                    bom.on());
        } catch (IOException e) {
            err.println("safepassage run: error: cannot write the run into " + dir + ": "
                    + OutputFolder.describe(e, null));
            return ExitCode.FAILED;
        }
        if (!quiet) {
            RunOutput.print(stdout, result, scenario, wallMillis, dir, longForm, pictures);
        }
        return ExitCode.OK;
    }

    private Map<String, Object> manifest(ScenarioLoader.Loaded loaded, Variation.Drawn drawn, long wallMillis) throws IOException {
        Map<String, Object> manifest = Manifest.base(Version.project());
        manifest.put("command", commandLine());
        manifest.put("scenarioFile", scenarioFile.toString());
        manifest.put("scenarioSha256", stdin != null ? stdin.sha256() : Manifest.sha256(scenarioFile));
        manifest.put("seed", drawn.scenario().seed());
        manifest.put("overrides", sets);
        manifest.put("uncertainty", CompareOutput.uncertainty(List.of(loaded.variation())));
        if (drawn.member() >= 0) {
            manifest.put("ensembleMember", loaded.variation().ensemble().members().get(drawn.member()).label());
            manifest.put("ensembleMemberIndex", drawn.member());
        }
        manifest.put("effectiveParameters", loaded.effective().toPlain());
        manifest.put("wallSeconds", wallMillis / 1000.0);
        return manifest;
    }

    /** The scenario from its file or standard input, or null after printing its problems. */
    private ScenarioLoader.Loaded load(PrintWriter err) throws IOException {
        try {
            if (StdinScenario.isDash(scenarioFile)) {
                stdin = StdinScenario.read(System.in);
                return ScenarioLoader.loadText(stdin.text(), StdinScenario.LABEL, sets);
            }
            return ScenarioLoader.load(scenarioFile, sets, ensemble);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return null;
        }
    }

    /** Why a run may not go into {@code dir} (a file on its path, another command's files), or null. */
    private static String folderProblem(Path dir) {
        String problem = outputProblem(dir);
        return problem != null ? problem : RunFolder.occupied(dir);
    }

    /** Too little memory for the run, or too little room or no permission in the folder; null when all is well. */
    private static String environmentProblem(Scenario scenario, Path dir) {
        String memory = Inputs.memoryProblem(org.safepassage.scenario.Limits.runBytes(scenario), 1);
        if (memory != null) {
            return memory;
        }
        long columns = 10 + 2L * scenario.corridors().size();
        return OutputFolder.problem(dir, OutputFolder.SMALL_OUTPUTS + scenario.clock().ticks() * columns * 12);
    }

    /** Why the run cannot be written into {@code dir} (the nearest existing folder on its path is a file), or null. */
    static String outputProblem(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : "'" + p + "' is a file";
            }
        }
        return null;
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage run ").append(scenarioFile);
        if (seed != null) {
            b.append(" --seed ").append(seed);
        }
        if (ensemble != null) {
            b.append(" --ensemble ").append(ensemble);
        }
        for (String s : sets) {
            b.append(" --set '").append(s).append("'");
        }
        if (out != null) {
            b.append(" --out ").append(out);
        }
        if (maps != null) {
            b.append(" --maps ").append(maps);
        }
        if (longForm) {
            b.append(" --long");
        }
        return b.toString();
    }
}
