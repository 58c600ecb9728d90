package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.load.Corpus;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.Peering;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A reference whose target is not known must never turn a finding into a pass. For every fixture and every corpus
 * template (the quickstarts and the Bicep samples), each peering's remote VNet, each subnet's and NIC's NSG and each
 * IP configuration's subnet in turn is made Unknown, as a module output nsglint cannot evaluate would leave it; every
 * rule and resource that was violated or indeterminate must still be violated or indeterminate.
 */
class NoSilentGapTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");
    private static final LintRequest DEFAULTS = LintRequest.of(List.of());

    @Test
    void blankingAnyReferenceNeverTurnsAFindingIntoAPass() throws IOException {
        List<String> lost = new ArrayList<>();
        Map<String, Integer> blanked = new TreeMap<>();
        for (List<Path> inputs : inputSets()) {
            NetworkModel model = new ModelLoader().load(inputs, null).model();
            List<Blank> blanks = blanks(model);
            if (blanks.isEmpty()) {
                continue;
            }
            Set<String> before = findings(model);
            for (Blank b : blanks) {
                blanked.merge(b.kind(), 1, Integer::sum);
                Set<String> after = findings(b.model());
                for (String f : before) {
                    if (!after.contains(f)) {
                        lost.add(inputs + " with " + b.what() + " blanked: " + f + " became a pass");
                    }
                }
            }
        }
        System.out.println("references blanked: " + blanked);
        // The fixtures' hub-and-spoke scenarios alone hold more than this; the floor proves the walk found them.
        assertTrue(blanked.getOrDefault(PEERING, 0) >= 20, "peerings blanked: " + blanked);
        assertEquals(List.of(), lost);
    }

    private static final String PEERING = "peering remote VNet";
    private static final String WHY = "blanked by the test: a module output nsglint cannot evaluate";

    /** One reference made Unknown: which, and the model with it so. */
    private record Blank(String kind, String what, NetworkModel model) {
    }

    /**
     * Each reference of the model blanked in turn: a peering's remote VNet, a subnet's NSG, a NIC's NSG, an IP
     * configuration's subnet.
     */
    private static List<Blank> blanks(NetworkModel m) {
        List<Blank> out = new ArrayList<>();
        for (VirtualNetwork v : m.virtualNetworks()) {
            for (Peering p : v.peerings()) {
                if (p.remoteVirtualNetworkId() instanceof Field.Known<String>) {
                    out.add(new Blank(PEERING, p.id(), withVnets(m, vnet -> new VirtualNetwork(vnet.id(), vnet.name(),
                            vnet.region(), vnet.addressSpace(), vnet.dnsServers(), vnet.subnets(), vnet.peerings()
                            .stream().map(q -> q != p ? q : new Peering(q.id(), q.localVirtualNetworkId(), q.name(),
                                    Field.unknown(WHY, q.location()), q.allowVirtualNetworkAccess(),
                                    q.allowForwardedTraffic(), q.allowGatewayTransit(), q.useRemoteGateways(),
                                    q.deployment(), q.location())).toList(), vnet.deployment(), vnet.location()))));
                }
            }
            for (Subnet s : v.subnets()) {
                if (s.networkSecurityGroupId() instanceof Field.Known<String>) {
                    out.add(new Blank("subnet NSG", s.id(), withVnets(m, vnet -> new VirtualNetwork(vnet.id(),
                            vnet.name(), vnet.region(), vnet.addressSpace(), vnet.dnsServers(), vnet.subnets().stream()
                            .map(t -> t != s ? t : new Subnet(t.id(), t.virtualNetworkId(), t.name(),
                                    t.addressPrefixes(), Field.unknown(WHY, t.location()), t.routeTableId(),
                                    t.delegations(), t.deployment(), t.location())).toList(), vnet.peerings(), vnet.deployment(),
                            vnet.location()))));
                }
            }
        }
        for (NetworkInterface n : m.networkInterfaces()) {
            if (n.networkSecurityGroupId() instanceof Field.Known<String>) {
                out.add(new Blank("NIC NSG", n.id(), withNics(m, n, new NetworkInterface(n.id(), n.name(), n.kind(),
                        Field.unknown(WHY, n.location()), n.ipConfigurations(), n.ipForwarding(), n.deployment(),
                        n.location()))));
            }
            for (IpConfiguration c : n.ipConfigurations()) {
                if (c.subnetId() instanceof Field.Known<String>) {
                    out.add(new Blank("IP configuration subnet", n.id(), withNics(m, n, new NetworkInterface(n.id(),
                            n.name(), n.kind(), n.networkSecurityGroupId(), n.ipConfigurations().stream()
                            .map(d -> d != c ? d : new IpConfiguration(d.name(), Field.unknown(WHY, d.location()),
                                    d.privateIpAddress(), d.publicIpAddressId(), d.applicationSecurityGroupIds(),
                                    d.location())).toList(), n.ipForwarding(), n.deployment(), n.location()))));
                }
            }
        }
        return out;
    }

    private static NetworkModel withVnets(NetworkModel m, UnaryOperator<VirtualNetwork> change) {
        return new NetworkModel(m.virtualNetworks().stream().map(change).toList(), m.networkSecurityGroups(),
                m.networkInterfaces(), m.virtualMachines(), m.bastionHosts(), m.publicIpAddresses(),
                m.applicationSecurityGroups(), m.routeTables(), m.virtualHubConnections(), m.diagnosticSettings(),
                m.flowLogs(), m.customPorts(), m.gaps());
    }

    private static NetworkModel withNics(NetworkModel m, NetworkInterface old, NetworkInterface changed) {
        return new NetworkModel(m.virtualNetworks(), m.networkSecurityGroups(), m.networkInterfaces().stream()
                .map(n -> n == old ? changed : n).toList(), m.virtualMachines(), m.bastionHosts(),
                m.publicIpAddresses(), m.applicationSecurityGroups(), m.routeTables(), m.virtualHubConnections(),
                m.diagnosticSettings(), m.flowLogs(), m.customPorts(), m.gaps());
    }

    /** Each rule and resource with a finding (violated or indeterminate). */
    private static Set<String> findings(NetworkModel model) {
        Topology topology = Topology.of(model, DEFAULTS.targets(), DEFAULTS.bastionPorts());
        EvalContext context = new EvalContext(model, topology, FlowEngine.of(topology, DEFAULTS.serviceTags()),
                CATALOG.bastionRuleSet());
        Set<String> out = new TreeSet<>();
        for (Policy policy : CATALOG.policies()) {
            for (Finding f : PolicyRunner.run(policy, context).findings()) {
                out.add(f.rule().id() + " " + f.resourceId());
            }
        }
        return out;
    }

    /** Every fixture file alone and every fixture folder whole; every corpus template alone. */
    private static List<List<Path>> inputSets() throws IOException {
        Set<List<Path>> sets = new LinkedHashSet<>();
        List<Path> fixtureFiles = templates(RuleFixturesTest.FIXTURES);
        for (Path f : fixtureFiles) {
            sets.add(List.of(f));
            sets.add(List.of(f.getParent()));
        }
        Corpus.templates().forEach(t -> sets.add(List.of(t)));
        templates(Corpus.root().resolve("bicep-samples")).forEach(t -> sets.add(List.of(t)));
        return List.copyOf(sets);
    }

    private static List<Path> templates(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".parameters.json"))
                    .sorted().toList();
        }
    }
}
