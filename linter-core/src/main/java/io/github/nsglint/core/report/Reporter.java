package io.github.nsglint.core.report;

import java.io.IOException;
import java.io.Writer;

/** An output format. Stateless: it takes the finished report and writes it. */
public interface Reporter {

    /** The format's name on the command line ({@code text}, {@code sarif}, ...). */
    String id();

    String defaultFileExtension();

    void write(Report report, Writer out) throws IOException;

    /** What the format shows that costs work to make (file hashes, planned fixes); by default neither. */
    default ReportNeeds needs() {
        return ReportNeeds.NONE;
    }
}
