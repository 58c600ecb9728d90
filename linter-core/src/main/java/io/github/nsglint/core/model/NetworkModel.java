package io.github.nsglint.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the scanned files declare about the network, merged across files: child resources are in
 * their parents and references are resource IDs. Immutable.
 */
public record NetworkModel(
        List<VirtualNetwork> virtualNetworks,
        List<NetworkSecurityGroup> networkSecurityGroups,
        List<NetworkInterface> networkInterfaces,
        List<VirtualMachine> virtualMachines,
        List<BastionHost> bastionHosts,
        List<PublicIpAddress> publicIpAddresses,
        List<ApplicationSecurityGroup> applicationSecurityGroups,
        List<RouteTable> routeTables,
        List<VirtualHubConnection> virtualHubConnections,
        List<DiagnosticSetting> diagnosticSettings,
        List<FlowLog> flowLogs,
        List<CustomPorts> customPorts,
        List<ModelGap> gaps) {

    public static final NetworkModel EMPTY =
            new NetworkModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of());

    public NetworkModel {
        virtualNetworks = List.copyOf(virtualNetworks);
        networkSecurityGroups = List.copyOf(networkSecurityGroups);
        networkInterfaces = List.copyOf(networkInterfaces);
        virtualMachines = List.copyOf(virtualMachines);
        bastionHosts = List.copyOf(bastionHosts);
        publicIpAddresses = List.copyOf(publicIpAddresses);
        applicationSecurityGroups = List.copyOf(applicationSecurityGroups);
        routeTables = List.copyOf(routeTables);
        virtualHubConnections = List.copyOf(virtualHubConnections);
        diagnosticSettings = List.copyOf(diagnosticSettings);
        flowLogs = List.copyOf(flowLogs);
        customPorts = List.copyOf(customPorts);
        gaps = List.copyOf(gaps);
    }

    /** All subnets of all VNets. */
    public Stream<Subnet> subnets() {
        return virtualNetworks.stream().flatMap(v -> v.subnets().stream());
    }

    /** All peerings of all VNets. */
    public Stream<Peering> peerings() {
        return virtualNetworks.stream().flatMap(v -> v.peerings().stream());
    }

    /** Every element, in a stable order (by kind, then as declared). */
    public List<ModelElement> elements() {
        List<ModelElement> all = new ArrayList<>();
        for (VirtualNetwork vnet : virtualNetworks) {
            all.add(vnet);
            all.addAll(vnet.subnets());
            all.addAll(vnet.peerings());
        }
        all.addAll(networkSecurityGroups);
        all.addAll(networkInterfaces);
        all.addAll(virtualMachines);
        all.addAll(bastionHosts);
        all.addAll(publicIpAddresses);
        all.addAll(applicationSecurityGroups);
        all.addAll(routeTables);
        all.addAll(virtualHubConnections);
        all.addAll(diagnosticSettings);
        all.addAll(flowLogs);
        return all;
    }

    public Optional<VirtualNetwork> virtualNetwork(String id) {
        return find(virtualNetworks, id);
    }

    public Optional<Subnet> subnet(String id) {
        return subnets().filter(s -> ResourceIds.same(s.id(), id)).findFirst();
    }

    public Optional<NetworkSecurityGroup> networkSecurityGroup(String id) {
        return find(networkSecurityGroups, id);
    }

    public Optional<PublicIpAddress> publicIpAddress(String id) {
        return find(publicIpAddresses, id);
    }

    public Optional<RouteTable> routeTable(String id) {
        return find(routeTables, id);
    }

    private static <T extends ModelElement> Optional<T> find(List<T> elements, String id) {
        return elements.stream().filter(e -> ResourceIds.same(e.id(), id)).findFirst();
    }

    /** Several models side by side (separate networks), for reports about all of them. */
    public static NetworkModel union(List<NetworkModel> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<VirtualNetwork> v = new java.util.ArrayList<>();
        List<NetworkSecurityGroup> n = new java.util.ArrayList<>();
        List<NetworkInterface> i = new java.util.ArrayList<>();
        List<VirtualMachine> vms = new java.util.ArrayList<>();
        List<CustomPorts> c = new java.util.ArrayList<>();
        List<BastionHost> b = new java.util.ArrayList<>();
        List<PublicIpAddress> p = new java.util.ArrayList<>();
        List<ApplicationSecurityGroup> a = new java.util.ArrayList<>();
        List<RouteTable> r = new java.util.ArrayList<>();
        List<VirtualHubConnection> h = new java.util.ArrayList<>();
        List<DiagnosticSetting> d = new java.util.ArrayList<>();
        List<FlowLog> f = new java.util.ArrayList<>();
        List<ModelGap> g = new java.util.ArrayList<>();
        for (NetworkModel m : parts) {
            v.addAll(m.virtualNetworks);
            n.addAll(m.networkSecurityGroups);
            i.addAll(m.networkInterfaces);
            vms.addAll(m.virtualMachines);
            c.addAll(m.customPorts);
            b.addAll(m.bastionHosts);
            p.addAll(m.publicIpAddresses);
            a.addAll(m.applicationSecurityGroups);
            r.addAll(m.routeTables);
            h.addAll(m.virtualHubConnections);
            d.addAll(m.diagnosticSettings);
            f.addAll(m.flowLogs);
            g.addAll(m.gaps);
        }
        return new NetworkModel(v, n, i, vms, b, p, a, r, h, d, f, c, g);
    }
}
