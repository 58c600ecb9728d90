package io.github.nsglint.core.load;

import io.github.nsglint.core.load.arm.ResourceInstance;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.ApplicationSecurityGroup;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.CustomPorts;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.DiagnosticSetting;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.FlowLog;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.PublicIpAddress;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.RouteTable;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualHubConnection;
import io.github.nsglint.core.model.VirtualMachine;
import io.github.nsglint.core.model.VirtualNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the network model from resource instances, whatever file they came from: child resources are merged
 * into their parents by resource ID (case-insensitively), and a child whose parent is not in the scanned files
 * gets a placeholder parent whose unknown properties say so.
 */
final class ModelBuilder {

    static final String NSG = "microsoft.network/networksecuritygroups";
    static final String SECURITY_RULE = NSG + "/securityrules";
    static final String VNET = "microsoft.network/virtualnetworks";
    static final String SUBNET = VNET + "/subnets";
    static final String PEERING = VNET + "/virtualnetworkpeerings";
    static final String NIC = "microsoft.network/networkinterfaces";
    static final String VMSS = "microsoft.compute/virtualmachinescalesets";
    static final String VM = "microsoft.compute/virtualmachines";
    static final String BASTION = "microsoft.network/bastionhosts";
    static final String PUBLIC_IP = "microsoft.network/publicipaddresses";
    static final String ASG = "microsoft.network/applicationsecuritygroups";
    static final String ROUTE_TABLE = "microsoft.network/routetables";
    static final String ROUTE = ROUTE_TABLE + "/routes";
    static final String HUB_CONNECTION = "microsoft.network/virtualhubs/hubvirtualnetworkconnections";
    static final String DIAGNOSTIC_SETTING = "microsoft.insights/diagnosticsettings";
    static final String FLOW_LOG = "microsoft.network/networkwatchers/flowlogs";
    private static final String DIAGNOSTIC_SUFFIX = "/providers/diagnosticsettings";

    private static final Set<String> TYPES = Set.of(NSG, SECURITY_RULE, VNET, SUBNET, PEERING, NIC, VMSS, VM, BASTION,
            PUBLIC_IP, ASG, ROUTE_TABLE, ROUTE, HUB_CONNECTION, DIAGNOSTIC_SETTING, FLOW_LOG);
    /** The types whose metadata may declare custom Bastion ports for the targets they hold. */
    private static final Set<String> PORT_HOLDERS = Set.of(VM, VMSS, NIC, SUBNET);

    private final Map<String, Map<String, ResourceInstance>> byType = new LinkedHashMap<>();
    /** In order, each once: a nested template expanded in two places may report the same gap twice. */
    private final Set<ModelGap> gaps = new LinkedHashSet<>();
    private final List<LoadDiagnostic> diagnostics = new ArrayList<>();
    private final List<InlineSuppression> suppressions = new ArrayList<>();
    private final Map<String, CustomPorts> customPorts = new LinkedHashMap<>();
    /** How many resources with an unknown name have been added: each gets a key of its own. */
    private int unknownNamed;

    /** The lower-case resource types the model is built from. */
    static boolean isRelevant(String lowerCaseType) {
        return TYPES.contains(lowerCaseType) || lowerCaseType.endsWith(DIAGNOSTIC_SUFFIX);
    }

    void add(ResourceInstance r) {
        String type = r.type().toLowerCase(Locale.ROOT);
        if (type.endsWith(DIAGNOSTIC_SUFFIX)) {
            type = DIAGNOSTIC_SETTING;
        }
        if (!isRelevant(type)) {
            return;
        }
        suppressions.addAll(InlineSuppression.read(r.id(), r.metadata(), diagnostics));
        if (PORT_HOLDERS.contains(type)) {
            BastionPortsMetadata.read(r.id(), r.metadata(), diagnostics)
                    .ifPresent(p -> customPorts.put(ResourceIds.key(r.id()), p));
        }
        // Two resources whose names are not known may be two resources: each is kept (and judged), never one
        // silently taking the other's place.
        ResourceInstance previous = byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(keyOf(r.id()), r);
        if (previous != null) {
            // Two deployments of one resource (files, or nested deployments of one file): the later one is what
            // Azure keeps. One template defining a resource twice is reported by the expander.
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.NOTE, r.location(), r.type() + " '" + r.id()
                    + "' is declared more than once (also at " + previous.location().display()
                    + "); the last declaration is used"));
        }
    }

    /** The key an element is kept under: its ID's, or one of its own when its name is not known. */
    private String keyOf(String id) {
        return id.contains("{unknown") ? ResourceIds.key(id) + "#" + unknownNamed++ : ResourceIds.key(id);
    }

    void addGap(ModelGap gap) {
        gaps.add(gap);
    }

    List<InlineSuppression> suppressions() {
        return List.copyOf(suppressions);
    }

    List<LoadDiagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    NetworkModel build() {
        List<VirtualMachine> vms = new ArrayList<>();
        List<NetworkInterface> nics = networkInterfaces(vms);
        return new NetworkModel(virtualNetworks(), networkSecurityGroups(), nics, vms,
                map(BASTION, this::bastion), map(PUBLIC_IP, this::publicIp),
                map(ASG, r -> new ApplicationSecurityGroup(r.id(), name(r), r.deployment(), r.location())),
                routeTables(), map(HUB_CONNECTION, this::hubConnection), map(DIAGNOSTIC_SETTING, this::diagnosticSetting),
                map(FLOW_LOG, this::flowLog), List.copyOf(customPorts.values()), List.copyOf(gaps));
    }

    private List<ResourceInstance> all(String type) {
        return new ArrayList<>(byType.getOrDefault(type, Map.of()).values());
    }

    private <T> List<T> map(String type, java.util.function.Function<ResourceInstance, T> f) {
        List<T> out = new ArrayList<>();
        for (ResourceInstance r : all(type)) {
            out.add(f.apply(r));
        }
        return out;
    }

    // ---- NSGs -------------------------------------------------------------------------------------------

    private List<NetworkSecurityGroup> networkSecurityGroups() {
        Map<String, List<ResourceInstance>> children = byParent(all(SECURITY_RULE));
        List<NetworkSecurityGroup> out = new ArrayList<>();
        for (ResourceInstance r : all(NSG)) {
            out.add(nsg(r, children.remove(ResourceIds.key(r.id()))));
        }
        children.forEach((parentKey, rules) -> {
            ResourceInstance first = rules.get(0);
            String parentId = ResourceIds.parent(first.id());
            String why = "security rules are added to NSG '" + parentId + "', which is not declared in the scanned"
                    + " files; its other rules are unknown";
            gaps.add(new ModelGap("Microsoft.Network/networkSecurityGroups", why, first.location()));
            List<SecurityRule> known = new ArrayList<>();
            for (ResourceInstance c : rules) {
                known.add(SecurityRuleReader.read(parentId, lastSegment(c), Fields.props(c.properties()),
                        c.location()));
            }
            out.add(new NetworkSecurityGroup(parentId, Field.known(ResourceIds.name(parentId)),
                    Field.known(List.copyOf(known)), Field.unknown(why, first.location()), Deployment.REFERENCED,
                    first.location()));
        });
        return out;
    }

    /**
     * Azure's limit of security rules per NSG. An NSG over it cannot be deployed, so it is an error, and its rules
     * are not analysed (they would cost time and memory for a state that cannot exist): its answers are Unknown.
     */
    static final int MAX_RULES_PER_NSG = 1000;

    private NetworkSecurityGroup nsg(ResourceInstance r, List<ResourceInstance> childRules) {
        JNode props = Fields.props(r.properties());
        Field<List<JNode>> inline = Fields.elements(props, "securityRules");
        Field<List<SecurityRule>> rules;
        int count = (inline instanceof Field.Known<List<JNode>> n ? n.value().size() : 0)
                + (childRules == null ? 0 : childRules.size());
        if (count > MAX_RULES_PER_NSG) {
            String why = String.format(java.util.Locale.ROOT, "NSG %s has %,d security rules; Azure allows at most"
                    + " %,d per NSG, so the deployment would fail: its rules are not analysed",
                    name(r).known().orElse(r.id()), count, MAX_RULES_PER_NSG);
            diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, r.location(), why));
            rules = Field.unknown(why, r.location());
        } else if (inline instanceof Field.Known<List<JNode>> k) {
            List<SecurityRule> list = new ArrayList<>();
            for (JNode element : k.value()) {
                list.add(SecurityRuleReader.read(r.id(), Fields.name(element, "name"), Fields.props(element),
                        element.location()));
            }
            if (childRules != null) {
                for (ResourceInstance c : childRules) {
                    list.add(SecurityRuleReader.read(r.id(), lastSegment(c), Fields.props(c.properties()),
                            c.location()));
                }
            }
            rules = Field.known(List.copyOf(list));
            reportRepeatedRuleNames(name(r).known().orElse(r.id()), list);
        } else {
            rules = retype(inline);
        }
        return new NetworkSecurityGroup(r.id(), name(r), rules, Field.known(true), r.deployment(), r.location());
    }

    /**
     * A rule's name is "a unique name within the network security group" (Microsoft's NSG overview), so Azure
     * rejects an NSG with two rules of one name (compared without regard to case, as Azure compares names). Both
     * stay in the NSG and are judged: neither hides the other.
     */
    private void reportRepeatedRuleNames(String nsgName, List<SecurityRule> rules) {
        // Sorted names side by side tell whether any repeats, with one array; the common case ends there.
        String[] names = rules.stream().map(r -> r.name().known().orElse(null)).filter(java.util.Objects::nonNull)
                .toArray(String[]::new);
        java.util.Arrays.sort(names, String.CASE_INSENSITIVE_ORDER);
        boolean repeats = false;
        for (int i = 1; i < names.length && !repeats; i++) {
            repeats = names[i].equalsIgnoreCase(names[i - 1]);
        }
        if (!repeats) {
            return;
        }
        Map<String, SecurityRule> seen = new HashMap<>();
        for (SecurityRule rule : rules) {
            String n = rule.name().known().orElse(null);
            if (n == null) {
                continue;
            }
            SecurityRule earlier = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), rule);
            if (earlier != null) {
                diagnostics.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, rule.location(), "NSG " + nsgName
                        + " has two rules named '" + n + "' (also at " + earlier.location().display() + "): a rule's"
                        + " name must be unique within its NSG, so Azure rejects it; both rules are judged"));
            }
        }
    }

    // ---- VNets, subnets, peerings ------------------------------------------------------------------------

    private List<VirtualNetwork> virtualNetworks() {
        Map<String, List<ResourceInstance>> subnetChildren = byParent(all(SUBNET));
        Map<String, List<ResourceInstance>> peeringChildren = byParent(all(PEERING));
        List<VirtualNetwork> out = new ArrayList<>();
        for (ResourceInstance r : all(VNET)) {
            String key = ResourceIds.key(r.id());
            out.add(vnet(r, subnetChildren.remove(key), peeringChildren.remove(key)));
        }
        Map<String, List<ResourceInstance>> orphans = new LinkedHashMap<>();
        subnetChildren.forEach((k, v) -> orphans.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        peeringChildren.forEach((k, v) -> orphans.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        orphans.forEach((key, children) -> {
            ResourceInstance first = children.get(0);
            String vnetId = ResourceIds.parent(first.id());
            List<Subnet> subnets = new ArrayList<>();
            List<Peering> peerings = new ArrayList<>();
            for (ResourceInstance c : children) {
                if (c.type().toLowerCase(Locale.ROOT).equals(SUBNET)) {
                    subnets.add(subnet(vnetId, c.id(), lastSegment(c), Fields.props(c.properties()), c.deployment(),
                            c.location()));
                } else {
                    peerings.add(peering(vnetId, c.id(), lastSegment(c), Fields.props(c.properties()), c.deployment(),
                            c.location()));
                }
            }
            String why = "VNet '" + ResourceIds.name(vnetId) + "' is not declared in the scanned files";
            out.add(new VirtualNetwork(vnetId, Field.known(ResourceIds.name(vnetId)), Field.absent(),
                    Field.unknown(why, first.location()), Field.unknown(why, first.location()), subnets, peerings,
                    Deployment.REFERENCED, first.location()));
        });
        return out;
    }

    private VirtualNetwork vnet(ResourceInstance r, List<ResourceInstance> subnetChildren,
            List<ResourceInstance> peeringChildren) {
        JNode props = Fields.props(r.properties());
        Field<List<String>> addressSpace = Fields.strings(Fields.member(props, "addressSpace"), "addressPrefixes");
        if (props instanceof JUnknown u) {
            addressSpace = Field.unknown(u.reason(), u.location());
        }
        Field<List<String>> dns = Fields.strings(Fields.member(props, "dhcpOptions"), "dnsServers");
        Map<String, Subnet> subnets = new LinkedHashMap<>();
        Field<List<JNode>> inlineSubnets = Fields.elements(props, "subnets");
        if (inlineSubnets instanceof Field.Known<List<JNode>> k) {
            for (JNode s : k.value()) {
                Field<String> name = Fields.name(s, "name");
                String id = childId(s, r.id(), "subnets", name);
                subnets.put(keyOf(id), subnet(r.id(), id, name, Fields.props(s), r.deployment(), s.location()));
            }
        } else {
            gaps.add(new ModelGap("Microsoft.Network/virtualNetworks/subnets", "the subnets of VNet '"
                    + r.id() + "' are not known: " + reason(inlineSubnets), r.location()));
        }
        for (ResourceInstance c : nonNull(subnetChildren)) {
            subnets.put(keyOf(c.id()), subnet(r.id(), c.id(), lastSegment(c), Fields.props(c.properties()),
                    c.deployment(), c.location()));
        }
        Map<String, Peering> peerings = new LinkedHashMap<>();
        Field<List<JNode>> inlinePeerings = Fields.elements(props, "virtualNetworkPeerings");
        if (inlinePeerings instanceof Field.Known<List<JNode>> k) {
            for (JNode p : k.value()) {
                Field<String> name = Fields.name(p, "name");
                String id = childId(p, r.id(), "virtualNetworkPeerings", name);
                peerings.put(keyOf(id), peering(r.id(), id, name, Fields.props(p), r.deployment(),
                        p.location()));
            }
        } else {
            gaps.add(new ModelGap("Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "the peerings of VNet '"
                    + r.id() + "' are not known: " + reason(inlinePeerings), r.location()));
        }
        for (ResourceInstance c : nonNull(peeringChildren)) {
            peerings.put(keyOf(c.id()), peering(r.id(), c.id(), lastSegment(c), Fields.props(c.properties()),
                    c.deployment(), c.location()));
        }
        return new VirtualNetwork(r.id(), name(r), Fields.string(r.region(), null, "location"), addressSpace, dns,
                List.copyOf(subnets.values()), List.copyOf(peerings.values()), r.deployment(), r.location());
    }

    private Subnet subnet(String vnetId, String id, Field<String> name, JNode props, Deployment deployment,
            SourceLocation location) {
        Field<List<String>> prefixes = Fields.strings(props, "addressPrefixes");
        Field<String> single = Fields.string(props, "addressPrefix");
        if (single instanceof Field.Known<String> k && !k.value().isEmpty()
                && (prefixes instanceof Field.Absent || prefixes.orDefault(List.of()).isEmpty())) {
            prefixes = Field.known(List.of(k.value()));
        } else if (single instanceof Field.Unknown<String> u) {
            prefixes = Field.unknown(u.reason(), u.location());
        }
        return new Subnet(id, vnetId, name, prefixes, Fields.reference(props, "networkSecurityGroup"),
                Fields.reference(props, "routeTable"), delegations(props), deployment, location);
    }

    /** The service names of a subnet's {@code delegations}: Unknown when any of them is. */
    private static Field<List<String>> delegations(JNode props) {
        Field<List<JNode>> elements = Fields.elements(props, "delegations");
        if (!(elements instanceof Field.Known<List<JNode>> k)) {
            @SuppressWarnings("unchecked")
            Field<List<String>> other = (Field<List<String>>) (Field<?>) elements;
            return other;
        }
        List<String> services = new ArrayList<>();
        for (JNode d : k.value()) {
            Field<String> service = Fields.string(Fields.props(d), "serviceName");
            if (service instanceof Field.Known<String> known) {
                services.add(known.value());
            } else if (service instanceof Field.Unknown<String> u) {
                return Field.unknown("a delegation's service is not known: " + u.reason(), u.location());
            } else {
                return Field.invalid(Fields.text(d), "a delegation needs properties.serviceName", d.location());
            }
        }
        return Field.known(List.copyOf(services));
    }

    private Peering peering(String vnetId, String id, Field<String> name, JNode props, Deployment deployment,
            SourceLocation location) {
        return new Peering(id, vnetId, name, Fields.reference(props, "remoteVirtualNetwork"),
                Fields.bool(props, "allowVirtualNetworkAccess"), Fields.bool(props, "allowForwardedTraffic"),
                Fields.bool(props, "allowGatewayTransit"), Fields.bool(props, "useRemoteGateways"), deployment,
                location);
    }

    // ---- NICs, VMs and scale sets ------------------------------------------------------------------------

    /** The NICs, and into {@code vms} the VMs and scale sets with the NICs each connects through. */
    private List<NetworkInterface> networkInterfaces(List<VirtualMachine> vms) {
        List<NetworkInterface> out = new ArrayList<>();
        for (ResourceInstance r : all(NIC)) {
            JNode props = Fields.props(r.properties());
            out.add(new NetworkInterface(r.id(), name(r), NetworkInterface.Kind.NETWORK_INTERFACE,
                    Fields.reference(props, "networkSecurityGroup"), ipConfigurations(props, r, null),
                    Fields.bool(props, "enableIPForwarding"), r.deployment(), r.location()));
        }
        for (ResourceInstance r : all(VM)) {
            JNode props = Fields.props(r.properties());
            JNode network = Fields.member(props, "networkProfile");
            Field<List<String>> ids = Fields.references(network, "networkInterfaces");
            Field<List<JNode>> configs = Fields.elements(network, "networkInterfaceConfigurations");
            if (configs instanceof Field.Known<List<JNode>> k && !k.value().isEmpty()) {
                // A VM may make its own NICs: each configuration is one NIC, named under the VM.
                List<String> made = new ArrayList<>(ids.known().orElse(List.of()));
                for (JNode config : k.value()) {
                    NetworkInterface nic = nicConfiguration(r, config, r.id() + "/networkInterfaceConfigurations/",
                            NetworkInterface.Kind.VIRTUAL_MACHINE_NIC_CONFIGURATION);
                    out.add(nic);
                    made.add(nic.id());
                }
                ids = ids instanceof Field.Known ? Field.known(List.copyOf(made)) : ids;
            } else if (!(configs instanceof Field.Known)) {
                gaps.add(new ModelGap("Microsoft.Compute/virtualMachines", "the NICs of VM '" + r.id()
                        + "' are not known: " + reason(configs), r.location()));
            }
            if (network == null && props instanceof JUnknown u) {
                ids = Field.unknown(u.reason(), u.location());
            }
            vms.add(vm(r, props, VirtualMachine.Kind.VIRTUAL_MACHINE, ids));
        }
        for (ResourceInstance r : all(VMSS)) {
            JNode vmProfile = Fields.member(Fields.props(r.properties()), "virtualMachineProfile");
            JNode profile = Fields.member(vmProfile, "networkProfile");
            Field<List<JNode>> configs = Fields.elements(profile, "networkInterfaceConfigurations");
            if (Fields.props(r.properties()) instanceof JUnknown u) {
                configs = Field.unknown(u.reason(), u.location());
            }
            if (!(configs instanceof Field.Known<List<JNode>> k)) {
                gaps.add(new ModelGap("Microsoft.Compute/virtualMachineScaleSets", "the NICs of scale set '"
                        + r.id() + "' are not known: " + reason(configs), r.location()));
                vms.add(vm(r, vmProfile, VirtualMachine.Kind.SCALE_SET, retype(configs)));
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (JNode config : k.value()) {
                NetworkInterface nic = nicConfiguration(r, config, r.id() + "/virtualMachines/*/networkInterfaces/",
                        NetworkInterface.Kind.SCALE_SET_NIC_CONFIGURATION);
                out.add(nic);
                ids.add(nic.id());
            }
            vms.add(vm(r, vmProfile, VirtualMachine.Kind.SCALE_SET, Field.known(List.copyOf(ids))));
        }
        return out;
    }

    /** A NIC described inside a VM or scale set: each of its instances gets one. */
    private NetworkInterface nicConfiguration(ResourceInstance r, JNode config, String idPrefix,
            NetworkInterface.Kind kind) {
        Field<String> nicName = Fields.name(config, "name");
        String id = idPrefix + nicName.known().orElse("{unknown name}");
        JNode props = Fields.props(config);
        return new NetworkInterface(id, nicName, kind, Fields.reference(props, "networkSecurityGroup"),
                ipConfigurations(props, r, id), Fields.bool(props, "enableIPForwarding"), r.deployment(),
                config.location());
    }

    private VirtualMachine vm(ResourceInstance r, JNode osSource, VirtualMachine.Kind kind,
            Field<List<String>> nicIds) {
        OperatingSystems.Reading os = OperatingSystems.of(osSource);
        return new VirtualMachine(r.id(), name(r), kind, os.os(), os.basis(), nicIds, r.deployment(), r.location());
    }

    private List<IpConfiguration> ipConfigurations(JNode props, ResourceInstance r, String scaleSetNicId) {
        Field<List<JNode>> configs = Fields.elements(props, "ipConfigurations");
        if (!(configs instanceof Field.Known<List<JNode>> k)) {
            gaps.add(new ModelGap(r.type(), "the IP configurations of '" + r.id() + "' are not known: "
                    + reason(configs), r.location()));
            return List.of();
        }
        List<IpConfiguration> out = new ArrayList<>();
        for (JNode c : k.value()) {
            JNode p = Fields.props(c);
            Field<String> name = Fields.name(c, "name");
            Field<String> publicIp = Fields.reference(p, "publicIPAddress");
            if (scaleSetNicId != null) {
                // A scale set gives each instance its own public IP from a configuration, not a resource.
                JNode pipConfig = Fields.member(p, "publicIPAddressConfiguration");
                publicIp = pipConfig == null ? Field.absent()
                        : pipConfig instanceof JUnknown u ? Field.unknown(u.reason(), u.location())
                        : Field.known(scaleSetNicId + "/ipConfigurations/" + name.known().orElse("{unknown name}")
                                + "/publicIPAddresses/" + Fields.name(pipConfig, "name").known().orElse("{unknown name}"));
            }
            out.add(new IpConfiguration(name, Fields.reference(p, "subnet"), Fields.string(p, "privateIPAddress"),
                    publicIp, Fields.references(p, "applicationSecurityGroups"), c.location()));
        }
        return out;
    }

    // ---- Bastion and the rest ----------------------------------------------------------------------------

    private BastionHost bastion(ResourceInstance r) {
        JNode props = Fields.props(r.properties());
        Field<List<JNode>> configs = Fields.elements(props, "ipConfigurations");
        Field<String> subnet = Field.absent();
        Field<String> publicIp = Field.absent();
        if (configs instanceof Field.Known<List<JNode>> k) {
            if (!k.value().isEmpty()) {
                JNode p = Fields.props(k.value().get(0));
                subnet = Fields.reference(p, "subnet");
                publicIp = Fields.reference(p, "publicIPAddress");
            }
        } else {
            subnet = retype(configs);
            publicIp = retype(configs);
        }
        BastionHost.Features features = new BastionHost.Features(
                Fields.bool(props, "enableTunneling"), Fields.bool(props, "enableIpConnect"),
                Fields.bool(props, "enableShareableLink"), Fields.bool(props, "disableCopyPaste"),
                Fields.bool(props, "enableFileCopy"), Fields.bool(props, "enableKerberos"),
                Fields.bool(props, "enableSessionRecording"), Fields.bool(props, "enablePrivateOnlyBastion"),
                Fields.integer(props, "scaleUnits"));
        return new BastionHost(r.id(), name(r), Fields.string(r.sku(), "name"), subnet, publicIp,
                Fields.reference(props, "virtualNetwork"), features, r.deployment(), r.location());
    }

    private PublicIpAddress publicIp(ResourceInstance r) {
        return new PublicIpAddress(r.id(), name(r), Fields.string(r.sku(), "name"),
                Fields.string(Fields.props(r.properties()), "publicIPAllocationMethod"), r.deployment(), r.location());
    }

    private List<RouteTable> routeTables() {
        Map<String, List<ResourceInstance>> children = byParent(all(ROUTE));
        List<RouteTable> out = new ArrayList<>();
        for (ResourceInstance r : all(ROUTE_TABLE)) {
            JNode props = Fields.props(r.properties());
            Field<List<JNode>> inline = Fields.elements(props, "routes");
            Field<List<RouteTable.Route>> routes;
            if (inline instanceof Field.Known<List<JNode>> k) {
                List<RouteTable.Route> list = new ArrayList<>();
                k.value().forEach(e -> list.add(route(Fields.name(e, "name"), Fields.props(e), e.location())));
                nonNull(children.remove(ResourceIds.key(r.id()))).forEach(c ->
                        list.add(route(lastSegment(c), Fields.props(c.properties()), c.location())));
                routes = Field.known(List.copyOf(list));
            } else {
                routes = retype(inline);
            }
            out.add(new RouteTable(r.id(), name(r), routes, r.deployment(), r.location()));
        }
        children.forEach((k, v) -> gaps.add(new ModelGap("Microsoft.Network/routeTables", "routes are added to route"
                + " table '" + ResourceIds.parent(v.get(0).id()) + "', which is not declared in the scanned files",
                v.get(0).location())));
        return out;
    }

    private static RouteTable.Route route(Field<String> name, JNode p, SourceLocation location) {
        return new RouteTable.Route(name, Fields.string(p, "addressPrefix"), Fields.string(p, "nextHopType"),
                Fields.string(p, "nextHopIpAddress"), location);
    }

    private VirtualHubConnection hubConnection(ResourceInstance r) {
        return new VirtualHubConnection(r.id(), ResourceIds.parent(r.id()), name(r),
                Fields.reference(Fields.props(r.properties()), "remoteVirtualNetwork"), r.deployment(), r.location());
    }

    private DiagnosticSetting diagnosticSetting(ResourceInstance r) {
        JNode props = Fields.props(r.properties());
        Field<String> target;
        if (!r.scope().isEmpty()) {
            target = r.scope().contains("{unknown") ? Field.unknown("the diagnostic setting's scope is not known",
                    r.location()) : Field.known(r.scope());
        } else {
            String lower = r.id().toLowerCase(Locale.ROOT);
            int at = lower.lastIndexOf("/providers/microsoft.insights/diagnosticsettings/");
            target = at > 0 ? Field.known(r.id().substring(0, at))
                    : Field.unknown("the diagnostic setting names no resource (no scope)", r.location());
        }
        Field<List<JNode>> logs = Fields.elements(props, "logs");
        Field<List<String>> enabled;
        if (logs instanceof Field.Known<List<JNode>> k) {
            List<String> names = new ArrayList<>();
            for (JNode log : k.value()) {
                Field<Boolean> on = Fields.bool(log, "enabled");
                if (on instanceof Field.Unknown<Boolean> u) {
                    enabled = Field.unknown(u.reason(), u.location());
                    return new DiagnosticSetting(r.id(), name(r), target, Fields.identifier(Fields.member(props, "workspaceId"), props, "workspaceId"), enabled,
                            r.deployment(), r.location());
                }
                if (on.orDefault(false)) {
                    Fields.string(log, "category").known().ifPresent(names::add);
                    Fields.string(log, "categoryGroup").known().ifPresent(names::add);
                }
            }
            enabled = Field.known(List.copyOf(names));
        } else {
            enabled = retype(logs);
        }
        return new DiagnosticSetting(r.id(), name(r), target, Fields.identifier(Fields.member(props, "workspaceId"), props, "workspaceId"), enabled,
                r.deployment(), r.location());
    }

    private FlowLog flowLog(ResourceInstance r) {
        JNode props = Fields.props(r.properties());
        JNode retention = Fields.member(props, "retentionPolicy");
        boolean noPolicy = retention == null || retention instanceof JNull;
        return new FlowLog(r.id(), name(r),
                Fields.identifier(Fields.member(props, "targetResourceId"), props, "targetResourceId"),
                Fields.bool(props, "enabled"),
                noPolicy ? Field.absent() : Fields.bool(retention, "enabled"),
                noPolicy ? Field.absent() : Fields.integer(retention, "days"), r.deployment(), r.location());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Map<String, List<ResourceInstance>> byParent(List<ResourceInstance> children) {
        Map<String, List<ResourceInstance>> out = new LinkedHashMap<>();
        for (ResourceInstance c : children) {
            out.computeIfAbsent(ResourceIds.key(ResourceIds.parent(c.id())), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static String childId(JNode element, String parentId, String childType, Field<String> name) {
        Field<String> declared = Fields.identifier(Fields.member(element, "id"), element, "id");
        if (declared instanceof Field.Known<String> k && k.value().startsWith("/")) {
            return k.value();
        }
        return parentId + "/" + childType + "/" + name.known().orElse("{unknown name}");
    }

    /** The resource's own name: the last segment of its full name. */
    private static Field<String> name(ResourceInstance r) {
        return lastSegment(r);
    }

    private static Field<String> lastSegment(ResourceInstance r) {
        if (r.name() instanceof JString s) {
            String n = s.value();
            return Field.known(n.substring(n.lastIndexOf('/') + 1));
        }
        if (r.name() instanceof JUnknown u) {
            return Field.unknown("the name is not known: " + u.reason(), u.location());
        }
        return Field.known(ResourceIds.name(r.id()));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String reason(Field<?> f) {
        if (f instanceof Field.Unknown<?> u) {
            return u.reason();
        }
        if (f instanceof Field.Invalid<?> i) {
            return i.problem();
        }
        return "not set";
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> retype(Field<?> notKnown) {
        if (notKnown instanceof Field.Known) {
            throw new IllegalArgumentException("only an unknown or invalid field can change its type");
        }
        return (Field<T>) notKnown;
    }
}
