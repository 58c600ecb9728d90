package io.github.nsglint.core.model;

/** An Azure resource of the network model: it has a resource ID and a place in the user's files. */
public sealed interface ModelElement
        permits VirtualNetwork, Subnet, NetworkSecurityGroup, NetworkInterface, VirtualMachine, Peering, BastionHost,
        PublicIpAddress, ApplicationSecurityGroup, RouteTable, VirtualHubConnection, DiagnosticSetting,
        FlowLog {

    /** ARM resource ID; compare with {@link ResourceIds#same(String, String)}, as ARM compares them case-insensitively. */
    String id();

    SourceLocation location();
}
