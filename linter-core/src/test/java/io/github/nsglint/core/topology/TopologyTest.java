package io.github.nsglint.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

    @TempDir
    Path dir;

    /** A hub with Bastion and three spokes: peered both ways, one way only, and with access disabled. */
    private NetworkModel model(String spokeCPeeringAccess) throws IOException {
        String template = """
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "parameters": {"cAccess": {"type": "string"}},
             "variables": {"rg": "[resourceGroup().id]"},
             "resources": [
              {"type": "Microsoft.Network/virtualNetworks", "name": "hub", "properties": {
                "subnets": [{"name": "AzureBastionSubnet", "properties": {"addressPrefix": "10.0.1.0/26"}},
                            {"name": "jump", "properties": {"addressPrefix": "10.0.2.0/24",
                              "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'elsewhere')]"}}}],
                "virtualNetworkPeerings": [
                  {"name": "to-a", "properties": {"remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'SPOKE-A')]"}}},
                  {"name": "to-b", "properties": {"remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'spoke-b')]"}}},
                  {"name": "to-c", "properties": {"remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'spoke-c')]"}}}]}},
              {"type": "Microsoft.Network/virtualNetworks", "name": "spoke-a", "properties": {
                "subnets": [{"name": "vms", "properties": {"addressPrefix": "10.1.1.0/24",
                              "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'a-nsg')]"}}},
                            {"name": "empty", "properties": {"addressPrefix": "10.1.2.0/24"}}],
                "virtualNetworkPeerings": [{"name": "to-hub", "properties": {"remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]"}}}]}},
              {"type": "Microsoft.Network/virtualNetworks", "name": "spoke-b", "properties": {
                "subnets": [{"name": "vms", "properties": {"addressPrefix": "10.2.1.0/24"}}]}},
              {"type": "Microsoft.Network/virtualNetworks", "name": "spoke-c", "properties": {
                "subnets": [{"name": "vms", "properties": {"addressPrefix": "10.3.1.0/24"}}],
                "virtualNetworkPeerings": [{"name": "to-hub", "properties": {"allowVirtualNetworkAccess": "[equals(parameters('cAccess'), 'on')]",
                  "remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]"}}}]}},
              {"type": "Microsoft.Network/virtualNetworks", "name": "island", "properties": {
                "subnets": [{"name": "vms", "properties": {"addressPrefix": "10.9.1.0/24"}}]}},
              {"type": "Microsoft.Network/networkSecurityGroups", "name": "a-nsg"},
              {"type": "Microsoft.Network/networkInterfaces", "name": "a-nic", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke-a', 'vms')]"}}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "b-nic", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke-b', 'vms')]"}}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "c-nic", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke-c', 'vms')]"}}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "island-nic", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'island', 'vms')]"}}}]}},
              {"type": "Microsoft.Network/bastionHosts", "name": "bastion", "properties": {"ipConfigurations": [
                {"name": "ip", "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'AzureBastionSubnet')]"}}}]}}
             ]}""";
        Path f = dir.resolve("t.json");
        Files.writeString(f, template);
        Path params = dir.resolve("p.json");
        Files.writeString(params, spokeCPeeringAccess == null ? "{\"parameters\": {}}"
                : "{\"parameters\": {\"cAccess\": {\"value\": \"" + spokeCPeeringAccess + "\"}}}");
        return new ModelLoader().load(List.of(f), params).model();
    }

    private static String state(Topology t, String spoke) {
        return t.peeringLinks().stream().filter(l -> l.vnetA().endsWith("/" + spoke) || l.vnetB().endsWith("/" + spoke))
                .map(l -> l.state().name()).findFirst().orElse("none");
    }

    @Test
    void peeringCarriesTrafficOnlyWhenBothDirectionsAllowAccess() throws IOException {
        Topology t = Topology.of(model("off"), TargetMode.SUBNETS_WITH_NICS);
        assertEquals("CONNECTED", state(t, "spoke-a"));
        assertEquals("ONE_WAY", state(t, "spoke-b"));
        assertEquals("ACCESS_DISABLED", state(t, "spoke-c"));
        assertEquals("CONNECTED", state(Topology.of(model("on"), TargetMode.SUBNETS_WITH_NICS), "spoke-c"));
        assertEquals("UNKNOWN", state(Topology.of(model(null), TargetMode.SUBNETS_WITH_NICS), "spoke-c"));
    }

    @Test
    void bastionTargetsAreSubnetsWithNicsInPeeredVnetsEvenOneWay() throws IOException {
        Topology t = Topology.of(model("off"), TargetMode.SUBNETS_WITH_NICS);
        BastionPlacement p = t.bastions().get(0);
        assertTrue(p.bastionSubnet().orElseThrow().id().endsWith("/hub/subnets/AzureBastionSubnet"));
        assertEquals(List.of("spoke-a/subnets/vms", "spoke-b/subnets/vms", "spoke-c/subnets/vms"),
                p.targets().stream().map(TopologyTest::shortId).toList());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void allSubnetsModeTakesSubnetsWithoutNicsButNeverTheBastionSubnet() throws IOException {
        Topology t = Topology.of(model("on"), TargetMode.ALL_SUBNETS);
        assertEquals(List.of("hub/subnets/jump", "spoke-a/subnets/vms", "spoke-a/subnets/empty", "spoke-b/subnets/vms",
                "spoke-c/subnets/vms"), t.bastions().get(0).targets().stream().map(TopologyTest::shortId).toList());
    }

    @Test
    void nsgAttachmentIsNoneAttachedOrUnresolved() throws IOException {
        Topology t = Topology.of(model("on"), TargetMode.SUBNETS_WITH_NICS);
        List<Subnet> subnets = t.model().subnets().toList();
        assertInstanceOf(NsgAttachment.None.class, t.nsgOf(subnets.get(0)));
        NsgAttachment.Unresolved jump = assertInstanceOf(NsgAttachment.Unresolved.class, t.nsgOf(subnets.get(1)));
        assertTrue(jump.reason().contains("/networkSecurityGroups/elsewhere' is not declared"), jump.reason());
        assertInstanceOf(NsgAttachment.Attached.class, t.nsgOf(subnets.get(2)));
        assertEquals(1, t.attachmentsOf(t.model().networkSecurityGroups().get(0)).size());
    }

    private static String shortId(Subnet s) {
        String id = s.id();
        return id.substring(id.indexOf("/virtualNetworks/") + "/virtualNetworks/".length());
    }
}
