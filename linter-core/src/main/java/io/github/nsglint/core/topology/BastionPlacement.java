package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * @param doubts   the targets and endpoints that are only perhaps there (a NIC whose subnet is not known may sit in
 *                 any subnet in reach), each with why: what is judged on them is at most indeterminate
 */
public record BastionPlacement(BastionHost bastion, Subnet subnet, VirtualNetwork network, List<Subnet> targets,
        List<BastionEndpoint> endpoints, List<String> problems, Map<Object, String> doubts) {

    public BastionPlacement {
        requireNonNull(bastion, "bastion is null");
        targets = List.copyOf(targets);
        endpoints = List.copyOf(endpoints);
        problems = List.copyOf(problems);
        // Identity: an endpoint or subnet is doubtful as the object placed, not as any equal one.
        IdentityHashMap<Object, String> copy = new IdentityHashMap<>(doubts);
        doubts = Collections.unmodifiableMap(copy);
    }

    /** Why {@code targetOrEndpoint} is only perhaps there, or null when it certainly is. */
    public String doubtAbout(Object targetOrEndpoint) {
        return doubts.get(targetOrEndpoint);
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
