package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One IP configuration of a NIC (or of a scale set's NIC configuration). */
public record IpConfiguration(
        Field<String> name,
        Field<String> subnetId,
        Field<String> privateIpAddress,
        Field<String> publicIpAddressId,
        Field<List<String>> applicationSecurityGroupIds,
        SourceLocation location) {

    public IpConfiguration {
        requireNonNull(name, "name is null");
        requireNonNull(subnetId, "subnetId is null");
        requireNonNull(privateIpAddress, "privateIpAddress is null");
        requireNonNull(publicIpAddressId, "publicIpAddressId is null");
        requireNonNull(applicationSecurityGroupIds, "applicationSecurityGroupIds is null");
        requireNonNull(location, "location is null");
    }
}
