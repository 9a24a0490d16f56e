package org.safepassage.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link Submitter} through SLURM's {@code sbatch --parsable} and {@code squeue}. */
public final class Slurm implements Submitter {

    @Override
    public String submitArray(Path script, String arraySpec, String log, List<String> args) throws IOException,
            InterruptedException {
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable", "--array=" + arraySpec, "--output=" + log,
                script.toString()));
        argv.addAll(args);
        Result r = run(argv);
        if (r.code() != 0 || !r.output().matches("\\d+(;.*)?")) {
            throw new IOException(String.join(" ", argv) + " failed (exit " + r.code() + "): " + r.output());
        }
        return r.output().split(";")[0];
    }

    @Override
    public boolean alive(String jobId) throws IOException, InterruptedException {
        Result r = run(List.of("squeue", "-h", "-j", jobId, "-o", "%i"));
        if (r.code() != 0) {
            // A job gone from the controller's memory is unknown to squeue; any other error
            // (the controller busy or restarting) means: ask again later.
            return !r.output().contains("Invalid job id");
        }
        return !r.output().isBlank();
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> argv) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + argv.get(0) + " (" + e.getMessage() + "); the driver must run where "
                    + "SLURM's commands are (a login node or a job)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Result(p.waitFor(), out);
    }
}
