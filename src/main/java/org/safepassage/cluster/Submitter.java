package org.safepassage.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Submits job arrays and tells whether one still has tasks queued or running ({@link Slurm} on a cluster). */
public interface Submitter {

    /**
     * Submits {@code script} as an array of the task numbers {@code arraySpec} (e.g. "1-4" or "2,5").
     *
     * @param log the log file of each task ({@code %a}: the task number)
     * @param args the script's arguments
     * @return the job id
     */
    String submitArray(Path script, String arraySpec, String log, List<String> args) throws IOException,
            InterruptedException;

    /** Whether the job still has tasks pending or running (a requeued task counts as pending). */
    boolean alive(String jobId) throws IOException, InterruptedException;
}
