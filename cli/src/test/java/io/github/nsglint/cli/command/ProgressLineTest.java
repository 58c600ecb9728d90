package io.github.nsglint.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static String run(boolean console, Map<String, String> env, int total) {
        StringWriter sw = new StringWriter();
        try (ProgressLine p = ProgressLine.on(new PrintWriter(sw), console, env)) {
            for (int i = 1; i <= total; i++) {
                p.loaded(i, total);
            }
        }
        return sw.toString();
    }

    @Test
    void atATerminalManyFilesShowALineThatIsClearedAtTheEnd() {
        String out = run(true, Map.of("TERM", "xterm"), 200);
        assertTrue(out.startsWith("\rnsglint: loading 1/200 files (0%)\rnsglint: loading 2/200 files (1%)"), out);
        assertTrue(out.contains("\rnsglint: loading 200/200 files (100%)"), out);
        assertTrue(out.endsWith("\r\u001b[K"), out);
        assertEquals(101, out.split("\r").length - 2, "one update per percent (0 to 100), then the clearing");
    }

    @Test
    void neverInCiWhenRedirectedOnADumbTerminalOrForFewFiles() {
        assertEquals("", run(true, Map.of("CI", "true"), 200));
        assertEquals("", run(false, Map.of(), 200));
        assertEquals("", run(true, Map.of("TERM", "dumb"), 200));
        assertEquals("", run(true, Map.of(), ProgressLine.THRESHOLD));
    }
}
