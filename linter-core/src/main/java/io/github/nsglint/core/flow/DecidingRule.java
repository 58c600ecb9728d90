package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.SourceLocation;

/**
 * The rule that decides a flow: a rule of an NSG, one of the platform's default rules, or the absence of an
 * NSG at a level (which allows everything).
 *
 * @param nsgId    the NSG's resource ID; empty for "no NSG"
 * @param priority the rule's priority, or 0 when there is none (no NSG) or it is unknown
 * @param location the rule in the template; for a default rule, the NSG's declaration
 */
public record DecidingRule(String nsgId, String nsgName, String ruleName, int priority, Kind kind, Access access,
        SourceLocation location) {

    public DecidingRule {
        requireNonNull(nsgId, "nsgId is null");
        requireNonNull(nsgName, "nsgName is null");
        requireNonNull(ruleName, "ruleName is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(access, "access is null");
        requireNonNull(location, "location is null");
    }

    /** What kind of rule decided. */
    public enum Kind {
        CUSTOM,
        DEFAULT,
        NO_NSG,
        /** No rule of the NSG allows the flow explicitly (for presence checks). */
        MISSING
    }

    /** {@code NSG hub-nsg rule DenySsh (priority 200)}, or {@code no NSG on subnet ...}. */
    public String describe() {
        return switch (kind) {
            case NO_NSG, MISSING -> ruleName;
            case DEFAULT -> "default rule " + ruleName + " (priority " + priority + ") of NSG " + nsgName;
            case CUSTOM -> "rule " + ruleName + " (priority " + priority + ") of NSG " + nsgName;
        };
    }
}
