package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A public IP address resource.
 *
 * @param sku              Basic or Standard; Absent means Basic
 * @param allocationMethod Static or Dynamic; Absent means Azure's default
 */
public record PublicIpAddress(
        String id,
        Field<String> name,
        Field<String> sku,
        Field<String> allocationMethod,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public PublicIpAddress {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(allocationMethod, "allocationMethod is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
