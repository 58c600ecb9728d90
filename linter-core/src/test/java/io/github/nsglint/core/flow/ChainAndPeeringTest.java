package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.topology.BastionPlacement;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows through subnets, NICs and peerings, on the hub-and-spoke fixture and variations of it. */
class ChainAndPeeringTest {

    private static final Path FIXTURE = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath()
            .normalize().resolve("fixtures/hub-spoke-bastion");

    @TempDir
    Path dir;

    private FlowEngine load(String template) throws IOException {
        Path t = dir.resolve("azuredeploy.json");
        Files.writeString(t, template);
        Files.copy(FIXTURE.resolve("azuredeploy.parameters.json"), dir.resolve("azuredeploy.parameters.json"));
        return FlowEngine.of(Topology.of(new ModelLoader().load(List.of(t), null).model(),
                TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
    }

    private static String fixture() throws IOException {
        return Files.readString(FIXTURE.resolve("azuredeploy.json"));
    }

    /** Management ports from every source outside the Bastion subnet must be denied at each target. */
    private static Verdict onlyFromBastion(FlowEngine e, Subnet target, NetworkInterface nic) {
        BastionPlacement p = e.topology().bastions().get(0);
        AddressSet bastion = e.addressesOf(p.bastionSubnet().orElseThrow());
        AddressSet elsewhere = e.addresses("*", e.contextOf(target)).subtract(bastion);
        FlowSet q = e.flows(Protocols.ALL, elsewhere, FlowBox.ANY_PORT, e.addressesOf(target),
                IntervalSet.of(22, 22).union(IntervalSet.of(3389, 3389)));
        return e.allDenied(e.evaluate(target, nic, Direction.INBOUND, q), Direction.INBOUND);
    }

    private static Verdict fromBastion(FlowEngine e, Subnet target, NetworkInterface nic) {
        BastionPlacement p = e.topology().bastions().get(0);
        FlowSet q = e.flows(Protocols.TCP, e.addressesOf(p.bastionSubnet().orElseThrow()), FlowBox.ANY_PORT,
                e.addressesOf(target), IntervalSet.of(22, 22));
        return e.allAllowed(e.evaluate(target, nic, Direction.INBOUND, q), Direction.INBOUND);
    }

    @Test
    void fixtureSpokesTakeSshAndRdpFromTheBastionSubnetOnly() throws IOException {
        FlowEngine e = load(fixture());
        List<Subnet> targets = e.topology().bastions().get(0).targets();
        assertEquals(2, targets.size());
        for (Subnet t : targets) {
            NetworkInterface nic = e.nicsIn(t).get(0);
            assertInstanceOf(Verdict.Holds.class, fromBastion(e, t, nic));
            assertInstanceOf(Verdict.Holds.class, onlyFromBastion(e, t, nic), t.id());
        }
    }

    @Test
    void defaultAllowVnetInBoundOpensASpokeToPeeredVnets() throws IOException {
        FlowEngine e = load(fixture().replace("\"priority\": 4000, \"direction\": \"Inbound\", \"access\": \"Deny\"",
                "\"priority\": 4000, \"direction\": \"Outbound\", \"access\": \"Deny\""));
        Subnet app = e.topology().bastions().get(0).targets().get(0);
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, onlyFromBastion(e, app, e.nicsIn(app).get(0)));
        assertEquals("AllowVNetInBound", v.witness().deciding().ruleName());
        assertEquals(65000, v.witness().deciding().priority());
        // The witness comes from the hub, which is peered with the spoke in both directions.
        assertEquals("Tcp 10.0.0.4:49152 \u2192 10.1.1.4:22", v.witness().flow().toString());
    }

    @Test
    void subnetAllowsButNicDenies() throws IOException {
        String withNicNsg = fixture().replace("\"privateIPAllocationMethod\": \"Dynamic\",",
                "\"privateIPAllocationMethod\": \"Dynamic\",")
                .replace("\"ipConfigurations\": [\n          {\n            \"name\": \"ipconfig1\",",
                        "\"networkSecurityGroup\": {\"id\": \"[resourceId('Microsoft.Network/networkSecurityGroups',"
                                + " 'nic-deny-nsg')]\"},\n        \"ipConfigurations\": [\n          {\n"
                                + "            \"name\": \"ipconfig1\",")
                .replace("\"resources\": [\n", "\"resources\": [\n    {\"type\": \"Microsoft.Network/networkSecurityGroups\","
                        + " \"apiVersion\": \"2023-09-01\", \"name\": \"nic-deny-nsg\", \"properties\": {\"securityRules\":"
                        + " [{\"name\": \"DenySsh\", \"properties\": {\"priority\": 100, \"direction\": \"Inbound\","
                        + " \"access\": \"Deny\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": \"*\","
                        + " \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\","
                        + " \"destinationPortRange\": \"22\"}}]}},\n");
        FlowEngine e = load(withNicNsg);
        Subnet app = e.topology().bastions().get(0).targets().get(0);
        NetworkInterface nic = e.nicsIn(app).get(0);
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, fromBastion(e, app, nic));
        assertEquals("DenySsh", v.witness().deciding().ruleName());
        assertEquals("nic-deny-nsg", v.witness().deciding().nsgName());
        // the path shows the subnet's allow first, then the NIC's deny
        assertEquals(List.of("AllowSshRdpFromBastion", "DenySsh"),
                v.witness().path().stream().map(DecidingRule::ruleName).toList());
        // without the NIC, the subnet alone allows it
        assertInstanceOf(Verdict.Holds.class, fromBastion(e, app, null));
    }

    @Test
    void oneNsgInTwoVnetsIsJudgedInEachVnetsContext() throws IOException {
        Path t = dir.resolve("shared.json");
        Files.writeString(t, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [
                  {"type": "Microsoft.Network/networkSecurityGroups", "name": "shared", "properties": {"securityRules": [
                    {"name": "AllowSshFromVnet", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                      "protocol": "Tcp", "sourceAddressPrefix": "VirtualNetwork", "sourcePortRange": "*",
                      "destinationAddressPrefix": "*", "destinationPortRange": "22"}},
                    {"name": "DenyVnet", "properties": {"priority": 200, "direction": "Inbound", "access": "Deny",
                      "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                      "destinationAddressPrefix": "*", "destinationPortRange": "*"}}]}},
                  {"type": "Microsoft.Network/virtualNetworks", "name": "a", "properties": {
                    "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}, "subnets": [{"name": "s", "properties": {
                      "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'shared')]"}}}]}},
                  {"type": "Microsoft.Network/virtualNetworks", "name": "b", "properties": {
                    "addressSpace": {"addressPrefixes": ["10.2.0.0/16"]}, "subnets": [{"name": "s", "properties": {
                      "addressPrefix": "10.2.1.0/24", "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'shared')]"}}}]}}]}""");
        FlowEngine e = FlowEngine.of(Topology.of(new ModelLoader().load(List.of(t), null).model(),
                TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
        List<Subnet> subnets = e.topology().model().subnets().toList();
        AddressSet fromA = Rules.ips("10.1.0.0/16");
        for (Subnet s : subnets) {
            FlowSet q = e.flows(Protocols.TCP, fromA, FlowBox.ANY_PORT, e.addressesOf(s), IntervalSet.of(22, 22));
            Verdict v = e.allAllowed(e.evaluate(s, null, Direction.INBOUND, q), Direction.INBOUND);
            // 10.1.0.0/16 is VirtualNetwork in VNet a, but not in VNet b (no peering).
            if (s.virtualNetworkId().endsWith("/a")) {
                assertInstanceOf(Verdict.Holds.class, v);
            } else {
                assertEquals("DenyVnet", assertInstanceOf(Verdict.Violated.class, v).witness().deciding().ruleName());
            }
        }
    }

    @Test
    void onePeeringDirectionDoesNotWidenVirtualNetwork() throws IOException {
        // Drop the spoke-to-hub peerings: the hub is no longer in the spokes' VirtualNetwork.
        String oneWay = fixture().replace("\"count\": \"[length(parameters('spokes'))]\" },\n"
                + "      \"dependsOn\": [ \"spokeVnets\", \"[resourceId('Microsoft.Network/virtualNetworks',"
                + " variables('hubName'))]\" ],\n      \"properties\": {\n        \"remoteVirtualNetwork\": { \"id\":"
                + " \"[resourceId('Microsoft.Network/virtualNetworks', variables('hubName'))]\" }",
                "\"count\": 0 },\n      \"dependsOn\": [],\n      \"properties\": {\n        \"remoteVirtualNetwork\":"
                        + " { \"id\": \"[resourceId('Microsoft.Network/virtualNetworks', variables('hubName'))]\" }");
        FlowEngine e = load(oneWay);
        Subnet app = e.topology().bastions().get(0).targets().get(0);
        TagContext ctx = e.contextOf(app);
        assertTrue(!e.addresses("VirtualNetwork", ctx).intersects(Rules.ips("10.0.0.0/16")),
                "hub space must not be in the spoke's VirtualNetwork");
        assertTrue(e.addresses("Internet", ctx).ips().isEmpty() == false);
        // a one-way link still makes the spoke a target (so a rule can say the peering is missing)
        assertEquals(2, e.topology().bastions().get(0).targets().size());
    }
}
