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

    /** Nothing beyond findings and evaluations. */
    public static final ReportNeeds NONE = new ReportNeeds(false, false);

    /** What these formats show between them. */
    public static ReportNeeds of(Collection<Reporter> formats) {
        boolean hashes = false;
        boolean fixes = false;
        for (Reporter r : formats) {
            hashes |= r.needs().fileHashes();
            fixes |= r.needs().fixes();
        }
        return new ReportNeeds(hashes, fixes);
    }
}
