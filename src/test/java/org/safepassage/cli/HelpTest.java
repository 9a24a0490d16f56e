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
            if (e.getKey().equals("help")) {
                continue;
            }
            checks.add(() -> {
                String[] header = e.getValue().getCommandSpec().usageMessage().header();
                assertEquals(1, header.length, e.getKey() + ": one header line");
                assertTrue(header[0].endsWith("."), e.getKey() + ": the header is a sentence: " + header[0]);
                String usage = usageOf(e.getValue());
                assertFalse(usage.contains("%n"), e.getKey() + ": a description did not format: " + usage);
                assertTrue(usage.contains("--help"), e.getKey());
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
        assertEquals(Main.OK, code);
        assertTrue(text.contains("Compares scenarios over replicates with common random numbers."), text);
        assertFalse(err.toString().contains("WARN"), err.toString());
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
