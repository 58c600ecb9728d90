package io.github.nsglint.core.report;

import java.io.IOException;
import java.io.Writer;

/** An output format. Stateless: it takes the finished report and writes it. */
public interface Reporter {

    /** The format's name on the command line ({@code text}, {@code sarif}, ...). */
    String id();

    String defaultFileExtension();

    void write(Report report, Writer out) throws IOException;

    /**
     * Whether the format shows each file's SHA-256. Hashing every input is a measurable part of a run (outside
     * C2 it is plain Java), so it is only done when a requested format shows it.
     */
    default boolean showsFileHashes() {
        return false;
    }

    /** Whether the format shows the fixes planned for findings; planning them reads the templates again. */
    default boolean showsFixes() {
        return false;
    }
}
