package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A network interface: a standalone NIC, the NIC configuration of a VM scale set (every instance gets one such
 * NIC, so for the analysis it is one NIC in each subnet it names), or a NIC a VM makes from its own
 * {@code networkInterfaceConfigurations}.
 *
 * @param ipForwarding {@code enableIPForwarding}: whether Azure lets it send and receive traffic not addressed to
 *                     it (a network virtual appliance); absent means off
 */
public record NetworkInterface(
        String id,
        Field<String> name,
        Kind kind,
        Field<String> networkSecurityGroupId,
        List<IpConfiguration> ipConfigurations,
        Field<Boolean> ipForwarding,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public NetworkInterface {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(networkSecurityGroupId, "networkSecurityGroupId is null");
        ipConfigurations = List.copyOf(ipConfigurations);
        requireNonNull(ipForwarding, "ipForwarding is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** Where the NIC is declared. */
    public enum Kind {
        NETWORK_INTERFACE,
        SCALE_SET_NIC_CONFIGURATION,
        VIRTUAL_MACHINE_NIC_CONFIGURATION
    }
}
