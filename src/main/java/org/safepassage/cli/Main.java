package org.safepassage.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code safepassage <command>}. */
@Command(name = "safepassage", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulates civilians leaving a besieged district through humanitarian corridors "
                + "during pauses in the fighting, and compares pause designs.",
        subcommands = {CheckCommand.class, RunCommand.class, CompareCommand.class, SweepCommand.class,
            DesignCommand.class, MergeCommand.class, SlurmCommand.class, SlurmJobs.Driver.class, SlurmJobs.Task.class,
            ValidateCommand.class,
            CalibrateCommand.class, EnsembleCommand.class, GuiCommand.class, BenchCommand.class, ServeCommand.class,
            picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Characters per line of the help text. */
    static final int HELP_WIDTH = 110;

    /** Builds the command line with the project's error handling (tests call this too). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // descriptions are written in lines of up to about 105 characters: help as wide as that
        cl.setUsageHelpWidth(HELP_WIDTH);
        // slurm passes the options it does not know on to the command it runs
        cl.getSubcommands().get("slurm").setUnmatchedOptionsArePositionalParams(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String fault = OutputFolder.fault(ex);
            if (fault != null) {
                // a file-system fault (disk full, read-only folder, permission denied): path and cause
                commandLine.getErr().println("safepassage: error: " + fault);
                return ExitCode.FAILED;
            }
            commandLine.getErr().println("safepassage: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCode.FAILED;
        });
        return cl;
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: with LANG unset (cron, batch nodes) the platform charset is
        // ASCII and non-ASCII scenario names would print as '?'
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(stdout);
        System.setErr(stderr);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }
}
