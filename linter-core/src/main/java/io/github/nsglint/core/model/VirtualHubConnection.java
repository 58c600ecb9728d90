package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/** A Virtual WAN hub's connection to a VNet ({@code virtualHubs/hubVirtualNetworkConnections}). */
public record VirtualHubConnection(
        String id,
        String virtualHubId,
        Field<String> name,
        Field<String> remoteVirtualNetworkId,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public VirtualHubConnection {
        requireNonNull(id, "id is null");
        requireNonNull(virtualHubId, "virtualHubId is null");
        requireNonNull(name, "name is null");
        requireNonNull(remoteVirtualNetworkId, "remoteVirtualNetworkId is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
