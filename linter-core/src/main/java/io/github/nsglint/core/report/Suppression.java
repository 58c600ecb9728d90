package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Why a finding is accepted rather than fixed: who decided it (a template's {@code metadata.nsglint.suppress} or
 * the configuration file) and where ({@code file:line:column}), the justification, and when the acceptance ends ({@code expires}, or null for never).
 * A suppressed finding stays in every report, marked, and does not fail the gate.
 */
public record Suppression(Kind kind, String source, String justification, LocalDate expires) {

    public Suppression {
        requireNonNull(kind, "kind is null");
        requireNonNull(source, "source is null");
        requireNonNull(justification, "justification is null");
    }

    /** Where the suppression is written: in the template (SARIF {@code inSource}) or in the configuration. */
    public enum Kind {
        INLINE,
        CONFIGURATION
    }
}
