package io.github.nsglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Names from the inputs never reach an output raw: controls, bidi overrides and {@code ::} line starts. */
class SafeTextTest {

    @Test
    void unsafeCharactersBecomeVisibleEscapes() {
        assertEquals("a\\nb\\r\\tc\\u001b]0;t\\u0007\\u202eRTL\\u0085\\u2028\\ud800x", SafeText.escape(
                "a\nb\r\tc\u001b]0;t\u0007\u202eRTL\u0085\u2028\ud800x"));
        String plain = "nsg-prod é 日本 \uD83D\uDE00";
        assertSame(plain, SafeText.escape(plain), "safe text is returned as it is, surrogate pairs included");
    }

    private static String through(boolean colours, String... writes) throws IOException {
        StringWriter sw = new StringWriter();
        SafeTextWriter w = new SafeTextWriter(sw, colours);
        for (String s : writes) {
            w.write(s);
            w.flush();
        }
        w.close();
        return sw.toString();
    }

    @Test
    void noLineStartsWithAWorkflowCommand() throws IOException {
        assertEquals("\\::error file=x::pwned\n  \\::warning::y\nok :: here\n\\::z", through(false,
                "::error file=x::pwned\n  ::warning::y\nok :: here\n::z"));
        // Split across writes and flushes; a carriage return inside a line is shown, not obeyed.
        assertEquals("a\n\\::error::x\\r::b\r\n\\::c", through(false, "a\n:", ":error::x\r", ":", ":b\r", "\n::c"));
        assertEquals(":\n: x\n", through(false, ":\n: x\n"));
    }

    @Test
    void escapeSequencesAreShownUnlessTheyAreColoursOnATerminal() throws IOException {
        assertEquals("\\u001b[31mred\\u001b]0;title\\u0007", through(false, "\u001b[31mred\u001b]0;title\u0007"));
        assertEquals("\u001b[1;31mred\u001b[0m \\u001b]0;t\\u0007", through(true, "\u001b[1;31mred\u001b[0m \u001b]0;t\u0007"));
        assertEquals("x\\u001b", through(true, "x\u001b"));
    }

    @Test
    void lineBreaksAndTabsPassOtherControlsDoNot() throws IOException {
        assertEquals("a\r\nb\tc\\u0000\\u202e", through(false, "a\r\nb\tc\u0000\u202e"));
    }
}
