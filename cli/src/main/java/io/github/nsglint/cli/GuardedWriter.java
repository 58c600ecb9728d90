package io.github.nsglint.cli;

import io.github.nsglint.core.report.SafeTextWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Standard output or error behind a {@link SafeTextWriter}: no raw control character and no line starting with
 * {@code ::} reaches a terminal or CI log, whatever a template names its resources. The one output that must
 * write workflow commands, the {@code github} format, gets the stream {@link #unguarded()}; it escapes its values
 * itself.
 */
public final class GuardedWriter extends PrintWriter {

    private final PrintWriter raw;
    private final SafeTextWriter guard;

    private GuardedWriter(PrintWriter raw, SafeTextWriter guard) {
        super(guard, true);
        this.raw = raw;
        this.guard = guard;
    }

    /** @param terminal whether the stream is a terminal, where the text format's colours may pass */
    public static GuardedWriter of(PrintWriter raw, boolean terminal) {
        return new GuardedWriter(raw, new SafeTextWriter(raw, terminal));
    }

    /** The stream without the guard, flushed up to here first. */
    public PrintWriter unguarded() {
        finish();
        return raw;
    }

    /** Writes whatever the guard holds back and flushes; the stream stays open. */
    public void finish() {
        flush();
        try {
            guard.finish();
        } catch (IOException e) {
            setError();
        }
    }
}
