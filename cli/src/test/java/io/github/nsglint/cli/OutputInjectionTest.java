package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource, rule and file names that try to speak for nsglint: a newline and a forged workflow command, escape
 * sequences (colour, window title, hyperlink), a right-to-left override, NUL and C1 controls. In every format, on
 * standard output and error, they come out as visible escapes.
 */
class OutputInjectionTest {

    private static final String FORGED = "x\n::error file=a.json,line=1::forged\r::warning::y";
    private static final String ESCAPES = "\u001b[31mred\u001b]0;title\u0007\u001b]8;;https://e.example\u001b\\link";
    private static final String BIDI = "nsg\u202eevil\u2066\u0000\u0085\u2028";

    @TempDir
    Path dir;

    @Test
    void hostileNamesNeverSpeakForNsglint() {
        Path t = OutputTarget.template(dir, FORGED, ESCAPES, BIDI, "::error::sub", "::error file=x::" + BIDI);
        assertTrue(t.getFileName().toString().startsWith("::error"), t.toString());
        OutputTarget.lintInEveryFormat(t);
    }

    @Test
    void theTextFormatShowsTheEscapes() {
        Path t = OutputTarget.template(dir, FORGED, "r", "v", "s", "t");
        CliRun r = CliRun.of("lint", "-f", "text", t.toString());
        assertTrue(r.out().contains("NSG x\\n::error file=a.json,line=1::forged\\r::warning::y lets management ports"),
                r.out());
        CliRun show = CliRun.of("show", t.toString());
        OutputTarget.assertClean(show.out(), "show");
    }
}
