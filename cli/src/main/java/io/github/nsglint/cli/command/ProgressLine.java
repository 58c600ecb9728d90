package io.github.nsglint.cli.command;

import io.github.nsglint.core.load.LoadProgress;
import io.github.nsglint.cli.GuardedWriter;
import java.io.PrintWriter;
import java.util.Map;

/**
 * "nsglint: loading 120/376 files" on standard error, rewritten in place, for runs of more than
 * {@value #THRESHOLD} files at an interactive terminal. Never in CI (the {@code CI} variable every CI service
 * sets), never when output is redirected (no console), never on a dumb terminal: logs get no carriage returns.
 */
final class ProgressLine implements LoadProgress, AutoCloseable {

    static final int THRESHOLD = 50;

    private final PrintWriter err;
    private boolean shown;
    private int lastPercent = -1;

    private ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** A progress line when the environment is an interactive terminal, else one that prints nothing. */
    static ProgressLine on(PrintWriter err, boolean console, Map<String, String> env) {
        boolean interactive = console && env.get("CI") == null && !"dumb".equals(env.get("TERM"));
        // Its text is nsglint's own counts, and it must rewrite its line (CR, erase): it bypasses the guard.
        PrintWriter raw = err instanceof GuardedWriter g ? g.unguarded() : err;
        return new ProgressLine(interactive ? raw : null);
    }

    @Override
    public synchronized void loaded(int done, int total) {
        if (err == null || total <= THRESHOLD) {
            return;
        }
        int percent = done * 100 / total;
        if (percent != lastPercent) {
            lastPercent = percent;
            err.print("\rnsglint: loading " + done + "/" + total + " files (" + percent + "%)");
            err.flush();
            shown = true;
        }
    }

    /** Clears the line, so what follows starts on a clean one. */
    @Override
    public synchronized void close() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
