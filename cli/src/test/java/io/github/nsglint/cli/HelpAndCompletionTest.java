package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelpAndCompletionTest {

    private static final List<String> COMMANDS = List.of("lint", "rules", "explain", "show", "fix");

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command : COMMANDS) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(ExitCode.OK.code(), r.code(), command);
            assertTrue(r.out().startsWith("Usage: nsglint " + command), r.out());
            assertTrue(r.out().contains("Exit codes:") && r.out().contains("  0   ") && r.out().contains("  2   "),
                    command + ": " + r.out());
        }
        CliRun root = CliRun.of("--help");
        assertTrue(root.out().contains("  1   findings at or above the failure threshold"), root.out());
        COMMANDS.forEach(c -> assertTrue(root.out().contains("  " + c + " "), c));
        assertTrue(root.out().contains("generate-completion"), root.out());
    }

    @Test
    void versionAndCompletionScript() {
        CliRun v = CliRun.of("--version");
        assertTrue(v.out().matches("(?s)nsglint \\d+\\.\\d+\\.\\d+.*\\RJava .*"), v.out());
        CliRun c = CliRun.of("generate-completion");
        assertEquals(ExitCode.OK.code(), c.code());
        assertTrue(c.out().startsWith("#!/usr/bin/env bash"), c.out());
        for (String command : COMMANDS) {
            assertTrue(c.out().contains("_picocli_nsglint_" + command + "()"), command);
        }
        assertTrue(c.out().contains("--fail-on") && c.out().contains("--write") && c.out().contains("--config"));
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        CliRun r = CliRun.of("lint", "--no-such-option", "x.json");
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        assertEquals(ExitCode.BAD_INPUT.code(), CliRun.of("frobnicate").code());
    }
}
