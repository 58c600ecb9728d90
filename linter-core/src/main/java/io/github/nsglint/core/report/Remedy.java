package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Direction;
import java.util.List;

/**
 * What would make a failed "allows" requirement hold: an Allow rule in one NSG for exactly the required flows,
 * ranked before the rule that denies them today.
 *
 * @param nsgId          the NSG to change
 * @param sources        source prefixes as Azure takes them (CIDRs, service tags, {@code *})
 * @param destinations   destination prefixes
 * @param ports          destination ports or ranges
 * @param beforePriority the new rule must take a priority below this one (the deciding deny's, or 4097 when a
 *                       default rule decides)
 * @param purpose        a few words for the rule's name and description, e.g. {@code GatewayManager 443}
 */
public record Remedy(String nsgId, Direction direction, String protocol, List<String> sources,
        List<String> destinations, List<String> ports, int beforePriority, String purpose) {

    public Remedy {
        requireNonNull(nsgId, "nsgId is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(protocol, "protocol is null");
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        ports = List.copyOf(ports);
        requireNonNull(purpose, "purpose is null");
    }
}
