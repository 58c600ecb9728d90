package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/**
 * A hygiene finding about NSG rules: a shadowed rule (with the rules that take its flows), a priority shared
 * by two rules of one direction, or a field Azure rejects.
 *
 * @param related the other rules involved: the shadowing rules, or the rule with the same priority
 */
public record RuleProblem(Kind kind, SecurityRule rule, List<SecurityRule> related, String message,
        SourceLocation location) {

    public RuleProblem {
        requireNonNull(kind, "kind is null");
        requireNonNull(rule, "rule is null");
        related = List.copyOf(related);
        requireNonNull(message, "message is null");
        requireNonNull(location, "location is null");
    }

    /** What is wrong. */
    public enum Kind {
        SHADOWED,
        DUPLICATE_PRIORITY,
        INVALID
    }
}
