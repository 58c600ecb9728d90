package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * One problem a rule found: VIOLATED (with evidence) or INDETERMINATE (it depends on something unknown). A
 * HOLDS verdict is not a finding.
 *
 * @param location   where to look: the NSG rule or property at fault, precise to line and column
 * @param resourceId the Azure resource the finding is about
 * @param anchor      what, within the resource, the finding is about (a deciding NSG rule's name, a field), for the
 *                    fingerprint; empty when the resource itself
 * @param remedy      the Allow rule that would make a failed "allows" requirement hold, or null
 * @param suppression why the finding is accepted, or null when it is not
 * @param baseline    how it compares with a baseline run, or null when there is no baseline
 */
public record Finding(RuleMetadata rule, Severity severity, Kind kind, String message, SourceLocation location,
        String resourceId, String anchor, Evidence evidence, Remedy remedy, Suppression suppression,
        BaselineState baseline) {

    /** Output order: file, line, column, rule ID, message. */
    public static final Comparator<Finding> DEFAULT_ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    public Finding {
        requireNonNull(rule, "rule is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
        requireNonNull(location, "location is null");
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(anchor, "anchor is null");
        requireNonNull(evidence, "evidence is null");
    }

    public Finding(RuleMetadata rule, Severity severity, Kind kind, String message, SourceLocation location,
            String resourceId, String anchor, Evidence evidence) {
        this(rule, severity, kind, message, location, resourceId, anchor, evidence, null, null, null);
    }

    public Finding withRemedy(Remedy r) {
        return new Finding(rule, severity, kind, message, location, resourceId, anchor, evidence, r, suppression,
                baseline);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(rule, severity, kind, message, location, resourceId, anchor, evidence, remedy, s,
                baseline);
    }

    public Finding withBaseline(BaselineState b) {
        return new Finding(rule, severity, kind, message, location, resourceId, anchor, evidence, remedy,
                suppression, b);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /**
     * Whether the finding fails a gate at {@code threshold}: severe enough, not suppressed, and new when compared
     * with a baseline.
     */
    public boolean failsAt(Severity threshold) {
        return severity.atLeast(threshold) && suppression == null
                && (baseline == null || baseline == BaselineState.NEW);
    }

    /** The verdict a finding reports. */
    public enum Kind {
        VIOLATED,
        INDETERMINATE
    }

    /**
     * A fingerprint that survives reformatting and moving things around in the file: the resource ID, the rule
     * ID and the anchor, never line numbers.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((resourceId.toLowerCase(java.util.Locale.ROOT) + "|" + rule.id() + "|" + anchor
                    + "|" + kind).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
