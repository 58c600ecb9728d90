package io.github.nsglint.core.topology;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.NamePattern;
import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/**
 * Custom ports a Standard or Premium Bastion connects on instead of 22 and 3389, from the configuration
 * ({@code bastion.ports}): for the targets whose VM, NIC or subnet matches {@code targetOrNull}, or every target.
 */
public record ConfiguredPorts(NamePattern targetOrNull, List<Integer> ports, SourceLocation location) {

    public ConfiguredPorts {
        ports = List.copyOf(ports);
        requireNonNull(location, "location is null");
    }
}
