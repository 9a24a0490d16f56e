package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.validation.EnsembleBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage ensemble CALIBRATION.csv}: the behaviour ensemble from a calibration's candidates. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        header = "Builds the behaviour ensemble from a calibration's candidates.",
        description = {"Reads the calibration.csv that 'safepassage calibrate' writes and keeps every",
            "candidate whose score is within the tolerance of the best one, with equal weights,",
            "as an ensemble file that scenarios name under ensemble: (docs/CALIBRATION.md).",
            "Exit code 0 when written, 1 when the calibration cannot be read, 2 for bad options."})
final class EnsembleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CALIBRATION.csv", description = "A calibration's candidates (calibration.csv).")
    private Path calibration;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.35",
            description = "Keep candidates scoring at most T above the best, in mean |log10 error| "
                    + "(default: ${DEFAULT-VALUE}: a typical error at most 10^0.35 = 2.2 times the best one's).")
    private double tolerance;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "scenarios/ensembles/behaviour.yaml",
            description = "The ensemble file to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!(tolerance >= 0)) {
            err.println("safepassage ensemble: error: --tolerance: " + tolerance + "; expected a number of at least 0");
            return ExitCode.BAD_INPUT;
        }
        List<String> episodes = new ArrayList<>();
        List<EnsembleBuilder.Candidate> candidates;
        try {
            candidates = EnsembleBuilder.read(calibration, episodes);
        } catch (IOException | RuntimeException e) {
            err.println("safepassage ensemble: " + calibration + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        if (candidates.isEmpty()) {
            err.println("safepassage ensemble: " + calibration + ": no scored candidate");
            return ExitCode.FAILED;
        }
        EnsembleBuilder.Built built = EnsembleBuilder.build(candidates, tolerance, episodes);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("calibration", calibration.toString());
        provenance.put("calibrationSha256", Manifest.sha256(calibration));
        Path manifest = calibration.resolveSibling("manifest.json");
        if (Files.isRegularFile(manifest)) {
            provenance.put("calibrationManifestSha256", Manifest.sha256(manifest));
        }
        provenance.put("episodes", String.join(", ", episodes));
        provenance.put("method", "every candidate within the tolerance of the best score, equal weights");
        provenance.put("tolerance", Double.toString(tolerance));
        provenance.put("bestScore", String.format(Locale.ROOT, "%.4f", built.bestScore()));
        provenance.put("command", "safepassage ensemble " + calibration + " --tolerance " + tolerance + " --output "
                + out);
        provenance.put("program", Version.project());
        String text = EnsembleBuilder.yaml(built, provenance);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        AtomicFiles.writeString(out, text);
        try {
            Ensemble.load(out);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("the ensemble written does not read back: " + e.problems());
        }
        quiet.or(spec.commandLine().getOut()).printf(Locale.ROOT, "%d of %d candidates within %.3g of the best score %.4f; "
                + "wrote %s%n", built.members().size(), candidates.size(), tolerance, built.bestScore(), out);
        return ExitCode.OK;
    }
}
