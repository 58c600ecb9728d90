package io.github.nsglint.core.model;

/** An Azure resource of the network model: it has a resource ID and a place in the user's files. */
public sealed interface ModelElement
        permits VirtualNetwork, Subnet, NetworkSecurityGroup, NetworkInterface, VirtualMachine, Peering, BastionHost,
        PublicIpAddress, ApplicationSecurityGroup, RouteTable, VirtualHubConnection, DiagnosticSetting,
        FlowLog {

    /** ARM resource ID; compare with {@link ResourceIds#same(String, String)}, as ARM compares them case-insensitively. */
    String id();

    /** Its name as the files give it: known, or why not (a parameter with no value, an expression). */
    Field<String> name();

    SourceLocation location();
}
