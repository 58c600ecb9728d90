package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

/**
 * A finding of the baseline that this run no longer has (fixed, or its resource removed), carried into the
 * report so that result-management systems can close it.
 */
public record AbsentResult(String ruleId, String level, String message, String file, int line, int column,
        String fingerprint) {

    public AbsentResult {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
        requireNonNull(file, "file is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
