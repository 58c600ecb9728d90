package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A subnet, declared inline in its VNet or as a {@code virtualNetworks/subnets} child resource (merged).
 *
 * @param addressPrefixes          {@code addressPrefix} and {@code addressPrefixes} merged
 * @param networkSecurityGroupId   Absent when no NSG is attached
 * @param routeTableId             Absent when no route table is attached
 * @param delegations              the services the subnet is delegated to ({@code serviceName}, such as
 *                                 {@code Microsoft.HardwareSecurityModules/dedicatedHSMs}); empty when none
 */
public record Subnet(
        String id,
        String virtualNetworkId,
        Field<String> name,
        Field<List<String>> addressPrefixes,
        Field<String> networkSecurityGroupId,
        Field<String> routeTableId,
        Field<List<String>> delegations,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public Subnet {
        requireNonNull(id, "id is null");
        requireNonNull(virtualNetworkId, "virtualNetworkId is null");
        requireNonNull(name, "name is null");
        requireNonNull(addressPrefixes, "addressPrefixes is null");
        requireNonNull(networkSecurityGroupId, "networkSecurityGroupId is null");
        requireNonNull(routeTableId, "routeTableId is null");
        requireNonNull(delegations, "delegations is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
