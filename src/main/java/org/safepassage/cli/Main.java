package org.safepassage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code safepassage <command>}. */
@Command(name = "safepassage", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulates civilians leaving a besieged district through humanitarian corridors "
                + "during pauses in the fighting, and compares pause designs.",
        subcommands = {CheckCommand.class, RunCommand.class, CompareCommand.class, SweepCommand.class,
            DesignCommand.class, MergeCommand.class, ValidateCommand.class, CalibrateCommand.class,
            EnsembleCommand.class, GuiCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes of every command. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** Characters per line of the help text. */
    static final int HELP_WIDTH = 110;

    /** Builds the command line with the project's error handling (tests call this too). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // descriptions are written in lines of up to about 105 characters: help as wide as that
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("safepassage: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return FAILED;
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
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
