package io.github.nsglint.maven;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Gate;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Whether a report fails the build, and the message that says why: the findings at or above the threshold (not
 * suppressed, new against a baseline) counted against {@code maxAllowedViolations}.
 */
final class FailurePolicy {

    /** How many failing findings the message lists, in {@code file:line:column RULEID message} form. */
    static final int SHOWN = 10;

    private FailurePolicy() {
    }

    /** @param reports the report files written, named in the message */
    static Outcome evaluate(Report report, Gate gate, List<String> reports) {
        Severity threshold = gate.thresholdOrNull();
        int maxAllowedViolations = gate.maxAllowed();
        List<Finding> failing = gate.failing(report);
        String counts = counts(report);
        if (!gate.fails(report)) {
            String why = failing.isEmpty() ? "" : "; " + failing.size() + " at or above "
                    + name(threshold) + " tolerated (maxAllowedViolations " + maxAllowedViolations + ")";
            return new Outcome(false, "nsglint: " + counts + why);
        }
        StringBuilder m = new StringBuilder("nsglint: ").append(failing.size())
                .append(failing.size() == 1 ? " finding" : " findings").append(" at or above ")
                .append(name(threshold)).append(" (").append(counts).append(")");
        for (Finding f : failing.subList(0, Math.min(SHOWN, failing.size()))) {
            m.append(System.lineSeparator()).append("  ").append(f.location().display()).append(' ')
                    .append(f.rule().id()).append(' ').append(f.message());
        }
        if (failing.size() > SHOWN) {
            m.append(System.lineSeparator()).append("  ... and ").append(failing.size() - SHOWN).append(" more");
        }
        if (!reports.isEmpty()) {
            m.append(System.lineSeparator()).append("Reports: ").append(String.join(", ", reports));
        }
        return new Outcome(true, m.toString());
    }

    /** {@code 2 errors, 1 warning, 0 notes; 1 suppressed}: every finding, by severity. */
    static String counts(Report report) {
        long errors = count(report, Severity.ERROR);
        long warnings = count(report, Severity.WARNING);
        long notes = count(report, Severity.NOTE);
        long suppressed = report.findings().stream().filter(Finding::isSuppressed).count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note")
                + (suppressed == 0 ? "" : "; " + suppressed + " suppressed");
    }

    private static long count(Report report, Severity s) {
        return report.findings().stream().filter(f -> f.severity() == s && !f.isSuppressed()).count();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String name(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Whether the build fails, and what to tell the user either way. */
    record Outcome(boolean failed, String message) {
    }
}
