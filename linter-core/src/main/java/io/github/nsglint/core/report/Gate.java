package io.github.nsglint.core.report;

import java.util.List;
import java.util.Locale;

/**
 * The run policy the command line and the Maven plugin share: which severity fails the run (the option, else the
 * configuration's {@code failOn}, else {@code error}; {@code never} turns the gate off), and how many failing
 * findings are tolerated. A finding fails when it is at or above the threshold, not suppressed and, with a
 * baseline, new ({@link Finding#failsAt}).
 *
 * @param thresholdOrNull the lowest failing severity, or null when the gate is off
 * @param maxAllowed      how many failing findings pass (the Maven plugin's {@code maxAllowedViolations})
 */
public record Gate(Severity thresholdOrNull, int maxAllowed) {

    /** The word that turns the gate off. */
    public static final String NEVER = "never";

    public Gate {
        if (maxAllowed < 0) {
            throw new IllegalArgumentException("at least 0 failing findings are allowed, not " + maxAllowed);
        }
    }

    /**
     * The gate a run asks for.
     *
     * @param option     the command line's or the plugin's setting, or null
     * @param configured the configuration's {@code failOn}, or null
     * @throws IllegalArgumentException naming the word, when it is no severity and not {@code never}
     */
    public static Gate choose(String option, String configured, int maxAllowed) {
        String word = option != null ? option : configured != null ? configured : "error";
        if (word.toLowerCase(Locale.ROOT).equals(NEVER)) {
            return new Gate(null, maxAllowed);
        }
        Severity s = Severity.parse(word).orElseThrow(() -> new IllegalArgumentException(
                "must be error, warning, note or never, not '" + word + "'"));
        return new Gate(s, maxAllowed);
    }

    /** The findings that count against the gate, in the report's order; none when it is off. */
    public List<Finding> failing(Report report) {
        return thresholdOrNull == null ? List.of()
                : report.findings().stream().filter(f -> f.failsAt(thresholdOrNull)).toList();
    }

    /** Whether the findings fail the run: more failing findings than are allowed. */
    public boolean fails(Report report) {
        return failing(report).size() > maxAllowed;
    }
}
