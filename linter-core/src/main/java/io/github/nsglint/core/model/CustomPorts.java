package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Ports a Standard or Premium Bastion connects on instead of 22 and 3389, declared for the targets of a resource
 * (a VM, a scale set, a NIC or a subnet) in its template metadata ({@code metadata.nsglint.bastionPorts}): ARM
 * cannot show which port a VM's SSH or RDP server listens on.
 */
public record CustomPorts(String resourceId, List<Integer> ports, SourceLocation location) {

    public CustomPorts {
        requireNonNull(resourceId, "resourceId is null");
        ports = List.copyOf(ports);
        requireNonNull(location, "location is null");
    }
}
