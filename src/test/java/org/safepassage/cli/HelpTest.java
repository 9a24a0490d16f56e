package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;

/** Every command's help is complete and renders cleanly (no format warnings, a one-line header). */
class HelpTest {

    @Test
    void everyCommandHasAOneSentenceHeaderAndAHelpThatRendersWithoutWarnings() {
        CommandLine cli = new CommandLine(new Main());
        Map<String, CommandLine> commands = cli.getSubcommands();
        assertTrue(commands.keySet().containsAll(List.of("check", "run", "compare", "sweep", "merge", "validate",
                "calibrate", "gui", "bench")), "commands: " + commands.keySet());
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            if (e.getKey().equals("help") || e.getKey().equals("generate-completion")) {
                continue; // picocli's own commands
            }
            checks.add(() -> {
                String[] header = e.getValue().getCommandSpec().usageMessage().header();
                assertEquals(1, header.length, e.getKey() + ": one header line");
                assertTrue(header[0].endsWith("."), e.getKey() + ": the header is a sentence: " + header[0]);
                String usage = usageOf(e.getValue());
                assertFalse(usage.contains("%n"), e.getKey() + ": a description did not format: " + usage);
                assertTrue(usage.contains("--help"), e.getKey());
                assertFalse(usage.matches("(?s).*=<[a-zA-Z]+>.*"),
                        e.getKey() + ": an option shows a raw placeholder (give it a paramLabel): " + usage);
                // serve's output is its answers and it prints nothing else: nothing for -q to silence
                assertTrue(e.getKey().equals("serve") || e.getValue().getCommandSpec().findOption("--quiet") != null,
                        e.getKey() + ": has -q/--quiet");
            });
        }
        assertAll(checks);
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithItsHeader() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--help");
        String text = out.toString();
        assertEquals(ExitCode.OK, code);
        assertTrue(text.contains("Compares scenarios over replicates with common random numbers."), text);
        assertFalse(err.toString().contains("WARN"), err.toString());
    }

    /** The shared options are one mixin each: the same names and the same description in every command. */
    @Test
    void sharedOptionsReadTheSameInEveryCommand() {
        CommandLine cli = new CommandLine(new Main());
        for (String option : List.of("--out", "--quiet", "--set", "--seed", "--threads")) {
            List<String> descriptions = cli.getSubcommands().values().stream()
                    .map(c -> c.getCommandSpec().findOption(option))
                    .filter(o -> o != null)
                    .map(o -> String.join(" ", o.description()) + " " + String.join(",", o.names()))
                    .distinct().toList();
            assertEquals(1, descriptions.size(), option + ": " + descriptions);
        }
    }

    @Test
    void checkAcceptsQuietAndPrintsNothingForAGoodFile() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "check", "-q",
                "scenarios/teaching.yaml");
        assertEquals(ExitCode.OK, code, err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aScenarioOnStandardInputIsCheckedLikeAFile() throws Exception {
        String teaching = java.nio.file.Files.readString(java.nio.file.Path.of("scenarios", "teaching.yaml"))
                .replace("tickMinutes: 5\n", "tickMinutes: 500\n");
        java.io.InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setIn(new java.io.ByteArrayInputStream(teaching.getBytes(StandardCharsets.UTF_8)));
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "check", "-");
        } finally {
            System.setIn(saved);
        }
        assertEquals(ExitCode.BAD_INPUT, code);
        int line = teaching.substring(0, teaching.indexOf("tickMinutes: 500")).split("\n", -1).length;
        assertTrue(err.toString().contains("(stdin):" + line + ":16: error: clock.tickMinutes: found 500; a whole number "
                + "from 1 to 60"), err.toString());
    }

    @Test
    void tableCellsBecomeJsonNumbersNullsOrText() {
        assertEquals(12L, TableOutput.value("12"));
        assertEquals(-0.5, TableOutput.value("-0.5"));
        assertEquals(null, TableOutput.value(""));
        assertEquals("PT6H", TableOutput.value("PT6H"));
        assertEquals("1e", TableOutput.value("1e"));
    }

    @Test
    void versionNamesTheCommitAndManifestsTellTimeInUtc() {
        String[] v = new Version().getVersion();
        String commit = org.safepassage.metrics.Manifest.gitCommit();
        assertTrue(commit == null || v[0].contains("(commit " + commit + ")"), v[0]);
        String created = (String) org.safepassage.metrics.Manifest.base("x").get("createdAt");
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), created);
    }

    @Test
    void shellCompletionNamesEveryCommand() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "generate-completion");
        assertEquals(ExitCode.OK, code);
        for (String c : List.of("check", "run", "compare", "sweep", "serve", "--format", "--design")) {
            assertTrue(out.toString().contains(c), c);
        }
    }

    private static String usageOf(CommandLine command) {
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String w = warnings.toString(StandardCharsets.UTF_8);
            return w.isEmpty() ? usage : usage + "\n" + w.replace("%n", "(raw %n)") + "%n";
        } finally {
            System.setErr(saved);
        }
    }
}
