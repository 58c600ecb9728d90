package io.github.nsglint.core.report;

import java.util.Collection;

/**
 * The parts of a report that cost work to make and that only some formats show: digests — each file's SHA-256
 * (hashing every input is plain Java outside C2) and the rule catalog's version digest (a cold SHA-256 costs a
 * one-file run ~18 ms) — and planned fixes (planning reads the files again). A run makes only what the requested
 * formats show; without digests a report's file digests and catalog version are empty.
 */
public record ReportNeeds(boolean digests, boolean fixes) {

    /** Everything: for the Maven plugin, the fix command and any caller that does not know its formats. */
    public static final ReportNeeds ALL = new ReportNeeds(true, true);

    /** Nothing beyond findings and evaluations. */
    public static final ReportNeeds NONE = new ReportNeeds(false, false);

    /** What these formats show between them. */
    public static ReportNeeds of(Collection<Reporter> formats) {
        boolean digests = false;
        boolean fixes = false;
        for (Reporter r : formats) {
            digests |= r.needs().digests();
            fixes |= r.needs().fixes();
        }
        return new ReportNeeds(digests, fixes);
    }
}
