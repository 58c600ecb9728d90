package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linter against brute force, end to end: random hub-and-spoke templates (a Bastion of a random SKU in the
 * hub, one to three peered spokes, each workload subnet with a random NSG or none and a NIC with a random NSG or
 * none, behind a Windows or Linux VM, a VM whose OS is a parameter without a value, or no VM, sometimes with a
 * custom port declared) are written as ARM JSON and linted; the verdicts of SPK001 (per NIC, on the ports the SKU
 * and OS need), SPK002 and NSG001 are compared with {@link NaiveReference} deciding every concrete flow of
 * interest. Where the OS is unknown and the two OSes get different answers, brute force says "undecided", and the
 * linter must say indeterminate: a certain answer there is a disagreement. The flows of interest are exhaustive: every
 * address at which some prefix of the template begins or ends (and its neighbours), so every region that any rule
 * tells apart is visited. A certain verdict that differs from brute force is a disagreement, and there must be
 * none. No service tags are used, yet a verdict can still be indeterminate (never wrong, but not certain): an
 * NSG judged on its own knows VirtualNetwork only as "some private space", and two of its rules that may each
 * match that space (e.g. a deny and a later allow to one prefix) are not correlated. Those are counted and kept
 * rare; each is checked to be a case the brute force decides either way, so none hides a wrong answer.
 */
class SoundnessTest {

    static final int TEMPLATES = 300;
    private static final String[] PORTS = {"22", "3389", "*", "20-25", "3380-3390", "443", "21-23", "2222",
        "2200-2300"};
    private static final String[] SKUS = {"Basic", "Basic", "Standard", "Premium"};
    private static final int CUSTOM_PORT = 2222;
    private static final String BASTION_SUBNET = "10.0.1.0/26";
    private static RuleCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        catalog = RuleCatalog.load(List.of(), "current");
    }

    /** What the generator puts behind a spoke's NIC. */
    enum Os {
        WINDOWS, LINUX, NO_VM, FROM_PARAMETER
    }

    /**
     * One spoke as generated: its number, the rules of its subnet NSG and NIC NSG (null when there is none), what
     * is behind its NIC, and whether its VM declares the custom port.
     */
    record Spoke(int n, List<JsonObject> subnetRules, List<JsonObject> nicRules, Os os, boolean customPort) {
        String prefix() {
            return "10." + n + ".1.0/24";
        }

        String nicIp() {
            return "10." + n + ".1.4";
        }
    }

    @Test
    void spk001Spk002AndNsg001AgreeWithBruteForceOnRandomHubAndSpokes() throws Exception {
        List<String> disagreements = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        int verdicts = 0;
        int violated = 0;
        int undecided = 0;
        for (int seed = 1; seed <= TEMPLATES; seed++) {
            Random random = new Random(seed);
            List<Spoke> spokes = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            String sku = SKUS[random.nextInt(SKUS.length)];
            for (int i = 1; i <= count; i++) {
                Os os = Os.values()[random.nextInt(Os.values().length)];
                spokes.add(new Spoke(i, random.nextInt(10) == 0 ? null : rules(random, i),
                        random.nextInt(3) == 0 ? rules(random, i) : null, os,
                        os != Os.NO_VM && random.nextInt(5) == 0));
            }
            Path file = Files.writeString(dir.resolve("t" + seed + ".json"), template(spokes, sku).toString());
            Report report = Linter.run(LintRequest.of(List.of(file)), catalog);
            Map<String, NetworkSecurityGroup> nsgs = new HashMap<>();
            report.model().networkSecurityGroups().forEach(n -> nsgs.put(n.name().known().orElseThrow(), n));
            for (Spoke s : spokes) {
                List<SecurityRule> subnet = s.subnetRules() == null ? null : rules(nsgs, "nsg-spoke" + s.n());
                List<SecurityRule> nic = s.nicRules() == null ? null : rules(nsgs, "nsg-nic" + s.n());
                String subnetId = "/virtualNetworks/spoke" + s.n() + "/subnets/workload";
                String nicId = "/networkInterfaces/nic" + s.n();
                Brute spk001 = reachableFromBastion(s, sku, subnet, nic, spokes.size());
                boolean spk002 = onlyFromBastion(s, subnet, nic, spokes.size());
                verdicts += compare(report, "SPK001", nicId, spk001, seed, disagreements, uncertain);
                verdicts += compare(report, "SPK002", subnetId, spk002 ? Brute.HOLDS : Brute.VIOLATED, seed,
                        disagreements, uncertain);
                violated += (spk001 == Brute.VIOLATED ? 1 : 0) + (spk002 ? 0 : 1);
                undecided += spk001 == Brute.UNDECIDED ? 1 : 0;
                for (String name : new String[] {"nsg-spoke" + s.n(), "nsg-nic" + s.n()}) {
                    if (nsgs.containsKey(name)) {
                        boolean nsg001 = closedToInternet(rules(nsgs, name));
                        verdicts += compare(report, "NSG001", "/networkSecurityGroups/" + name,
                                nsg001 ? Brute.HOLDS : Brute.VIOLATED, seed, disagreements, uncertain);
                        violated += nsg001 ? 0 : 1;
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(verdicts > 1000, "verdicts compared: " + verdicts);
        assertTrue(violated > verdicts / 10 && violated < verdicts * 9 / 10,
                "both verdicts must be common for the comparison to mean something: " + violated + " of " + verdicts);
        assertTrue(undecided >= 5, "the OS from a parameter must often decide a verdict: " + undecided);
        assertTrue(uncertain.size() * 100 <= verdicts, "indeterminate verdicts: " + uncertain);
        System.out.println("SoundnessTest: " + TEMPLATES + " templates, " + verdicts + " verdicts, " + violated
                + " violated by brute force, " + undecided + " undecided by the unknown OS (all indeterminate),"
                + " 0 disagreements, " + uncertain.size() + " indeterminate where brute force decides: " + uncertain);
    }

    /** What brute force finds: the expectation holds, is violated, or depends on a value the template leaves open. */
    enum Brute {
        HOLDS, VIOLATED, UNDECIDED
    }

    /** 1 when compared; a disagreement is recorded with the seed that reproduces it. */
    private static int compare(Report report, String rule, String resourceSuffix, Brute expected, int seed,
            List<String> disagreements, List<String> uncertain) {
        List<Finding> found = report.findings().stream().filter(f -> f.rule().id().equals(rule)
                && f.resourceId().endsWith(resourceSuffix)).toList();
        String engine = found.isEmpty() ? "holds" : found.stream().anyMatch(f -> f.kind() == Finding.Kind.VIOLATED)
                ? "violated" : "indeterminate";
        String brute = expected == Brute.HOLDS ? "holds" : expected == Brute.VIOLATED ? "violated" : "indeterminate";
        if (engine.equals("indeterminate") && expected != Brute.UNDECIDED) {
            uncertain.add("seed " + seed + " " + rule + " " + resourceSuffix + " (brute force: " + brute + ")");
        } else if (!engine.equals(brute)) {
            disagreements.add("seed " + seed + " " + rule + " " + resourceSuffix + ": linter " + engine
                    + ", brute force " + brute + (found.isEmpty() ? "" : " (" + found.get(0).message() + ")"));
        }
        return 1;
    }

    private static List<SecurityRule> rules(Map<String, NetworkSecurityGroup> nsgs, String name) {
        return nsgs.get(name).securityRules().known().orElseThrow();
    }

    // ---- the brute force -----------------------------------------------------------------------------------

    private static BigInteger ip(String dotted) {
        return AddressSpace.cidr(dotted).orElseThrow().low(0);
    }

    /** Whether the chain (subnet NSG, then NIC NSG; none = allow) lets the flow in, per the naive evaluator. */
    private static boolean allowed(NaiveReference ref, List<SecurityRule> subnet, List<SecurityRule> nic,
            NaiveReference.Flow f) {
        return (subnet == null || ref.decide(subnet, f).access() == Access.ALLOW)
                && (nic == null || ref.decide(nic, f).access() == Access.ALLOW);
    }

    /** The VirtualNetwork tag of a spoke: itself and the hub, peered both ways. */
    private static NaiveReference spokeContext(Spoke s) {
        List<BigInteger[]> vnet = List.of(range("10.0.0.0/16"), range("10." + s.n() + ".0.0/16"));
        return new NaiveReference(vnet, Map.of());
    }

    private static BigInteger[] range(String cidr) {
        IntervalSet c = AddressSpace.cidr(cidr).orElseThrow();
        return new BigInteger[] {c.low(0), c.high(0)};
    }

    /**
     * The ports Bastion connects on, in each world the template leaves possible (Microsoft's SKU table): Basic
     * connects to Windows on 3389 and Linux on 22; Standard and Premium on either, or on the custom port that
     * replaces them; a VM whose OS is not stated needs 22 or 3389.
     */
    private static List<List<Integer>> worlds(Spoke s, String sku) {
        boolean flexible = !sku.equals("Basic");
        if (flexible && s.customPort()) {
            return List.of(List.of(CUSTOM_PORT));
        }
        return switch (s.os()) {
            case WINDOWS -> List.of(flexible ? List.of(22, 3389) : List.of(3389));
            case LINUX -> List.of(flexible ? List.of(22, 3389) : List.of(22));
            case NO_VM -> List.of(List.of(22, 3389));
            case FROM_PARAMETER -> flexible ? List.of(List.of(22, 3389)) : List.of(List.of(3389), List.of(22));
        };
    }

    /**
     * SPK001: in each world, on one of its ports, every TCP flow from the Bastion subnet to the NIC's address gets
     * in. Holds when so in every world, violated when in none, else undecided.
     */
    private static Brute reachableFromBastion(Spoke s, String sku, List<SecurityRule> subnet, List<SecurityRule> nic,
            int n) {
        NaiveReference ref = spokeContext(s);
        IntervalSet bastion = AddressSpace.cidr(BASTION_SUBNET).orElseThrow();
        BigInteger target = ip(s.nicIp());
        int holding = 0;
        List<List<Integer>> worlds = worlds(s, sku);
        for (List<Integer> ports : worlds) {
            boolean some = false;
            for (int port : ports) {
                boolean all = true;
                for (BigInteger src : points(n)) {
                    if (bastion.contains(src) && !allowed(ref, subnet, nic,
                            new NaiveReference.Flow(Direction.INBOUND, Protocol.TCP, src, 49152, target, port))) {
                        all = false;
                    }
                }
                some |= all;
            }
            holding += some ? 1 : 0;
        }
        return holding == worlds.size() ? Brute.HOLDS : holding == 0 ? Brute.VIOLATED : Brute.UNDECIDED;
    }

    /**
     * SPK002: no TCP or UDP flow to 22, 3389 or a declared custom port gets in from outside the Bastion subnet and
     * the platform address.
     */
    private static boolean onlyFromBastion(Spoke s, List<SecurityRule> subnet, List<SecurityRule> nic, int n) {
        NaiveReference ref = spokeContext(s);
        IntervalSet allowedSources = AddressSpace.cidr(BASTION_SUBNET).orElseThrow().union(AddressSpace.AZURE_PLATFORM);
        IntervalSet target = AddressSpace.cidr(s.prefix()).orElseThrow();
        int[] ports = s.customPort() ? new int[] {22, 3389, CUSTOM_PORT} : new int[] {22, 3389};
        for (Protocol p : new Protocol[] {Protocol.TCP, Protocol.UDP}) {
            for (int port : ports) {
                for (BigInteger src : points(n)) {
                    for (BigInteger dst : points(n)) {
                        if (!allowedSources.contains(src) && target.contains(dst) && allowed(ref, subnet, nic,
                                new NaiveReference.Flow(Direction.INBOUND, p, src, 49152, dst, port))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** NSG001: judged alone (no VNet known), no TCP or UDP flow from the Internet to 22 or 3389 gets in. */
    private static boolean closedToInternet(List<SecurityRule> rules) {
        NaiveReference ref = new NaiveReference(List.of(), Map.of());
        for (Protocol p : new Protocol[] {Protocol.TCP, Protocol.UDP}) {
            for (int port : new int[] {22, 3389}) {
                for (BigInteger src : points(3)) {
                    if (!ref.isInternet(src)) {
                        continue;
                    }
                    for (BigInteger dst : points(3)) {
                        if (ref.decide(rules, new NaiveReference.Flow(Direction.INBOUND, p, src, 49152, dst, port))
                                .access() == Access.ALLOW) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static final Map<Integer, List<BigInteger>> POINTS = new HashMap<>();

    /**
     * Every IPv4 address where a prefix of the template (any the generator uses), the public space or the
     * platform address begins or ends, and its neighbours: between two of them, no rule tells addresses apart.
     */
    private static synchronized List<BigInteger> points(int spokes) {
        return POINTS.computeIfAbsent(spokes, n -> {
            Set<String> cidrs = new LinkedHashSet<>(List.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", BASTION_SUBNET,
                    "10.0.1.0/27", "10.0.1.32/27", "10.0.2.0/24", "203.0.113.0/24", "168.63.129.16/32"));
            for (int i = 1; i <= n; i++) {
                cidrs.addAll(List.of("10." + i + ".0.0/16", "10." + i + ".1.0/24", "10." + i + ".1.4/32",
                        "10." + i + ".1.128/25"));
            }
            TreeSet<BigInteger> out = new TreeSet<>();
            BigInteger max = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
            List<BigInteger[]> bounds = new ArrayList<>();
            for (String c : cidrs) {
                bounds.add(range(c));
            }
            IntervalSet publicV4 = AddressSpace.PUBLIC.intersect(AddressSpace.ALL_V4);
            for (int i = 0; i < publicV4.intervalCount(); i++) {
                bounds.add(new BigInteger[] {publicV4.low(i), publicV4.high(i)});
            }
            for (BigInteger[] b : bounds) {
                for (BigInteger p : new BigInteger[] {b[0].subtract(BigInteger.ONE), b[0], b[1], b[1].add(BigInteger.ONE)}) {
                    if (p.signum() >= 0 && p.compareTo(max) <= 0) {
                        out.add(p);
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    // ---- the generator -------------------------------------------------------------------------------------

    private static List<JsonObject> rules(Random random, int spoke) {
        String[] sources = {"*", "Internet", "VirtualNetwork", "AzureLoadBalancer", BASTION_SUBNET, "10.0.0.0/16",
            "10.0.1.0/27", "10.0.1.32/27", "10." + (1 + random.nextInt(3)) + ".0.0/16", "0.0.0.0/0", "203.0.113.0/24",
            "10.0.0.0/8", "10.0.2.0/24"};
        String[] destinations = {"*", "10." + spoke + ".1.0/24", "10." + spoke + ".1.4", "10." + spoke + ".1.128/25",
            "10." + spoke + ".0.0/16"};
        String[] protocols = {"Tcp", "Udp", "*", "Icmp"};
        int n = random.nextInt(7);
        List<Integer> priorities = new ArrayList<>();
        while (priorities.size() < n) {
            int p = 100 + random.nextInt(400);
            if (!priorities.contains(p)) {
                priorities.add(p);
            }
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonObjectBuilder props = Json.createObjectBuilder()
                    .add("priority", priorities.get(i))
                    .add("direction", random.nextInt(8) == 0 ? "Outbound" : "Inbound")
                    .add("access", random.nextBoolean() ? "Allow" : "Deny")
                    .add("protocol", protocols[random.nextInt(protocols.length)])
                    .add("sourcePortRange", "*")
                    .add("sourceAddressPrefix", sources[random.nextInt(sources.length)])
                    .add("destinationAddressPrefix", destinations[random.nextInt(destinations.length)]);
            if (random.nextInt(4) == 0) {
                props.add("destinationPortRanges", Json.createArrayBuilder().add(PORTS[random.nextInt(PORTS.length)])
                        .add(PORTS[random.nextInt(2)]));
            } else {
                props.add("destinationPortRange", PORTS[random.nextInt(PORTS.length)]);
            }
            out.add(Json.createObjectBuilder().add("name", "r" + i).add("properties", props).build());
        }
        return out;
    }

    private static final String NETWORK = "Microsoft.Network/";

    private static JsonObjectBuilder resource(String type, String name) {
        return Json.createObjectBuilder().add("type", NETWORK + type).add("apiVersion", "2023-09-01")
                .add("name", name).add("location", "uksouth");
    }

    private static String id(String type, String name) {
        return "[resourceId('" + NETWORK + type + "', '" + name + "')]";
    }

    private static String subnetId(String vnet, String subnet) {
        return "[resourceId('" + NETWORK + "virtualNetworks/subnets', '" + vnet + "', '" + subnet + "')]";
    }

    private static JsonObject template(List<Spoke> spokes, String sku) {
        JsonArrayBuilder resources = Json.createArrayBuilder();
        resources.add(resource("virtualNetworks", "hub").add("properties", Json.createObjectBuilder()
                .add("addressSpace", Json.createObjectBuilder().add("addressPrefixes",
                        Json.createArrayBuilder().add("10.0.0.0/16")))
                .add("subnets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "AzureBastionSubnet").add("properties",
                                Json.createObjectBuilder().add("addressPrefix", BASTION_SUBNET)))
                        .add(Json.createObjectBuilder().add("name", "shared").add("properties",
                                Json.createObjectBuilder().add("addressPrefix", "10.0.2.0/24"))))));
        resources.add(resource("publicIPAddresses", "bastion-pip").add("sku", Json.createObjectBuilder()
                .add("name", "Standard")).add("properties", Json.createObjectBuilder()
                .add("publicIPAllocationMethod", "Static")));
        resources.add(resource("bastionHosts", "bastion").add("sku", Json.createObjectBuilder().add("name", sku))
                .add("properties", Json.createObjectBuilder()
                .add("ipConfigurations", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "ip")
                        .add("properties", Json.createObjectBuilder()
                                .add("subnet", Json.createObjectBuilder().add("id", subnetId("hub", "AzureBastionSubnet")))
                                .add("publicIPAddress", Json.createObjectBuilder().add("id",
                                        id("publicIPAddresses", "bastion-pip"))))))));
        for (Spoke s : spokes) {
            String vnet = "spoke" + s.n();
            JsonObjectBuilder subnetProps = Json.createObjectBuilder().add("addressPrefix", s.prefix());
            if (s.subnetRules() != null) {
                resources.add(nsg("nsg-spoke" + s.n(), s.subnetRules()));
                subnetProps.add("networkSecurityGroup", Json.createObjectBuilder().add("id",
                        id("networkSecurityGroups", "nsg-spoke" + s.n())));
            }
            resources.add(resource("virtualNetworks", vnet).add("properties", Json.createObjectBuilder()
                    .add("addressSpace", Json.createObjectBuilder().add("addressPrefixes",
                            Json.createArrayBuilder().add("10." + s.n() + ".0.0/16")))
                    .add("subnets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "workload")
                            .add("properties", subnetProps)))));
            resources.add(peering("hub", vnet));
            resources.add(peering(vnet, "hub"));
            JsonObjectBuilder nicProps = Json.createObjectBuilder().add("ipConfigurations", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", "ip").add("properties", Json.createObjectBuilder()
                            .add("privateIPAllocationMethod", "Static").add("privateIPAddress", s.nicIp())
                            .add("subnet", Json.createObjectBuilder().add("id", subnetId(vnet, "workload"))))));
            if (s.nicRules() != null) {
                resources.add(nsg("nsg-nic" + s.n(), s.nicRules()));
                nicProps.add("networkSecurityGroup", Json.createObjectBuilder().add("id",
                        id("networkSecurityGroups", "nsg-nic" + s.n())));
            }
            resources.add(resource("networkInterfaces", "nic" + s.n()).add("properties", nicProps));
            if (s.os() != Os.NO_VM) {
                resources.add(vm(s));
            }
        }
        return Json.createObjectBuilder()
                .add("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")
                .add("contentVersion", "1.0.0.0")
                .add("parameters", Json.createObjectBuilder().add("osType", Json.createObjectBuilder()
                        .add("type", "string")))
                .add("resources", resources).build();
    }

    /** The spoke's VM: its OS from osProfile, or osDisk.osType from a parameter that has no value. */
    private static JsonObjectBuilder vm(Spoke s) {
        JsonObjectBuilder props = Json.createObjectBuilder().add("networkProfile", Json.createObjectBuilder()
                .add("networkInterfaces", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", id("networkInterfaces", "nic" + s.n())))));
        switch (s.os()) {
            case WINDOWS -> props.add("osProfile", Json.createObjectBuilder().add("computerName", "vm" + s.n())
                    .add("windowsConfiguration", Json.createObjectBuilder().add("provisionVMAgent", true)));
            case LINUX -> props.add("osProfile", Json.createObjectBuilder().add("computerName", "vm" + s.n())
                    .add("linuxConfiguration", Json.createObjectBuilder().add("disablePasswordAuthentication", true)));
            default -> props.add("storageProfile", Json.createObjectBuilder().add("osDisk", Json.createObjectBuilder()
                    .add("createOption", "Attach").add("osType", "[parameters('osType')]")));
        }
        JsonObjectBuilder vm = Json.createObjectBuilder().add("type", "Microsoft.Compute/virtualMachines")
                .add("apiVersion", "2023-09-01").add("name", "vm" + s.n()).add("location", "uksouth")
                .add("properties", props);
        if (s.customPort()) {
            vm.add("metadata", Json.createObjectBuilder().add("nsglint", Json.createObjectBuilder()
                    .add("bastionPorts", Json.createArrayBuilder().add(CUSTOM_PORT))));
        }
        return vm;
    }

    private static JsonObjectBuilder nsg(String name, List<JsonObject> rules) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        rules.forEach(list::add);
        return resource("networkSecurityGroups", name).add("properties", Json.createObjectBuilder()
                .add("securityRules", list));
    }

    private static JsonObjectBuilder peering(String from, String to) {
        return resource("virtualNetworks/virtualNetworkPeerings", from + "/" + from + "-to-" + to).add("properties",
                Json.createObjectBuilder().add("allowVirtualNetworkAccess", true)
                        .add("remoteVirtualNetwork", Json.createObjectBuilder().add("id", id("virtualNetworks", to))));
    }
}
