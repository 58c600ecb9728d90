package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import java.util.List;
import java.util.Optional;

/**
 * Where a Bastion host sits and which subnets it is meant to reach.
 *
 * @param subnet   its AzureBastionSubnet, when the reference resolves (null otherwise)
 * @param network  its VNet (from the subnet, or {@code virtualNetwork} for the Developer SKU), null when unknown
 * @param targets  subnets of its VNet and of VNets peered with it in either direction that hold a NIC (or all
 *                 subnets, as configured), except the Bastion's own subnet
 * @param endpoints what it opens sessions to: each NIC of the targets (with its VM), and each target without NICs
 * @param problems why the subnet or VNet could not be found, for the rules to report
 */
public record BastionPlacement(BastionHost bastion, Subnet subnet, VirtualNetwork network, List<Subnet> targets,
        List<BastionEndpoint> endpoints, List<String> problems) {

    public BastionPlacement {
        requireNonNull(bastion, "bastion is null");
        targets = List.copyOf(targets);
        endpoints = List.copyOf(endpoints);
        problems = List.copyOf(problems);
    }

    /** The endpoints in one target subnet. */
    public List<BastionEndpoint> endpointsIn(Subnet target) {
        return endpoints.stream().filter(e -> e.subnet() == target).toList();
    }

    public Optional<Subnet> bastionSubnet() {
        return Optional.ofNullable(subnet);
    }

    public Optional<VirtualNetwork> virtualNetwork() {
        return Optional.ofNullable(network);
    }
}
