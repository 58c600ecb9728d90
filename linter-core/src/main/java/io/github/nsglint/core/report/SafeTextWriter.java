package io.github.nsglint.core.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that lets no unsafe character ({@link SafeText#isUnsafe}) through raw and lets no line start with
 * {@code ::}, which GitHub Actions would run as a workflow command (it trims the line first, so leading blanks are
 * skipped too): such a line gets a backslash in front. Line breaks ({@code \n}, {@code \r\n}) and tabs pass; on a
 * terminal, so do colour sequences ({@code ESC [ digits ; m}), which the text format paints with; every other escape
 * sequence is shown escaped. Values are escaped where they are formatted ({@link SafeText#escape}); this is the guard behind that,
 * on standard output, standard error and report files.
 */
public final class SafeTextWriter extends Writer {

    private final Writer out;
    private final boolean colours;
    /** Characters held back at a line start (blanks, one ':') or after ESC, until it is clear what they are. */
    private final StringBuilder held = new StringBuilder();
    private boolean lineStart = true;
    /** A CR just seen: a line break if LF follows, else shown escaped. */
    private boolean pendingReturn;

    /** A guard that shows every escape sequence escaped: files, and streams that are not a terminal. */
    public SafeTextWriter(Writer out) {
        this(out, false);
    }

    /** @param colours whether colour sequences pass: only for a terminal the text format paints */
    public SafeTextWriter(Writer out, boolean colours) {
        super(out);
        this.out = out;
        this.colours = colours;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                accept(buffer[i]);
            }
        }
    }

    private void accept(char c) throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            if (c == '\n') {
                out.write("\r\n");
                lineStart = true;
                return;
            }
            out.write("\\r"); // a carriage return inside a line would let the rest overwrite it
            lineStart = false;
        }
        if (!held.isEmpty() && held.charAt(0) == '\u001b') {
            held.append(c);
            boolean digits = c >= '0' && c <= '9' || c == ';';
            if (held.length() == 2 ? c == '[' : digits && held.length() < 24) {
                return;
            }
            if (held.length() > 2 && c == 'm') {
                out.write(held.toString()); // a colour: ESC [ 1 ; 31 m
                held.setLength(0);
                return;
            }
            flushEscaped();
            return;
        }
        if (!held.isEmpty()) {
            // At a line start: leading blanks, then maybe one ':'.
            boolean afterColon = held.charAt(held.length() - 1) == ':';
            if ((c == ' ' || c == '\t') && !afterColon) {
                held.append(c);
                return;
            }
            if (c == ':') {
                if (afterColon) {
                    out.write(held.substring(0, held.length() - 1));
                    out.write("\\::");
                    held.setLength(0);
                    lineStart = false;
                    return;
                }
                held.append(c);
                return;
            }
            out.write(held.toString());
            held.setLength(0);
            lineStart = false;
        }
        if (c == '\n') {
            out.write(c);
            lineStart = true;
            return;
        }
        if (c == '\r') {
            pendingReturn = true;
            return;
        }
        if (c == '\u001b' && colours) {
            held.append(c);
            return;
        }
        if (lineStart && (c == ' ' || c == '\t' || c == ':')) {
            held.append(c);
            return;
        }
        lineStart = false;
        if (c != '\t' && SafeText.isUnsafe(c)) {
            StringBuilder sb = new StringBuilder();
            SafeText.appendEscape(c, sb);
            out.write(sb.toString());
        } else {
            out.write(c);
        }
    }

    /** An ESC that began no colour sequence: it and what followed are shown escaped. */
    private void flushEscaped() throws IOException {
        String s = held.toString();
        held.setLength(0);
        out.write("\\u001b");
        lineStart = false;
        for (int i = 1; i < s.length(); i++) {
            accept(s.charAt(i));
        }
    }

    /**
     * Writes held blanks before flushing; a held ':' or escape waits for what follows, so a flush between the two
     * colons of {@code ::} cannot slip one through. {@link #close} and {@link #finish} write everything.
     */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (!held.isEmpty() && held.indexOf(":") < 0 && held.charAt(0) != '\u001b') {
                out.write(held.toString());
                held.setLength(0);
            }
            out.flush();
        }
    }

    /** Writes everything held back and flushes, leaving the underlying writer open (standard streams). */
    public void finish() throws IOException {
        synchronized (lock) {
            release();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            release();
            out.close();
        }
    }

    /** Writes what is held back (at the end of the output nothing more can follow it). */
    private void release() throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            out.write("\\r");
        }
        if (held.isEmpty()) {
            return;
        }
        String s = held.toString();
        held.setLength(0);
        out.write(s.charAt(0) == '\u001b' ? "\\u001b" + SafeText.escape(s.substring(1)) : s);
    }
}
