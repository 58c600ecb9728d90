package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A Network Watcher flow log ({@code Microsoft.Network/networkWatchers/flowLogs}): which resource's traffic it
 * records and how long the records are kept. A virtual network flow log targets a VNet, a subnet or a NIC; a
 * network security group flow log (retired for new deployments since 30 June 2025) targets an NSG.
 *
 * @param targetResourceId the VNet, subnet, NIC or NSG it records ({@code properties.targetResourceId})
 * @param enabled          {@code properties.enabled}; absent means enabled, as Azure creates it
 * @param retentionEnabled {@code properties.retentionPolicy.enabled}; absent or false: records are never deleted
 * @param retentionDays    {@code properties.retentionPolicy.days}; 0 (the default) keeps records until deleted
 */
public record FlowLog(
        String id,
        Field<String> name,
        Field<String> targetResourceId,
        Field<Boolean> enabled,
        Field<Boolean> retentionEnabled,
        Field<Integer> retentionDays,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public FlowLog {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(targetResourceId, "targetResourceId is null");
        requireNonNull(enabled, "enabled is null");
        requireNonNull(retentionEnabled, "retentionEnabled is null");
        requireNonNull(retentionDays, "retentionDays is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
