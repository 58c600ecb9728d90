package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One direction of a VNet peering: from {@code localVirtualNetworkId} to {@code remoteVirtualNetworkId}.
 * Traffic flows only when both directions exist with virtual network access allowed (see the topology).
 *
 * @param allowVirtualNetworkAccess Azure's default is true when Absent
 */
public record Peering(
        String id,
        String localVirtualNetworkId,
        Field<String> name,
        Field<String> remoteVirtualNetworkId,
        Field<Boolean> allowVirtualNetworkAccess,
        Field<Boolean> allowForwardedTraffic,
        Field<Boolean> allowGatewayTransit,
        Field<Boolean> useRemoteGateways,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public Peering {
        requireNonNull(id, "id is null");
        requireNonNull(localVirtualNetworkId, "localVirtualNetworkId is null");
        requireNonNull(name, "name is null");
        requireNonNull(remoteVirtualNetworkId, "remoteVirtualNetworkId is null");
        requireNonNull(allowVirtualNetworkAccess, "allowVirtualNetworkAccess is null");
        requireNonNull(allowForwardedTraffic, "allowForwardedTraffic is null");
        requireNonNull(allowGatewayTransit, "allowGatewayTransit is null");
        requireNonNull(useRemoteGateways, "useRemoteGateways is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
