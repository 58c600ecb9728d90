package io.github.nsglint.core.report;

import java.util.Locale;

/**
 * A finding compared with a previous run's (SARIF 2.1.0 section 3.27.24): only NEW findings fail the gate when
 * a baseline is given.
 */
public enum BaselineState {
    /** Not in the baseline. */
    NEW,
    /** In the baseline, the same. */
    UNCHANGED,
    /** In the baseline, with a different message or severity (e.g. another witness flow). */
    UPDATED,
    /** In the baseline only: fixed since. */
    ABSENT;

    public String sarifName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
