package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Evidence for a verdict: one concrete flow and the rules that decide it, in processing order (for a flow
 * through a subnet and a NIC, both NSGs' rules). The last rule is the deciding one.
 */
public record Witness(ConcreteFlow flow, List<DecidingRule> path) {

    public Witness {
        requireNonNull(flow, "flow is null");
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a witness names the rule that decides it");
        }
    }

    /** The rule that decides the flow (a level without an NSG only passes it on). */
    public DecidingRule deciding() {
        return Decision.deciding(path);
    }

    @Override
    public String toString() {
        return flow + ", decided by " + deciding().describe();
    }
}
