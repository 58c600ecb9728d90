package io.github.nsglint.core.topology;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.CustomPorts;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.ModelElement;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualMachine;
import io.github.nsglint.core.model.VirtualNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model's wiring: which NSG applies to each subnet and NIC, the peering graph, and each Bastion's place
 * and targets. Computed once from an immutable model; every lookup compares IDs case-insensitively.
 */
public final class Topology {

    private final NetworkModel model;
    private final Map<String, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();
    private final Map<String, VirtualNetwork> vnets = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, List<NetworkInterface>> nicsBySubnet = new LinkedHashMap<>();
    private final Map<String, VirtualMachine> vmsByNic = new LinkedHashMap<>();
    private final Map<String, CustomPorts> declaredPorts = new LinkedHashMap<>();
    private final List<ConfiguredPorts> configuredPorts;
    private final List<PeeringLink> links;
    /** NICs with an IP configuration whose subnet is not known. */
    private final List<NetworkInterface> nicsOfUnknownSubnet = new ArrayList<>();
    private final List<BastionPlacement> bastions;
    /** Why no ASG's membership is complete, or null: something in the files may add NICs nsglint cannot see. */
    private final AsgMembership.Open membershipOpen;

    private Topology(NetworkModel model, TargetMode targetMode, List<ConfiguredPorts> configuredPorts) {
        this.model = model;
        this.configuredPorts = List.copyOf(configuredPorts);
        for (VirtualMachine vm : model.virtualMachines()) {
            vm.networkInterfaceIds().known().orElse(List.of())
                    .forEach(id -> vmsByNic.putIfAbsent(ResourceIds.key(id), vm));
        }
        model.customPorts().forEach(c -> declaredPorts.put(ResourceIds.key(c.resourceId()), c));
        model.networkSecurityGroups().forEach(n -> nsgs.put(ResourceIds.key(n.id()), n));
        for (VirtualNetwork v : model.virtualNetworks()) {
            vnets.put(ResourceIds.key(v.id()), v);
            v.subnets().forEach(s -> subnets.put(ResourceIds.key(s.id()), s));
        }
        for (NetworkInterface nic : model.networkInterfaces()) {
            for (IpConfiguration ip : nic.ipConfigurations()) {
                ip.subnetId().known().ifPresent(id -> nicsBySubnet
                        .computeIfAbsent(ResourceIds.key(id), k -> new ArrayList<>()).add(nic));
            }
            if (nic.ipConfigurations().stream().anyMatch(ip -> ip.subnetId() instanceof Field.Unknown<String>
                    || ip.subnetId() instanceof Field.Invalid<String>)) {
                nicsOfUnknownSubnet.add(nic);
            }
        }
        this.membershipOpen = membershipOpen(model);
        this.links = buildLinks();
        List<BastionPlacement> placements = new ArrayList<>();
        model.bastionHosts().forEach(b -> placements.add(place(b, targetMode)));
        this.bastions = List.copyOf(placements);
    }

    public static Topology of(NetworkModel model, TargetMode targetMode) {
        return new Topology(model, targetMode, List.of());
    }

    /** With the custom Bastion ports of the configuration ({@code bastion.ports}). */
    public static Topology of(NetworkModel model, TargetMode targetMode, List<ConfiguredPorts> configuredPorts) {
        return new Topology(model, targetMode, configuredPorts);
    }

    /**
     * The members of an application security group: known when the ASG is declared in the scanned files and
     * nothing in them can add a NIC unseen; else open, with the reason.
     */
    public AsgMembership membersOf(String asgId) {
        if (membershipOpen != null) {
            return membershipOpen;
        }
        var asg = model.applicationSecurityGroups().stream().filter(a -> ResourceIds.same(a.id(), asgId)).findFirst();
        String name = ResourceIds.name(asgId);
        if (asg.isEmpty() || asg.get().deployment().origin() == Deployment.Origin.REFERENCED) {
            return new AsgMembership.Open("application security group '" + name + "' is not declared in the scanned"
                    + " files, so NICs deployed elsewhere may be members", null);
        }
        List<AsgMembership.Member> members = new ArrayList<>();
        for (NetworkInterface nic : model.networkInterfaces()) {
            for (IpConfiguration ip : nic.ipConfigurations()) {
                boolean member = ip.applicationSecurityGroupIds().known().orElse(List.of()).stream()
                        .anyMatch(id -> ResourceIds.same(id, asgId));
                if (!member) {
                    continue;
                }
                if (nic.deployment().condition() instanceof Field.Unknown<Boolean> u) {
                    return new AsgMembership.Open("whether NIC " + nic.name().known().orElse(nic.id()) + ", a member of"
                            + " application security group '" + name + "', is deployed is not known: " + u.reason(),
                            u.location());
                }
                Subnet in = ip.subnetId().known().map(id -> subnets.get(ResourceIds.key(id))).orElse(null);
                members.add(new AsgMembership.Member(nic, ip, in));
            }
        }
        return new AsgMembership.Known(members);
    }

    /** Whether a NIC is in an ASG, by its own IP configurations: true, false, or null when one is not known. */
    public Boolean isMember(NetworkInterface nic, String asgId) {
        boolean unknown = false;
        for (IpConfiguration ip : nic.ipConfigurations()) {
            if (ip.applicationSecurityGroupIds() instanceof Field.Known<List<String>> k) {
                if (k.value().stream().anyMatch(id -> ResourceIds.same(id, asgId))) {
                    return true;
                }
            } else if (!(ip.applicationSecurityGroupIds() instanceof Field.Absent)) {
                unknown = true;
            }
        }
        return unknown ? null : false;
    }

    /**
     * What keeps every ASG's membership open: a gap through which NICs may come (a linked template, a copy loop
     * of NICs or VMs of unknown count, NICs of unknown IP configurations), or a NIC whose ASG list is unknown.
     */
    private static AsgMembership.Open membershipOpen(NetworkModel model) {
        for (ModelGap g : model.gaps()) {
            String t = g.resourceType().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.startsWith("microsoft.network/networkinterfaces")
                    || t.startsWith("microsoft.compute/virtualmachines")
                    || t.startsWith("microsoft.resources/deployments")) {
                return new AsgMembership.Open("application security group members may be declared where nsglint"
                        + " cannot see: " + g.reason(), g.location());
            }
        }
        for (NetworkInterface nic : model.networkInterfaces()) {
            for (IpConfiguration ip : nic.ipConfigurations()) {
                Field<List<String>> asgs = ip.applicationSecurityGroupIds();
                if (asgs instanceof Field.Unknown<List<String>> u) {
                    return new AsgMembership.Open("the application security groups of NIC "
                            + nic.name().known().orElse(nic.id()) + " are not known: " + u.reason(), u.location());
                }
                if (asgs instanceof Field.Invalid<List<String>> i) {
                    return new AsgMembership.Open("the application security groups of NIC "
                            + nic.name().known().orElse(nic.id()) + " are invalid: " + i.problem(), i.location());
                }
            }
        }
        return null;
    }

    /** The VM or scale set a NIC belongs to, when the files declare it. */
    public Optional<VirtualMachine> virtualMachineOf(NetworkInterface nic) {
        return Optional.ofNullable(vmsByNic.get(ResourceIds.key(nic.id())));
    }

    public NetworkModel model() {
        return model;
    }

    public NsgAttachment nsgOf(Subnet subnet) {
        return resolve(subnet.networkSecurityGroupId());
    }

    public NsgAttachment nsgOf(NetworkInterface nic) {
        return resolve(nic.networkSecurityGroupId());
    }

    private NsgAttachment resolve(Field<String> reference) {
        if (reference instanceof Field.Absent) {
            return new NsgAttachment.None();
        }
        if (reference instanceof Field.Known<String> k) {
            NetworkSecurityGroup nsg = nsgs.get(ResourceIds.key(k.value()));
            return nsg != null ? new NsgAttachment.Attached(nsg)
                    : new NsgAttachment.Unresolved(reference, "NSG '" + k.value()
                            + "' is not declared in the scanned files");
        }
        if (reference instanceof Field.Unknown<String> u) {
            return new NsgAttachment.Unresolved(reference, u.reason());
        }
        return new NsgAttachment.Unresolved(reference, ((Field.Invalid<String>) reference).problem());
    }

    /** The VNet of a subnet. */
    public Optional<VirtualNetwork> virtualNetworkOf(Subnet subnet) {
        return Optional.ofNullable(vnets.get(ResourceIds.key(subnet.virtualNetworkId())));
    }

    public Optional<Subnet> subnet(String id) {
        return Optional.ofNullable(subnets.get(ResourceIds.key(id)));
    }

    /** NICs with an IP configuration in the subnet. */
    public List<NetworkInterface> nicsIn(Subnet subnet) {
        return Collections.unmodifiableList(nicsBySubnet.getOrDefault(ResourceIds.key(subnet.id()), List.of()));
    }

    /** Subnets and NICs an NSG is attached to. */
    public List<ModelElement> attachmentsOf(NetworkSecurityGroup nsg) {
        List<ModelElement> out = new ArrayList<>();
        for (Subnet s : subnets.values()) {
            if (nsgOf(s) instanceof NsgAttachment.Attached a && a.nsg() == nsg) {
                out.add(s);
            }
        }
        for (NetworkInterface nic : model.networkInterfaces()) {
            if (nsgOf(nic) instanceof NsgAttachment.Attached a && a.nsg() == nsg) {
                out.add(nic);
            }
        }
        return out;
    }

    public List<PeeringLink> peeringLinks() {
        return links;
    }

    /** VNets linked to {@code vnetId} by a peering in either direction, whatever the link's state. */
    public List<PeeringLink> linksOf(String vnetId) {
        String key = ResourceIds.key(vnetId);
        return links.stream().filter(l -> ResourceIds.key(l.vnetA()).equals(key) || ResourceIds.key(l.vnetB()).equals(key))
                .toList();
    }

    public List<BastionPlacement> bastions() {
        return bastions;
    }

    /**
     * The links between VNets, one per pair, both directions together. A peering whose remote VNet is not known (a
     * module output nsglint cannot evaluate) may lead to any other VNet of the model to which its VNet declares no
     * peering of its own: each such pair gets an UNKNOWN link naming it, so the other VNet's subnets stay Bastion
     * targets with indeterminate verdicts rather than dropping out of reach unseen.
     */
    private List<PeeringLink> buildLinks() {
        Map<String, Peering[]> pairs = new LinkedHashMap<>();
        Map<String, String[]> ends = new LinkedHashMap<>();
        List<Peering> unresolved = new ArrayList<>();
        for (VirtualNetwork v : model.virtualNetworks()) {
            for (Peering p : v.peerings()) {
                Optional<String> remote = p.remoteVirtualNetworkId().known();
                if (remote.isEmpty()) {
                    if (p.remoteVirtualNetworkId() instanceof Field.Unknown<String>) {
                        unresolved.add(p);
                    }
                    continue;
                }
                // Name the remote end as its VNet declares itself, whatever case the reference uses.
                VirtualNetwork declared = vnets.get(ResourceIds.key(remote.get()));
                String remoteId = declared != null ? declared.id() : remote.get();
                String a = ResourceIds.key(p.localVirtualNetworkId());
                String b = ResourceIds.key(remoteId);
                boolean ordered = a.compareTo(b) <= 0;
                String key = ordered ? a + "|" + b : b + "|" + a;
                Peering[] pair = pairs.computeIfAbsent(key, k -> new Peering[2]);
                ends.putIfAbsent(key, ordered ? new String[] {p.localVirtualNetworkId(), remoteId}
                        : new String[] {remoteId, p.localVirtualNetworkId()});
                pair[ordered ? 0 : 1] = p;
            }
        }
        Map<String, Peering> possible = new LinkedHashMap<>();
        for (Peering p : unresolved) {
            for (VirtualNetwork other : model.virtualNetworks()) {
                String a = ResourceIds.key(p.localVirtualNetworkId());
                String b = ResourceIds.key(other.id());
                if (a.equals(b)) {
                    continue;
                }
                boolean ordered = a.compareTo(b) <= 0;
                String key = ordered ? a + "|" + b : b + "|" + a;
                Peering[] pair = pairs.computeIfAbsent(key, k -> new Peering[2]);
                if (pair[ordered ? 0 : 1] != null || possible.containsKey(key)) {
                    continue; // the VNet peers with this one by a known peering: Azure allows one per pair
                }
                ends.putIfAbsent(key, ordered ? new String[] {p.localVirtualNetworkId(), other.id()}
                        : new String[] {other.id(), p.localVirtualNetworkId()});
                pair[ordered ? 0 : 1] = p;
                possible.put(key, p);
            }
        }
        List<PeeringLink> out = new ArrayList<>();
        pairs.forEach((key, pair) -> {
            String[] e = ends.get(key);
            Peering unknown = possible.get(key);
            if (unknown != null) {
                Field.Unknown<String> why = (Field.Unknown<String>) unknown.remoteVirtualNetworkId();
                String other = ResourceIds.same(e[0], unknown.localVirtualNetworkId()) ? e[1] : e[0];
                out.add(new PeeringLink(e[0], e[1], pair[0], pair[1], PeeringLink.State.UNKNOWN, "the remote VNet of"
                        + " peering '" + unknown.id() + "' is not known (" + why.reason() + "): it may be '"
                        + ResourceIds.name(other) + "'"));
            } else {
                out.add(link(e[0], e[1], pair[0], pair[1]));
            }
        });
        return List.copyOf(out);
    }

    private static PeeringLink link(String a, String b, Peering forward, Peering backward) {
        if (forward == null || backward == null) {
            Peering only = forward != null ? forward : backward;
            return new PeeringLink(a, b, forward, backward, PeeringLink.State.ONE_WAY,
                    "only '" + only.id() + "' is declared; the other direction is missing");
        }
        for (Peering p : new Peering[] {forward, backward}) {
            Field<Boolean> access = p.allowVirtualNetworkAccess();
            if (access instanceof Field.Unknown<Boolean> u) {
                return new PeeringLink(a, b, forward, backward, PeeringLink.State.UNKNOWN, u.reason());
            }
            if (p.deployment().condition() instanceof Field.Unknown<Boolean> u) {
                return new PeeringLink(a, b, forward, backward, PeeringLink.State.UNKNOWN,
                        "peering '" + p.id() + "' is deployed only if " + u.reason());
            }
        }
        for (Peering p : new Peering[] {forward, backward}) {
            // Azure allows virtual network access unless the peering says otherwise.
            Field<Boolean> access = p.allowVirtualNetworkAccess();
            boolean allowed = access instanceof Field.Absent || Boolean.TRUE.equals(access.known().orElse(false));
            if (!allowed) {
                return new PeeringLink(a, b, forward, backward, PeeringLink.State.ACCESS_DISABLED,
                        "'" + p.id() + "' does not allow virtual network access");
            }
        }
        return new PeeringLink(a, b, forward, backward, PeeringLink.State.CONNECTED, "");
    }

    private BastionPlacement place(BastionHost bastion, TargetMode mode) {
        List<String> problems = new ArrayList<>();
        Subnet subnet = null;
        VirtualNetwork vnet = null;
        if (bastion.subnetId() instanceof Field.Known<String> k) {
            subnet = subnets.get(ResourceIds.key(k.value()));
            if (subnet == null) {
                problems.add("its subnet '" + k.value() + "' is not declared in the scanned files");
                vnet = vnets.get(ResourceIds.key(ResourceIds.parent(k.value())));
            } else {
                vnet = vnets.get(ResourceIds.key(subnet.virtualNetworkId()));
            }
        } else if (bastion.virtualNetworkId() instanceof Field.Known<String> k) {
            vnet = vnets.get(ResourceIds.key(k.value()));
            if (vnet == null) {
                problems.add("its VNet '" + k.value() + "' is not declared in the scanned files");
            }
        } else if (bastion.subnetId() instanceof Field.Unknown<String> u) {
            problems.add("its subnet is not known: " + u.reason());
        } else {
            problems.add("it names no subnet and no VNet");
        }
        List<Subnet> targets = new ArrayList<>();
        List<Subnet> inReach = new ArrayList<>();
        if (vnet != null) {
            Set<String> reach = new LinkedHashSet<>();
            reach.add(ResourceIds.key(vnet.id()));
            for (PeeringLink l : linksOf(vnet.id())) {
                reach.add(ResourceIds.key(l.vnetA()));
                reach.add(ResourceIds.key(l.vnetB()));
            }
            for (String key : reach) {
                VirtualNetwork v = vnets.get(key);
                if (v == null) {
                    continue;
                }
                for (Subnet s : v.subnets()) {
                    boolean own = subnet != null && ResourceIds.same(s.id(), subnet.id());
                    if (!own) {
                        inReach.add(s);
                    }
                    if (!own && (mode == TargetMode.ALL_SUBNETS || !nicsIn(s).isEmpty())) {
                        targets.add(s);
                    }
                }
            }
        }
        List<BastionEndpoint> endpoints = new ArrayList<>();
        for (Subnet t : targets) {
            List<NetworkInterface> nics = nicsIn(t);
            if (nics.isEmpty()) {
                endpoints.add(endpoint(bastion, t, null));
            }
            for (NetworkInterface nic : nics) {
                endpoints.add(endpoint(bastion, t, nic));
            }
        }
        // A NIC whose subnet is not known may sit in any subnet in reach: each is a target, and the NIC an endpoint
        // in it, only perhaps, so nothing judged there is certain (and nothing drops out of reach unseen).
        Map<Object, String> doubts = new IdentityHashMap<>();
        for (NetworkInterface nic : nicsOfUnknownSubnet) {
            String why = "NIC " + nic.name().known().orElse(nic.id()) + "'s subnet is not known ("
                    + unknownSubnetReason(nic) + "): it may be in this subnet";
            for (Subnet s : inReach) {
                if (!targets.contains(s)) {
                    targets.add(s);
                    doubts.put(s, why);
                }
                BastionEndpoint e = endpoint(bastion, s, nic);
                endpoints.add(e);
                doubts.put(e, why);
            }
        }
        return new BastionPlacement(bastion, subnet, vnet, targets, endpoints, problems, doubts);
    }

    private static String unknownSubnetReason(NetworkInterface nic) {
        for (IpConfiguration ip : nic.ipConfigurations()) {
            if (ip.subnetId() instanceof Field.Unknown<String> u) {
                return u.reason();
            }
            if (ip.subnetId() instanceof Field.Invalid<String> i) {
                return i.problem();
            }
        }
        return "not known";
    }

    /**
     * An endpoint with its custom ports: those declared in the metadata of its VM, else of its NIC, else of its
     * subnet (the nearest declaration wins), else every configuration entry whose pattern matches its VM, NIC or
     * subnet (or that names no target).
     */
    private BastionEndpoint endpoint(BastionHost bastion, Subnet subnet, NetworkInterface nic) {
        VirtualMachine vm = nic == null ? null : vmsByNic.get(ResourceIds.key(nic.id()));
        for (String id : new String[] {vm == null ? null : vm.id(), nic == null ? null : nic.id(), subnet.id()}) {
            CustomPorts declared = id == null ? null : declaredPorts.get(ResourceIds.key(id));
            if (declared != null) {
                return new BastionEndpoint(bastion, subnet, nic, vm, declared.ports(), declared.location());
            }
        }
        Set<Integer> ports = new LinkedHashSet<>();
        SourceLocation at = null;
        for (ConfiguredPorts c : configuredPorts) {
            boolean applies = c.targetOrNull() == null
                    || vm != null && c.targetOrNull().matchesResource(vm.id())
                    || nic != null && c.targetOrNull().matchesResource(nic.id())
                    || c.targetOrNull().matchesResource(subnet.id());
            if (applies) {
                ports.addAll(c.ports());
                at = at == null ? c.location() : at;
            }
        }
        return new BastionEndpoint(bastion, subnet, nic, vm, List.copyOf(ports), at);
    }
}
