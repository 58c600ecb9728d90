package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualMachine;
import java.util.List;
import java.util.Optional;

/**
 * One place a Bastion is meant to open sessions to: a NIC in one of its target subnets, with the VM or scale set
 * behind it when the files declare one, or a target subnet that holds no NIC.
 *
 * @param nicOrNull         the NIC; null for a target subnet without NICs
 * @param vmOrNull          the VM or scale set the NIC belongs to; null when none is declared
 * @param customPorts       ports declared for it (template metadata on the VM, NIC or subnet, else the configuration),
 *                          empty when none: on Standard and Premium they replace 22 and 3389
 * @param customPortsAtOrNull where they are declared
 */
public record BastionEndpoint(BastionHost bastion, Subnet subnet, NetworkInterface nicOrNull, VirtualMachine vmOrNull,
        List<Integer> customPorts, SourceLocation customPortsAtOrNull) {

    public BastionEndpoint {
        requireNonNull(bastion, "bastion is null");
        requireNonNull(subnet, "subnet is null");
        customPorts = List.copyOf(customPorts);
    }

    public Optional<NetworkInterface> nic() {
        return Optional.ofNullable(nicOrNull);
    }

    public Optional<VirtualMachine> vm() {
        return Optional.ofNullable(vmOrNull);
    }

    /** The resource a finding about it names: the NIC, else the subnet. */
    public String id() {
        return nicOrNull != null ? nicOrNull.id() : subnet.id();
    }

    public SourceLocation location() {
        return nicOrNull != null ? nicOrNull.location() : subnet.location();
    }

    /** How messages name it: {@code VM web-1 (NIC web-1-nic) in subnet workload}. */
    public String describe() {
        String subnetName = subnet.name().known().orElse(ResourceIds.name(subnet.id()));
        if (nicOrNull == null) {
            return "subnet " + subnetName;
        }
        String nicName = nicOrNull.name().known().orElse(ResourceIds.name(nicOrNull.id()));
        if (vmOrNull == null) {
            return "NIC " + nicName + " in subnet " + subnetName;
        }
        String vmName = vmOrNull.name().known().orElse(ResourceIds.name(vmOrNull.id()));
        String kind = vmOrNull.kind() == VirtualMachine.Kind.SCALE_SET ? "scale set " : "VM ";
        return kind + vmName + " (NIC " + nicName + ") in subnet " + subnetName;
    }
}
