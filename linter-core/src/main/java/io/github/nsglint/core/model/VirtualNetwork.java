package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A virtual network with its subnets and outgoing peerings.
 *
 * @param dnsServers Absent means Azure-provided DNS
 */
public record VirtualNetwork(
        String id,
        Field<String> name,
        Field<String> region,
        Field<List<String>> addressSpace,
        Field<List<String>> dnsServers,
        List<Subnet> subnets,
        List<Peering> peerings,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public VirtualNetwork {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(region, "region is null");
        requireNonNull(addressSpace, "addressSpace is null");
        requireNonNull(dnsServers, "dnsServers is null");
        subnets = List.copyOf(subnets);
        peerings = List.copyOf(peerings);
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
