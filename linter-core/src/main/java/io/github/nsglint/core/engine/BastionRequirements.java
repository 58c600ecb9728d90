package io.github.nsglint.core.engine;

import io.github.nsglint.core.model.Direction;
import java.util.List;

/**
 * The flows the NSG on AzureBastionSubnet must allow with explicit rules, per Bastion rule set: the rows of
 * Microsoft's required-rule table that BAS002 checks (a test holds the two equal). NSG002 never advises removing
 * an allow rule that serves one of them, even when earlier rules already take its flows: Azure's deployment
 * validation asks for the rules, not for the flows.
 */
final class BastionRequirements {

    /** One required flow: inbound from {@code peer}, or outbound to it, on these TCP/UDP ports. */
    record Flow(Direction direction, String protocol, String peer, List<Integer> ports) {
    }

    private static final List<Flow> CURRENT = List.of(
            new Flow(Direction.INBOUND, "Tcp", "Internet", List.of(443)),
            new Flow(Direction.INBOUND, "Tcp", "GatewayManager", List.of(443)),
            new Flow(Direction.INBOUND, "Tcp", "AzureLoadBalancer", List.of(443)),
            new Flow(Direction.INBOUND, "Tcp", "VirtualNetwork", List.of(8080, 5701)),
            new Flow(Direction.OUTBOUND, "Tcp", "VirtualNetwork", List.of(22, 3389)),
            new Flow(Direction.OUTBOUND, "Tcp", "AzureCloud", List.of(443)),
            new Flow(Direction.OUTBOUND, "Tcp", "VirtualNetwork", List.of(8080, 5701)),
            new Flow(Direction.OUTBOUND, "Tcp", "Internet", List.of(80)));

    private static final List<Flow> BASTION_2020 = List.of(
            new Flow(Direction.INBOUND, "Tcp", "Internet", List.of(443)),
            new Flow(Direction.INBOUND, "Tcp", "GatewayManager", List.of(443)),
            new Flow(Direction.OUTBOUND, "Tcp", "VirtualNetwork", List.of(22, 3389)),
            new Flow(Direction.OUTBOUND, "Tcp", "AzureCloud", List.of(443)));

    private BastionRequirements() {
    }

    static List<Flow> of(String ruleSet) {
        return ruleSet.equals("bastion-2020") ? BASTION_2020 : CURRENT;
    }
}
