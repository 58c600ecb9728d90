package io.github.nsglint.core.engine;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.flow.RuleProblem;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.DiagnosticSetting;
import io.github.nsglint.core.model.FlowLog;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.ModelElement;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.OperatingSystem;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.PublicIpAddress;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.RouteTable;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualMachine;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.topology.BastionEndpoint;
import io.github.nsglint.core.topology.BastionPlacement;
import io.github.nsglint.core.topology.BastionSkus;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.core.topology.PeeringLink;
import io.github.nsglint.core.topology.PortNeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the rule language can see of the model: the kinds a rule can iterate over and, for each, its fields with
 * their types and Azure's defaults. The reference in rules/README.md lists the same; {@code nsglint explain}
 * prints it. An unset field reads as Azure's default where there is one, else as absent.
 */
final class Schema {

    /** One field of a kind: its type, a line of documentation, and how to read it. */
    record FieldDef(Type type, String doc, BiFunction<Object, EvalContext, Val> getter) {
    }

    static final Map<String, Map<String, FieldDef>> KINDS = new LinkedHashMap<>();

    static {
        kind("bastion", bastion());
        kind("subnet", subnet());
        kind("nsg", nsg());
        kind("securityRule", securityRule());
        kind("vnet", vnet());
        kind("peering", peering());
        kind("nic", nic());
        kind("vm", vm());
        kind("endpoint", endpoint());
        kind("publicIp", publicIp());
        kind("diagnosticSetting", diagnosticSetting());
        kind("flowLog", flowLog());
        kind("routeTable", routeTable());
        kind("problem", problem());
        kind("gap", gap());
    }

    private Schema() {
    }

    private static void kind(String name, Map<String, FieldDef> fields) {
        KINDS.put(name, fields);
    }

    /** The elements of a kind in the model, in declaration order. */
    static List<Val> all(String kind, EvalContext c) {
        List<Val> out = new ArrayList<>();
        switch (kind) {
            case "bastion" -> c.model().bastionHosts().forEach(b -> out.add(elem(kind, b)));
            case "subnet" -> c.model().subnets().forEach(s -> out.add(elem(kind, s)));
            case "nsg" -> c.model().networkSecurityGroups().forEach(n -> out.add(elem(kind, n)));
            case "securityRule" -> c.model().networkSecurityGroups().forEach(n -> n.securityRules().known()
                    .orElse(List.of()).forEach(r -> out.add(elem(kind, r))));
            case "vnet" -> c.model().virtualNetworks().forEach(v -> out.add(elem(kind, v)));
            case "peering" -> c.model().peerings().forEach(p -> out.add(elem(kind, p)));
            case "nic" -> c.model().networkInterfaces().forEach(n -> out.add(elem(kind, n)));
            case "vm" -> c.model().virtualMachines().forEach(v -> out.add(elem(kind, v)));
            case "endpoint" -> c.topology().bastions().forEach(p -> p.endpoints().forEach(e -> out.add(elem(kind, e))));
            case "publicIp" -> c.model().publicIpAddresses().forEach(p -> out.add(elem(kind, p)));
            case "diagnosticSetting" -> c.model().diagnosticSettings().forEach(d -> out.add(elem(kind, d)));
            case "flowLog" -> c.model().flowLogs().forEach(l -> out.add(elem(kind, l)));
            case "routeTable" -> c.model().routeTables().forEach(r -> out.add(elem(kind, r)));
            case "gap" -> c.model().gaps().forEach(g -> out.add(new Val.Elem(kind, g, g.location())));
            default -> throw new IllegalArgumentException("no elements of kind " + kind);
        }
        return out;
    }

    /** Kinds a rule may iterate over without {@code in} (the others come from fields or functions). */
    static boolean isTopLevel(String kind) {
        return !kind.equals("problem");
    }

    static Val.Elem elem(String kind, Object element) {
        SourceLocation at = element instanceof ModelElement m ? m.location()
                : element instanceof BastionEndpoint e ? e.location()
                : element instanceof SecurityRule r ? r.location()
                : element instanceof RuleProblem p ? p.location()
                : element instanceof ModelGap g ? g.location() : SourceLocation.BUILT_IN;
        return new Val.Elem(kind, element, at);
    }

    /** How an element is named in messages. */
    static String nameOf(Val.Elem e) {
        Object o = e.element();
        if (o instanceof SecurityRule r) {
            return r.name().known().orElse(r.id());
        }
        if (o instanceof ModelElement m) {
            String name = m.name().known().orElse(ResourceIds.name(m.id()));
            return name.isBlank() ? "the unnamed " + e.kind() + " at " + m.location().display() : name;
        }
        if (o instanceof RuleProblem p) {
            return p.message();
        }
        if (o instanceof ModelGap g) {
            return g.reason();
        }
        if (o instanceof BastionEndpoint endpoint) {
            return endpoint.describe();
        }
        return String.valueOf(o);
    }

    // ---- kinds ---------------------------------------------------------------------------------------------

    private static Map<String, FieldDef> bastion() {
        Fields<BastionHost> f = new Fields<>(BastionHost.class);
        f.add("id", Type.STRING, "resource ID", (b, c) -> new Val.Str(b.id(), b.location()));
        f.add("name", Type.STRING, "name", (b, c) -> Val.str(b.name(), null, b.location()));
        f.add("sku", Type.STRING, "Developer, Basic (the default), Standard or Premium",
                (b, c) -> Val.str(b.sku(), "Basic", b.location()));
        f.add("subnet", Type.kind("subnet"), "its subnet (AzureBastionSubnet); absent for the Developer SKU",
                (b, c) -> bastionSubnet(b, c.placement(b)));
        f.add("vnet", Type.kind("vnet"), "its virtual network",
                (b, c) -> c.placement(b).virtualNetwork().map(v -> (Val) elem("vnet", v))
                        .orElseGet(() -> unknownPlacement(b, c.placement(b))));
        f.add("publicIp", Type.kind("publicIp"), "its public IP address",
                (b, c) -> reference(b.publicIpAddressId(), b.location(), "public IP",
                        id -> c.model().publicIpAddress(id).map(p -> (Val) elem("publicIp", p))));
        f.add("targets", Type.listOf(Type.kind("subnet")), "subnets it is meant to reach: in its VNet and in VNets"
                + " peered with it in either direction, that hold a NIC",
                (b, c) -> new Val.Items(c.placement(b).targets().stream().map(s -> (Val) elem("subnet", s)).toList(),
                        b.location(), c.placement(b).doubts()));
        f.add("endpoints", Type.listOf(Type.kind("endpoint")), "what it opens sessions to: each NIC of its targets"
                + " (with the VM behind it), and each target subnet without NICs",
                (b, c) -> new Val.Items(c.placement(b).endpoints().stream().map(e -> (Val) elem("endpoint", e))
                        .toList(), b.location(), c.placement(b).doubts()));
        f.add("source", Type.ADDRESS, "where its sessions come from: its subnet, or 168.63.129.16 for the Developer"
                + " SKU, which has none", (b, c) -> source(b, c));
        f.add("customPorts", Type.listOf(Type.INT), "custom ports declared for its endpoints (metadata or"
                + " configuration)", (b, c) -> ints(c.placement(b).endpoints().stream()
                        .flatMap(e -> e.customPorts().stream()).distinct().sorted().toList(), b.location()));
        f.add("domainControllers", Type.listOf(Type.kind("nic")), "the NICs holding its VNet's custom DNS servers"
                + " (the domain controllers, for Kerberos)", (b, c) -> domainControllers(b, c));
        f.add("tunneling", Type.BOOL, "native client support (enableTunneling)",
                (b, c) -> Val.bool(b.features().enableTunneling(), false, b.location()));
        f.add("ipConnect", Type.BOOL, "IP-based connection (enableIpConnect)",
                (b, c) -> Val.bool(b.features().enableIpConnect(), false, b.location()));
        f.add("shareableLink", Type.BOOL, "shareable links (enableShareableLink)",
                (b, c) -> Val.bool(b.features().enableShareableLink(), false, b.location()));
        f.add("copyPasteDisabled", Type.BOOL, "disableCopyPaste",
                (b, c) -> Val.bool(b.features().disableCopyPaste(), false, b.location()));
        f.add("fileCopy", Type.BOOL, "enableFileCopy",
                (b, c) -> Val.bool(b.features().enableFileCopy(), false, b.location()));
        f.add("kerberos", Type.BOOL, "enableKerberos",
                (b, c) -> Val.bool(b.features().enableKerberos(), false, b.location()));
        f.add("sessionRecording", Type.BOOL, "enableSessionRecording",
                (b, c) -> Val.bool(b.features().enableSessionRecording(), false, b.location()));
        f.add("privateOnly", Type.BOOL, "enablePrivateOnlyBastion",
                (b, c) -> Val.bool(b.features().enablePrivateOnlyBastion(), false, b.location()));
        f.add("scaleUnits", Type.INT, "scale units (2 by default)",
                (b, c) -> Val.of(b.features().scaleUnits(), new Val.Int(2, b.location()), b.location(),
                        v -> new Val.Int(v, b.location())));
        f.add("diagnostics", Type.listOf(Type.kind("diagnosticSetting")), "diagnostic settings that target it",
                (b, c) -> new Val.Items(c.model().diagnosticSettings().stream()
                        .filter(d -> d.targetResourceId().known().filter(id -> ResourceIds.same(id, b.id())).isPresent())
                        .map(d -> (Val) elem("diagnosticSetting", d)).toList(), b.location()));
        f.add("auditLogsToWorkspace", Type.BOOL, "whether a diagnostic setting sends its BastionAuditLogs (or all"
                + " logs, or the audit group) to a Log Analytics workspace", (b, c) -> auditLogs(b, c));
        f.add("insideVirtualHub", Type.BOOL, "whether its subnet is inside a Virtual WAN hub",
                (b, c) -> new Val.Bool(b.subnetId().known().filter(id -> id.toLowerCase(java.util.Locale.ROOT)
                        .contains("/virtualhubs/")).isPresent(), b.location()));
        return f.defs;
    }

    /** The subnet's addresses, or for the Developer SKU (a shared pool, no subnet) the platform address. */
    private static Val source(BastionHost b, EvalContext c) {
        BastionPlacement p = c.placement(b);
        if (p.subnet() != null) {
            return elem("subnet", p.subnet());
        }
        if (b.subnetId() instanceof Field.Absent && b.virtualNetworkId() instanceof Field.Known) {
            return new Val.Str(DEVELOPER_SOURCE, b.location());
        }
        return bastionSubnet(b, p);
    }

    /** Where the Developer SKU's sessions come from (quickstart-developer: "from the private IP address 168.63.129.16"). */
    static final String DEVELOPER_SOURCE = "168.63.129.16";

    static Val ints(List<Integer> values, SourceLocation at) {
        return new Val.Items(values.stream().map(v -> (Val) new Val.Int(v, at)).toList(), at);
    }

    /** A port need as a value: the ports, or, when they depend on an unknown value, each list they may be. */
    static Val ports(PortNeed need, SourceLocation at) {
        if (need.isCertain()) {
            return ints(need.worlds().get(0), at);
        }
        return new Val.Unknown(need.reason(), need.at() != null ? need.at() : at,
                need.worlds().stream().map(w -> ints(w, at)).toList());
    }

    private static Val domainControllers(BastionHost b, EvalContext c) {
        VirtualNetwork vnet = c.placement(b).network();
        if (vnet == null) {
            return unknownPlacement(b, c.placement(b));
        }
        if (!(vnet.dnsServers() instanceof Field.Known<List<String>> dns)) {
            return Val.of(vnet.dnsServers(), new Val.Items(List.of(), vnet.location()), vnet.location(),
                    x -> new Val.Items(List.of(), vnet.location()));
        }
        List<Val> out = new ArrayList<>();
        for (String server : dns.value()) {
            var ip = AddressSpace.cidr(server);
            boolean inside = ip.isPresent() && vnet.subnets().stream().anyMatch(s -> c.engine().addressesOf(s).ips()
                    .containsAll(ip.get()));
            boolean inSpace = ip.isPresent() && AddressSpace.prefixes(vnet.addressSpace().known().orElse(List.of()))
                    .containsAll(ip.get());
            if (!inside && inSpace) {
                out.add(new Val.Unknown("DNS server " + server + " lies in VNet " + vnet.name().known().orElse(vnet.id())
                        + " but in none of its subnets in the scanned files, so the NSGs of the domain controller"
                        + " cannot be judged", vnet.location()));
                continue;
            }
            if (!inside) {
                continue; // not a domain controller in this VNet: BAS035's first expectation says so
            }
            NetworkInterface holder = null;
            for (NetworkInterface nic : c.model().networkInterfaces()) {
                for (IpConfiguration cfg : nic.ipConfigurations()) {
                    if (cfg.privateIpAddress().known().filter(a -> a.trim().equals(server.trim())).isPresent()) {
                        holder = nic;
                    }
                }
            }
            out.add(holder != null ? elem("nic", holder) : new Val.Unknown("no NIC in the scanned files holds DNS"
                    + " server " + server + " (the domain controller), so its NSGs cannot be judged", vnet.location()));
        }
        return new Val.Items(out, vnet.location());
    }

    private static Val auditLogs(BastionHost b, EvalContext c) {
        Val.Unknown unknown = null;
        for (DiagnosticSetting d : c.model().diagnosticSettings()) {
            if (d.targetResourceId() instanceof Field.Unknown<String> u) {
                unknown = new Val.Unknown("the target of diagnostic setting " + d.name().known().orElse(d.id())
                        + " is not known: " + u.reason(), u.location());
                continue;
            }
            if (d.targetResourceId().known().filter(id -> ResourceIds.same(id, b.id())).isEmpty()) {
                continue;
            }
            if (d.enabledLogs() instanceof Field.Unknown<java.util.List<String>> u) {
                unknown = new Val.Unknown(u.reason(), u.location());
                continue;
            }
            boolean audit = d.enabledLogs().known().orElse(List.of()).stream().anyMatch(l ->
                    l.equalsIgnoreCase("BastionAuditLogs") || l.equalsIgnoreCase("allLogs") || l.equalsIgnoreCase("audit"));
            if (audit && d.workspaceId() instanceof Field.Known) {
                return new Val.Bool(true, d.location());
            }
            if (audit && d.workspaceId() instanceof Field.Unknown<String> u) {
                unknown = new Val.Unknown(u.reason(), u.location());
            }
        }
        return unknown != null ? unknown : new Val.Bool(false, b.location());
    }

    private static Val bastionSubnet(BastionHost b, BastionPlacement p) {
        if (p.subnet() != null) {
            return elem("subnet", p.subnet());
        }
        if (b.subnetId() instanceof Field.Absent) {
            return new Val.Absent(b.location());
        }
        return unknownPlacement(b, p);
    }

    private static Val unknownPlacement(BastionHost b, BastionPlacement p) {
        if (b.subnetId() instanceof Field.Unknown<String> u) {
            return new Val.Unknown(u.reason(), u.location());
        }
        return new Val.Unknown(p.problems().isEmpty() ? "its subnet and VNet are not known"
                : "Bastion " + b.name().known().orElse(b.id()) + ": " + p.problems().get(0), b.location());
    }

    private static Map<String, FieldDef> subnet() {
        Fields<Subnet> f = new Fields<>(Subnet.class);
        f.add("id", Type.STRING, "resource ID", (s, c) -> new Val.Str(s.id(), s.location()));
        f.add("name", Type.STRING, "name", (s, c) -> Val.str(s.name(), null, s.location()));
        f.add("prefixes", Type.listOf(Type.STRING), "address prefixes", (s, c) -> Val.strings(s.addressPrefixes(),
                s.location()));
        f.add("nsg", Type.kind("nsg"), "its network security group; absent when none",
                (s, c) -> nsgOf(c.topology().nsgOf(s), s.networkSecurityGroupId(), s.location()));
        f.add("delegations", Type.listOf(Type.STRING), "the services it is delegated to (serviceName); empty when"
                + " none", (s, c) -> Val.strings(s.delegations(), s.location()));
        f.add("routeTable", Type.kind("routeTable"), "its route table; absent when none",
                (s, c) -> reference(s.routeTableId(), s.location(), "route table",
                        id -> c.model().routeTable(id).map(r -> (Val) elem("routeTable", r))));
        f.add("vnet", Type.kind("vnet"), "its virtual network",
                (s, c) -> c.topology().virtualNetworkOf(s).map(v -> (Val) elem("vnet", v))
                        .orElseGet(() -> new Val.Unknown("its VNet is not in the scanned files", s.location())));
        f.add("nics", Type.listOf(Type.kind("nic")), "NICs with an IP configuration in it",
                (s, c) -> new Val.Items(c.topology().nicsIn(s).stream().map(n -> (Val) elem("nic", n)).toList(),
                        s.location()));
        return f.defs;
    }

    private static Val nsgOf(NsgAttachment a, Field<String> reference, SourceLocation at) {
        if (a instanceof NsgAttachment.Attached x) {
            return elem("nsg", x.nsg());
        }
        if (a instanceof NsgAttachment.None) {
            return new Val.Absent(at);
        }
        SourceLocation where = reference instanceof Field.Unknown<String> u ? u.location() : at;
        return new Val.Unknown(((NsgAttachment.Unresolved) a).reason(), where);
    }

    private static Val reference(Field<String> ref, SourceLocation at, String what,
            Function<String, java.util.Optional<Val>> resolve) {
        if (ref instanceof Field.Known<String> k) {
            return resolve.apply(k.value()).orElseGet(() -> new Val.Unknown(what + " '" + k.value()
                    + "' is not declared in the scanned files", at));
        }
        return Val.of(ref, null, at, v -> new Val.Str(v, at));
    }

    private static Map<String, FieldDef> nsg() {
        Fields<NetworkSecurityGroup> f = new Fields<>(NetworkSecurityGroup.class);
        f.add("id", Type.STRING, "resource ID", (n, c) -> new Val.Str(n.id(), n.location()));
        f.add("name", Type.STRING, "name", (n, c) -> Val.str(n.name(), null, n.location()));
        f.add("rules", Type.listOf(Type.kind("securityRule")), "its custom rules",
                (n, c) -> Val.of(n.securityRules(), null, n.location(),
                        rs -> new Val.Items(rs.stream().map(r -> (Val) elem("securityRule", r)).toList(), n.location())));
        f.add("subnets", Type.listOf(Type.kind("subnet")), "subnets it is attached to",
                (n, c) -> new Val.Items(c.topology().attachmentsOf(n).stream().filter(Subnet.class::isInstance)
                        .map(s -> (Val) elem("subnet", s)).toList(), n.location()));
        f.add("nics", Type.listOf(Type.kind("nic")), "NICs it is attached to",
                (n, c) -> new Val.Items(c.topology().attachmentsOf(n).stream().filter(NetworkInterface.class::isInstance)
                        .map(s -> (Val) elem("nic", s)).toList(), n.location()));
        f.add("attached", Type.BOOL, "attached to a subnet or NIC of the scanned files (true for an NSG declared"
                + " elsewhere); unknown when a subnet's or NIC's NSG link is not known", (n, c) -> attached(n, c));
        return f.defs;
    }

    /** Whether an NSG is attached to something: false only when every NSG link of the model is known. */
    private static Val attached(NetworkSecurityGroup n, EvalContext c) {
        if (!c.topology().attachmentsOf(n).isEmpty()) {
            return new Val.Bool(true, n.location());
        }
        if (n.declaredElsewhere()) {
            // It exists outside the scanned files, and so does whatever attaches it; ANA001 notes the NSG.
            return new Val.Bool(true, n.location());
        }
        for (ModelGap gap : c.model().gaps()) {
            if (!gap.resourceType().equalsIgnoreCase("Microsoft.Network/networkSecurityGroups")) {
                // What the model lacks (a linked template, a subnet of a VNet declared elsewhere) may attach it.
                return new Val.Unknown("the scanned files do not show everything that could attach it: "
                        + gap.reason(), gap.location());
            }
        }
        for (Subnet s : c.model().subnets().toList()) {
            if (!s.networkSecurityGroupId().isKnown() && !(s.networkSecurityGroupId() instanceof Field.Absent)) {
                return new Val.Unknown("the NSG of subnet " + s.name().known().orElse(s.id()) + " is not known: it may"
                        + " be this one", s.location());
            }
        }
        for (NetworkInterface nic : c.model().networkInterfaces()) {
            if (!nic.networkSecurityGroupId().isKnown() && !(nic.networkSecurityGroupId() instanceof Field.Absent)) {
                return new Val.Unknown("the NSG of NIC " + nic.name().known().orElse(nic.id()) + " is not known: it"
                        + " may be this one", nic.location());
            }
        }
        return new Val.Bool(false, n.location());
    }

    private static Map<String, FieldDef> securityRule() {
        Fields<SecurityRule> f = new Fields<>(SecurityRule.class);
        f.add("name", Type.STRING, "name", (r, c) -> Val.str(r.name(), null, r.location()));
        f.add("priority", Type.INT, "priority", (r, c) -> Val.of(r.priority(), null, r.location(),
                v -> new Val.Int(v, r.location())));
        f.add("direction", Type.STRING, "Inbound or Outbound", (r, c) -> Val.of(r.direction(), null, r.location(),
                v -> new Val.Str(v.armName(), r.location())));
        f.add("access", Type.STRING, "Allow or Deny", (r, c) -> Val.of(r.access(), null, r.location(),
                v -> new Val.Str(v.armName(), r.location())));
        f.add("protocol", Type.STRING, "Tcp, Udp, Icmp, Esp, Ah or *", (r, c) -> Val.of(r.protocol(), null,
                r.location(), v -> new Val.Str(v.armName(), r.location())));
        f.add("sources", Type.listOf(Type.STRING), "source address prefixes",
                (r, c) -> Val.strings(r.sourceAddressPrefixes(), r.location()));
        f.add("destinations", Type.listOf(Type.STRING), "destination address prefixes",
                (r, c) -> Val.strings(r.destinationAddressPrefixes(), r.location()));
        f.add("destinationPorts", Type.listOf(Type.STRING), "destination port ranges",
                (r, c) -> Val.strings(r.destinationPortRanges(), r.location()));
        return f.defs;
    }

    private static Map<String, FieldDef> vnet() {
        Fields<VirtualNetwork> f = new Fields<>(VirtualNetwork.class);
        f.add("id", Type.STRING, "resource ID", (v, c) -> new Val.Str(v.id(), v.location()));
        f.add("name", Type.STRING, "name", (v, c) -> Val.str(v.name(), null, v.location()));
        f.add("region", Type.STRING, "Azure region", (v, c) -> Val.str(v.region(), null, v.location()));
        f.add("addressSpace", Type.listOf(Type.STRING), "address prefixes",
                (v, c) -> Val.strings(v.addressSpace(), v.location()));
        f.add("dnsServers", Type.listOf(Type.STRING), "custom DNS servers (empty: Azure-provided DNS)",
                (v, c) -> Val.strings(v.dnsServers(), v.location()));
        f.add("subnets", Type.listOf(Type.kind("subnet")), "subnets",
                (v, c) -> new Val.Items(v.subnets().stream().map(s -> (Val) elem("subnet", s)).toList(), v.location()));
        f.add("peerings", Type.listOf(Type.kind("peering")), "peerings declared on this VNet",
                (v, c) -> new Val.Items(v.peerings().stream().map(p -> (Val) elem("peering", p)).toList(),
                        v.location()));
        f.add("dnsServersInside", Type.BOOL, "whether it has custom DNS servers and all lie in its own address space",
                (v, c) -> dnsInside(v));
        f.add("hubConnected", Type.BOOL, "whether a Virtual WAN hub connects to it",
                (v, c) -> new Val.Bool(c.model().virtualHubConnections().stream()
                        .anyMatch(h -> h.remoteVirtualNetworkId().known().filter(id -> ResourceIds.same(id, v.id()))
                                .isPresent()), v.location()));
        f.add("flowLogs", Type.listOf(Type.kind("flowLog")), "flow logs that record some of its traffic: on the VNet,"
                + " one of its subnets, their NSGs or a NIC in them",
                (v, c) -> new Val.Items(new FlowLogCoverage(c.model(), c.topology()).of(v).stream()
                        .map(l -> (Val) elem("flowLog", l)).toList(), v.location()));
        return f.defs;
    }

    private static Map<String, FieldDef> flowLog() {
        Fields<FlowLog> f = new Fields<>(FlowLog.class);
        f.add("id", Type.STRING, "resource ID", (l, c) -> new Val.Str(l.id(), l.location()));
        f.add("name", Type.STRING, "name", (l, c) -> Val.str(l.name(), null, l.location()));
        f.add("target", Type.STRING, "the resource ID it records: a VNet, subnet or NIC (virtual network flow log) or"
                + " an NSG (network security group flow log)", (l, c) -> Val.str(l.targetResourceId(), null,
                        l.location()));
        f.add("enabled", Type.BOOL, "whether it records (true unless set false)",
                (l, c) -> Val.bool(l.enabled(), true, l.location()));
        f.add("retentionDays", Type.INT, "how many days records are kept; 0 when kept until deleted (no retention"
                + " policy, or 0 days)", (l, c) -> l.retentionEnabled() instanceof Field.Known<Boolean> on && on.value()
                        ? Val.of(l.retentionDays(), new Val.Int(0, l.location()), l.location(),
                                d -> new Val.Int(d, l.location()))
                        : Val.of(l.retentionEnabled(), new Val.Int(0, l.location()), l.location(),
                                x -> new Val.Int(0, l.location())));
        return f.defs;
    }

    private static Val dnsInside(VirtualNetwork v) {
        if (!(v.dnsServers() instanceof Field.Known<List<String>> dns)) {
            return Val.of(v.dnsServers(), new Val.Bool(false, v.location()), v.location(),
                    x -> new Val.Bool(false, v.location()));
        }
        if (!(v.addressSpace() instanceof Field.Known<List<String>> space)) {
            return Val.of(v.addressSpace(), new Val.Bool(false, v.location()), v.location(),
                    x -> new Val.Bool(false, v.location()));
        }
        var inside = AddressSpace.prefixes(space.value());
        if (dns.value().isEmpty()) {
            return new Val.Bool(false, v.location());
        }
        for (String server : dns.value()) {
            var ip = AddressSpace.cidr(server);
            if (ip.isEmpty() || !inside.containsAll(ip.get())) {
                return new Val.Bool(false, v.location());
            }
        }
        return new Val.Bool(true, v.location());
    }

    private static Map<String, FieldDef> peering() {
        Fields<Peering> f = new Fields<>(Peering.class);
        f.add("id", Type.STRING, "resource ID", (p, c) -> new Val.Str(p.id(), p.location()));
        f.add("name", Type.STRING, "name", (p, c) -> Val.str(p.name(), null, p.location()));
        f.add("allowVirtualNetworkAccess", Type.BOOL, "true by default",
                (p, c) -> Val.bool(p.allowVirtualNetworkAccess(), true, p.location()));
        f.add("allowForwardedTraffic", Type.BOOL, "false by default",
                (p, c) -> Val.bool(p.allowForwardedTraffic(), false, p.location()));
        f.add("state", Type.STRING, "CONNECTED, ONE_WAY, ACCESS_DISABLED or UNKNOWN: whether the link carries traffic",
                (p, c) -> link(p, c).map(l -> (Val) new Val.Str(l.state().name(), p.location()))
                        .orElseGet(() -> Val.of(p.remoteVirtualNetworkId(), null, p.location(),
                                v -> new Val.Str("UNKNOWN", p.location()))));
        f.add("bothDirections", Type.BOOL, "whether the remote VNet peers back",
                (p, c) -> link(p, c).map(l -> (Val) new Val.Bool(l.bothDirections(), p.location()))
                        .orElseGet(() -> new Val.Unknown("the remote VNet is not known", p.location())));
        return f.defs;
    }

    private static java.util.Optional<PeeringLink> link(Peering p, EvalContext c) {
        for (PeeringLink l : c.topology().linksOf(p.localVirtualNetworkId())) {
            if (l.forward() == p || l.backward() == p) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, FieldDef> nic() {
        Fields<NetworkInterface> f = new Fields<>(NetworkInterface.class);
        f.add("id", Type.STRING, "resource ID", (n, c) -> new Val.Str(n.id(), n.location()));
        f.add("name", Type.STRING, "name", (n, c) -> Val.str(n.name(), null, n.location()));
        f.add("nsg", Type.kind("nsg"), "its own NSG; absent when none",
                (n, c) -> nsgOf(c.topology().nsgOf(n), n.networkSecurityGroupId(), n.location()));
        f.add("subnets", Type.listOf(Type.kind("subnet")), "subnets of its IP configurations",
                (n, c) -> new Val.Items(n.ipConfigurations().stream().map(IpConfiguration::subnetId)
                        .flatMap(id -> id.known().stream()).flatMap(id -> c.topology().subnet(id).stream())
                        .map(s -> (Val) elem("subnet", s)).toList(), n.location()));
        f.add("hasPublicIp", Type.BOOL, "whether an IP configuration has a public IP",
                (n, c) -> hasPublicIp(n));
        f.add("ipForwarding", Type.BOOL, "enableIPForwarding: whether it may pass traffic not addressed to it",
                (n, c) -> Val.bool(n.ipForwarding(), false, n.location()));
        f.add("routeNextHop", Type.BOOL, "whether a route of the scanned files sends traffic to one of its private"
                + " addresses (next hop type VirtualAppliance): it is an appliance by design",
                (n, c) -> routeNextHop(n, c));
        f.add("vm", Type.kind("vm"), "the VM or scale set it belongs to; absent when none is declared",
                (n, c) -> c.topology().virtualMachineOf(n).map(v -> (Val) elem("vm", v))
                        .orElseGet(() -> new Val.Absent(n.location())));
        f.add("os", Type.STRING, "Windows or Linux: its VM's OS; absent when not stated",
                (n, c) -> c.topology().virtualMachineOf(n).map(v -> os(v.os(), v.location()))
                        .orElseGet(() -> new Val.Absent(n.location())));
        return f.defs;
    }

    private static Val os(Field<OperatingSystem> os, SourceLocation at) {
        return Val.of(os, null, at, o -> new Val.Str(o.armName(), at));
    }

    private static Map<String, FieldDef> vm() {
        Fields<VirtualMachine> f = new Fields<>(VirtualMachine.class);
        f.add("id", Type.STRING, "resource ID", (v, c) -> new Val.Str(v.id(), v.location()));
        f.add("name", Type.STRING, "name", (v, c) -> Val.str(v.name(), null, v.location()));
        f.add("kind", Type.STRING, "virtualMachine or scaleSet", (v, c) -> new Val.Str(
                v.kind() == VirtualMachine.Kind.SCALE_SET ? "scaleSet" : "virtualMachine", v.location()));
        f.add("os", Type.STRING, "Windows or Linux; absent when the template does not state it",
                (v, c) -> os(v.os(), v.location()));
        f.add("nics", Type.listOf(Type.kind("nic")), "its NICs (a scale set's NIC configurations)",
                (v, c) -> Val.of(v.networkInterfaceIds(), null, v.location(), ids -> new Val.Items(ids.stream()
                        .flatMap(id -> c.model().networkInterfaces().stream().filter(n -> ResourceIds.same(n.id(), id)))
                        .map(n -> (Val) elem("nic", n)).toList(), v.location())));
        return f.defs;
    }

    private static Map<String, FieldDef> endpoint() {
        Fields<BastionEndpoint> f = new Fields<>(BastionEndpoint.class);
        f.add("name", Type.STRING, "how messages name it: VM, NIC and subnet",
                (e, c) -> new Val.Str(e.describe(), e.location()));
        f.add("subnet", Type.kind("subnet"), "its subnet", (e, c) -> elem("subnet", e.subnet()));
        f.add("nic", Type.kind("nic"), "its NIC; absent for a target subnet without NICs",
                (e, c) -> e.nic().map(n -> (Val) elem("nic", n)).orElseGet(() -> new Val.Absent(e.location())));
        f.add("vm", Type.kind("vm"), "the VM or scale set behind the NIC; absent when none is declared",
                (e, c) -> e.vm().map(v -> (Val) elem("vm", v)).orElseGet(() -> new Val.Absent(e.location())));
        f.add("os", Type.STRING, "Windows or Linux; absent when not stated",
                (e, c) -> e.vm().map(v -> os(v.os(), v.location())).orElseGet(() -> new Val.Absent(e.location())));
        f.add("ports", Type.listOf(Type.INT), "the ports its Bastion connects on, any one of which suffices: by SKU"
                + " and OS (Microsoft's SKU table), or its custom ports on Standard and Premium",
                (e, c) -> ports(BastionSkus.connectPorts(e), e.location()));
        f.add("customPorts", Type.listOf(Type.INT), "custom ports declared for it (metadata or configuration)",
                (e, c) -> ints(e.customPorts(), e.customPortsAtOrNull() != null ? e.customPortsAtOrNull()
                        : e.location()));
        return f.defs;
    }

    /**
     * Whether a route sends traffic to one of the NIC's private addresses as a virtual appliance. Unknown when a
     * route's next hop, a route table's routes or (with appliance routes about) the NIC's address is not known.
     */
    private static Val routeNextHop(NetworkInterface n, EvalContext c) {
        List<String> addresses = new ArrayList<>();
        Val.Unknown addressDoubt = null;
        for (IpConfiguration ip : n.ipConfigurations()) {
            if (ip.privateIpAddress() instanceof Field.Known<String> k) {
                addresses.add(k.value().trim());
            } else if (ip.privateIpAddress() instanceof Field.Unknown<String> u) {
                addressDoubt = new Val.Unknown("its private address is not known: " + u.reason(), u.location());
            }
        }
        Val.Unknown routeDoubt = null;
        boolean applianceRoutes = false;
        for (RouteTable table : c.model().routeTables()) {
            if (!(table.routes() instanceof Field.Known<List<RouteTable.Route>> routes)) {
                if (table.routes() instanceof Field.Unknown<List<RouteTable.Route>> u) {
                    routeDoubt = new Val.Unknown("the routes of route table " + table.name().known()
                            .orElse(table.id()) + " are not known: " + u.reason(), u.location());
                }
                continue;
            }
            for (RouteTable.Route route : routes.value()) {
                if (route.nextHopType().known().filter(t -> !t.equalsIgnoreCase("VirtualAppliance")).isPresent()) {
                    continue;
                }
                applianceRoutes = true;
                if (route.nextHopIpAddress() instanceof Field.Known<String> hop) {
                    if (addresses.contains(hop.value().trim())) {
                        return new Val.Bool(true, route.location());
                    }
                } else if (route.nextHopIpAddress() instanceof Field.Unknown<String> u) {
                    routeDoubt = new Val.Unknown("the next hop of route " + route.name().known().orElse("?")
                            + " is not known: " + u.reason(), u.location());
                }
            }
        }
        if (routeDoubt != null) {
            return routeDoubt;
        }
        return applianceRoutes && addressDoubt != null ? addressDoubt : new Val.Bool(false, n.location());
    }

    private static Val hasPublicIp(NetworkInterface n) {
        for (IpConfiguration ip : n.ipConfigurations()) {
            if (ip.publicIpAddressId() instanceof Field.Known) {
                return new Val.Bool(true, ip.location());
            }
            if (ip.publicIpAddressId() instanceof Field.Unknown<String> u) {
                return new Val.Unknown(u.reason(), u.location());
            }
        }
        return new Val.Bool(false, n.location());
    }

    private static Map<String, FieldDef> publicIp() {
        Fields<PublicIpAddress> f = new Fields<>(PublicIpAddress.class);
        f.add("id", Type.STRING, "resource ID", (p, c) -> new Val.Str(p.id(), p.location()));
        f.add("name", Type.STRING, "name", (p, c) -> Val.str(p.name(), null, p.location()));
        f.add("sku", Type.STRING, "Basic (the default) or Standard", (p, c) -> Val.str(p.sku(), "Basic", p.location()));
        f.add("allocation", Type.STRING, "Static or Dynamic; unset, Standard SKU addresses are static, Basic dynamic",
                (p, c) -> Val.str(p.allocationMethod(), p.sku().known().filter("Standard"::equalsIgnoreCase).isPresent()
                        ? "Static" : "Dynamic", p.location()));
        return f.defs;
    }

    private static Map<String, FieldDef> diagnosticSetting() {
        Fields<DiagnosticSetting> f = new Fields<>(DiagnosticSetting.class);
        f.add("id", Type.STRING, "resource ID", (d, c) -> new Val.Str(d.id(), d.location()));
        f.add("name", Type.STRING, "name", (d, c) -> Val.str(d.name(), null, d.location()));
        f.add("workspaceId", Type.STRING, "Log Analytics workspace; absent when none",
                (d, c) -> Val.str(d.workspaceId(), null, d.location()));
        f.add("logs", Type.listOf(Type.STRING), "enabled log categories and category groups",
                (d, c) -> Val.strings(d.enabledLogs(), d.location()));
        return f.defs;
    }

    private static Map<String, FieldDef> routeTable() {
        Fields<RouteTable> f = new Fields<>(RouteTable.class);
        f.add("id", Type.STRING, "resource ID", (r, c) -> new Val.Str(r.id(), r.location()));
        f.add("name", Type.STRING, "name", (r, c) -> Val.str(r.name(), null, r.location()));
        return f.defs;
    }

    private static Map<String, FieldDef> problem() {
        Fields<RuleProblem> f = new Fields<>(RuleProblem.class);
        f.add("message", Type.STRING, "what is wrong", (p, c) -> new Val.Str(p.message(), p.location()));
        f.add("rule", Type.kind("securityRule"), "the rule at fault", (p, c) -> elem("securityRule", p.rule()));
        return f.defs;
    }

    private static Map<String, FieldDef> gap() {
        Fields<ModelGap> f = new Fields<>(ModelGap.class);
        f.add("reason", Type.STRING, "what the model lacks", (g, c) -> new Val.Str(g.reason(), g.location()));
        f.add("resourceType", Type.STRING, "the resource type concerned",
                (g, c) -> new Val.Str(g.resourceType(), g.location()));
        return f.defs;
    }

    /** Typed field definitions for one kind. */
    private static final class Fields<T> {
        private final Class<T> type;
        private final Map<String, FieldDef> defs = new LinkedHashMap<>();

        Fields(Class<T> type) {
            this.type = type;
        }

        void add(String name, Type t, String doc, BiFunction<T, EvalContext, Val> getter) {
            defs.put(name, new FieldDef(t, doc, (o, c) -> getter.apply(type.cast(o), c)));
        }
    }
}
