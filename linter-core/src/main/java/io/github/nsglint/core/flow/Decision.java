package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/**
 * What happens to one part of a queried flow set: allowed, denied, or not known. {@code rules} are the rules
 * that decided it at each level, in processing order (the last one decides a denial); for UNKNOWN, {@code reason}
 * and {@code at} say why and where from.
 */
public record Decision(FlowBox flows, Outcome outcome, List<DecidingRule> rules, String reason, SourceLocation at) {

    public Decision {
        requireNonNull(flows, "flows is null");
        requireNonNull(outcome, "outcome is null");
        rules = List.copyOf(rules);
    }

    /** The rule that settled the outcome; see {@link #deciding(List)}. */
    public DecidingRule deciding() {
        return deciding(rules);
    }

    /**
     * The last rule on a path that is a real rule: a level without an NSG lets everything through, so when a flow
     * is allowed it is the NSG rule before it that decides.
     */
    static DecidingRule deciding(List<DecidingRule> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() != DecidingRule.Kind.NO_NSG || i == 0) {
                return path.get(i);
            }
        }
        return path.get(path.size() - 1);
    }

    /** Allowed, denied, or not known. */
    public enum Outcome {
        ALLOWED,
        DENIED,
        UNKNOWN
    }
}
