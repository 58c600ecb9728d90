package io.github.nsglint.core.report;

import java.util.Collection;

/**
 * The parts of a report that cost work to make and that only some formats show: each file's SHA-256 (hashing
 * every input is plain Java outside C2) and planned fixes (planning reads the files again). A run makes only what
 * the requested formats show.
 */
public record ReportNeeds(boolean fileHashes, boolean fixes) {

    /** Everything: for the Maven plugin, the fix command and any caller that does not know its formats. */
    public static final ReportNeeds ALL = new ReportNeeds(true, true);

    /** What these formats show between them. */
    public static ReportNeeds of(Collection<Reporter> formats) {
        return new ReportNeeds(formats.stream().anyMatch(Reporter::showsFileHashes),
                formats.stream().anyMatch(Reporter::showsFixes));
    }
}
