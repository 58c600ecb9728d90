package io.github.nsglint.benchmarks;

import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic synthetic models at Azure's limits, for the flow benchmarks. */
final class SyntheticNetworks {

    private static final SourceLocation AT = SourceLocation.caret("synthetic.json", 1, 1);
    private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/";
    private static final List<String> TAGS = List.of("Internet", "VirtualNetwork", "AzureLoadBalancer",
            "GatewayManager", "AzureCloud", "Storage", "Storage.WestEurope", "Sql", "AzureMonitor");

    private SyntheticNetworks() {
    }

    /**
     * An NSG of {@code n} rules: mixed CIDRs (private and public, /8 to /32), service tags, single ports,
     * ranges and lists, both directions, allows and denies; a fixed seed so every run sees the same NSG.
     */
    static NetworkSecurityGroup nsg(String name, int n, long seed) {
        Random r = new Random(seed);
        List<SecurityRule> rules = new ArrayList<>(n);
        int inbound = 100;
        int outbound = 100;
        for (int i = 0; i < n; i++) {
            Direction d = r.nextInt(10) < 7 ? Direction.INBOUND : Direction.OUTBOUND;
            int priority = d == Direction.INBOUND ? inbound++ : outbound++;
            Protocol p = List.of(Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ANY).get(r.nextInt(4));
            rules.add(rule(name, "rule-" + i, priority, d, r.nextInt(10) < 6 ? Access.ALLOW : Access.DENY, p,
                    addresses(r), List.of("*"), addresses(r), ports(r)));
        }
        return nsg(name, rules);
    }

    private static List<String> addresses(Random r) {
        int kind = r.nextInt(10);
        if (kind < 2) {
            return List.of("*");
        }
        if (kind < 4) {
            return List.of(TAGS.get(r.nextInt(TAGS.size())));
        }
        int count = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int prefix = 8 + r.nextInt(25);
            int a = r.nextBoolean() ? 10 : 20 + r.nextInt(40);
            long ip = ((long) a << 24) | (r.nextInt(1 << 24) & 0xffffffL);
            long masked = ip & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            out.add(((masked >> 24) & 255) + "." + ((masked >> 16) & 255) + "." + ((masked >> 8) & 255) + "."
                    + (masked & 255) + "/" + prefix);
        }
        return out;
    }

    private static List<String> ports(Random r) {
        int kind = r.nextInt(10);
        if (kind < 2) {
            return List.of("*");
        }
        if (kind < 6) {
            return List.of(String.valueOf(List.of(22, 80, 443, 3389, 1433, 5701, 8080, 8443).get(r.nextInt(8))));
        }
        if (kind < 8) {
            int a = r.nextInt(60000);
            return List.of(a + "-" + (a + r.nextInt(5000)));
        }
        return List.of(String.valueOf(1024 + r.nextInt(60000)), String.valueOf(1024 + r.nextInt(60000)),
                (2000 + r.nextInt(1000)) + "-" + (3000 + r.nextInt(1000)));
    }

    static SecurityRule rule(String nsg, String name, int priority, Direction d, Access a, Protocol p, List<String> src,
            List<String> srcPorts, List<String> dst, List<String> dstPorts) {
        return new SecurityRule(RG + "networkSecurityGroups/" + nsg + "/securityRules/" + name, Field.known(name),
                Field.known(priority), Field.known(d), Field.known(a), Field.known(p), Field.known(src),
                Field.known(srcPorts), Field.known(dst), Field.known(dstPorts), Field.known(List.of()),
                Field.known(List.of()), Field.absent(), List.of(), AT);
    }

    static NetworkSecurityGroup nsg(String name, List<SecurityRule> rules) {
        return new NetworkSecurityGroup(RG + "networkSecurityGroups/" + name, Field.known(name), Field.known(rules),
                Field.known(true), Deployment.DECLARED, AT);
    }

    /**
     * A hub (10.0.0.0/16, AzureBastionSubnet 10.0.1.0/26 with its NSG) peered both ways with {@code spokes}
     * spokes (10.{1+i/250}.{i%250}.0/24 each), each with one subnet, its NSG (SSH/RDP from the Bastion subnet,
     * a deny of the rest, a few application rules) and one NIC.
     */
    static NetworkModel hubAndSpokes(int spokes) {
        List<VirtualNetwork> vnets = new ArrayList<>();
        List<NetworkSecurityGroup> nsgs = new ArrayList<>();
        List<NetworkInterface> nics = new ArrayList<>();
        String hubId = RG + "virtualNetworks/hub";
        List<Peering> hubPeerings = new ArrayList<>();
        for (int i = 0; i < spokes; i++) {
            String spokeId = RG + "virtualNetworks/spoke-" + i;
            String prefix = (1 + i / 250) + "." + (i % 250);
            String cidr = "10." + prefix + ".0/24";
            String nsgName = "spoke-" + i + "-nsg";
            nsgs.add(nsg(nsgName, List.of(
                    rule(nsgName, "AllowMgmtFromBastion", 100, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
                            List.of("10.0.1.0/26"), List.of("*"), List.of("*"), List.of("22", "3389")),
                    rule(nsgName, "AllowHttps", 200, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
                            List.of("Internet"), List.of("*"), List.of(cidr), List.of("443")),
                    rule(nsgName, "AllowAppFromHub", 300, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
                            List.of("10.0.0.0/16"), List.of("*"), List.of(cidr), List.of("8080-8090")),
                    rule(nsgName, "DenyMgmt", 4000, Direction.INBOUND, Access.DENY, Protocol.ANY,
                            List.of("*"), List.of("*"), List.of("*"), List.of("22", "3389")))));
            Subnet subnet = new Subnet(spokeId + "/subnets/workload", spokeId, Field.known("workload"),
                    Field.known(List.of(cidr)), Field.known(RG + "networkSecurityGroups/" + nsgName), Field.absent(),
                    Field.known(List.of()), Deployment.DECLARED, AT);
            Peering toHub = new Peering(spokeId + "/virtualNetworkPeerings/to-hub", spokeId, Field.known("to-hub"),
                    Field.known(hubId), Field.known(true), Field.absent(), Field.absent(), Field.absent(),
                    Deployment.DECLARED, AT);
            vnets.add(new VirtualNetwork(spokeId, Field.known("spoke-" + i), Field.known("westeurope"),
                    Field.known(List.of(cidr)), Field.absent(), List.of(subnet), List.of(toHub), Deployment.DECLARED,
                    AT));
            hubPeerings.add(new Peering(hubId + "/virtualNetworkPeerings/to-spoke-" + i, hubId,
                    Field.known("to-spoke-" + i), Field.known(spokeId), Field.known(true), Field.absent(),
                    Field.absent(), Field.absent(), Deployment.DECLARED, AT));
            nics.add(new NetworkInterface(RG + "networkInterfaces/vm-" + i, Field.known("vm-" + i),
                    NetworkInterface.Kind.NETWORK_INTERFACE, Field.absent(), List.of(new IpConfiguration(
                    Field.known("ip"), Field.known(subnet.id()), Field.known("10." + prefix + ".4"), Field.absent(),
                    Field.known(List.of()), AT)), Field.absent(), Deployment.DECLARED, AT));
        }
        nsgs.add(nsg("bastion-nsg", List.of(
                rule("bastion-nsg", "AllowHttpsInbound", 100, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
                        List.of("Internet"), List.of("*"), List.of("*"), List.of("443")),
                rule("bastion-nsg", "AllowGatewayManagerInbound", 110, Direction.INBOUND, Access.ALLOW, Protocol.TCP,
                        List.of("GatewayManager"), List.of("*"), List.of("*"), List.of("443")),
                rule("bastion-nsg", "AllowSshRdpOutbound", 100, Direction.OUTBOUND, Access.ALLOW, Protocol.ANY,
                        List.of("*"), List.of("*"), List.of("VirtualNetwork"), List.of("22", "3389")),
                rule("bastion-nsg", "AllowAzureCloudOutbound", 110, Direction.OUTBOUND, Access.ALLOW, Protocol.TCP,
                        List.of("*"), List.of("*"), List.of("AzureCloud"), List.of("443")))));
        Subnet bastionSubnet = new Subnet(hubId + "/subnets/AzureBastionSubnet", hubId,
                Field.known("AzureBastionSubnet"), Field.known(List.of("10.0.1.0/26")),
                Field.known(RG + "networkSecurityGroups/bastion-nsg"), Field.absent(), Field.known(List.of()),
                Deployment.DECLARED, AT);
        vnets.add(0, new VirtualNetwork(hubId, Field.known("hub"), Field.known("westeurope"),
                Field.known(List.of("10.0.0.0/16")), Field.absent(), List.of(bastionSubnet), hubPeerings,
                Deployment.DECLARED, AT));
        BastionHost bastion = new BastionHost(RG + "bastionHosts/bastion", Field.known("bastion"),
                Field.known("Standard"), Field.known(bastionSubnet.id()), Field.absent(), Field.absent(),
                new BastionHost.Features(Field.absent(), Field.absent(), Field.absent(), Field.absent(), Field.absent(),
                        Field.absent(), Field.absent(), Field.absent(), Field.absent()), Deployment.DECLARED, AT);
        return new NetworkModel(vnets, nsgs, nics, List.of(), List.of(bastion), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
