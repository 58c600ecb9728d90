package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NSG that names an ASG is judged per NIC, by the NIC's membership: exactly, on the NIC's own side; and its rules
 * are compiled once per membership, not once per NIC.
 */
class AsgBindingTest {

    @TempDir
    Path dir;

    private static String nic(String name, String ip, boolean member) {
        return "{\"type\": \"Microsoft.Network/networkInterfaces\", \"name\": \"" + name + "\", \"properties\": {"
                + "\"ipConfigurations\": [{\"name\": \"ip\", \"properties\": {\"privateIPAddress\": \"" + ip + "\","
                + (member ? " \"applicationSecurityGroups\": [{\"id\": \"[resourceId('Microsoft.Network/"
                        + "applicationSecurityGroups', 'mgmt')]\"}]," : "")
                + " \"subnet\": {\"id\": \"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'w')]\"}}}]}}";
    }

    @Test
    void aNicIsJudgedByItsOwnMembershipAndNicsOfOneMembershipShareACompilation() throws Exception {
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [
                  {"type": "Microsoft.Network/applicationSecurityGroups", "name": "mgmt", "properties": {}},
                  {"type": "Microsoft.Network/networkSecurityGroups", "name": "n", "properties": {"securityRules": [
                    {"name": "AllowSshToMgmt", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                      "protocol": "Tcp", "sourceAddressPrefix": "10.0.1.0/26", "sourcePortRange": "*",
                      "destinationApplicationSecurityGroups": [{"id": "[resourceId('Microsoft.Network/applicationSecurityGroups', 'mgmt')]"}],
                      "destinationPortRange": "22"}},
                    {"name": "DenySsh", "properties": {"priority": 4000, "direction": "Inbound", "access": "Deny",
                      "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                      "destinationAddressPrefix": "*", "destinationPortRange": "22"}}]}},
                  {"type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": {
                    "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                    "subnets": [{"name": "w", "properties": {"addressPrefix": "10.1.1.0/24",
                      "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'n')]"}}}]}},
                  %s, %s, %s]}""".formatted(nic("a", "10.1.1.4", true), nic("b", "10.1.1.5", true),
                nic("c", "10.1.1.6", false));
        Path f = Files.writeString(dir.resolve("t.json"), template);
        NetworkModel m = new ModelLoader().load(List.of(f), null).model();
        FlowEngine e = FlowEngine.of(Topology.of(m, TargetMode.SUBNETS_WITH_NICS), ServiceTagPrefixes.NONE);
        NetworkSecurityGroup nsg = m.networkSecurityGroups().get(0);
        Subnet subnet = m.virtualNetworks().get(0).subnets().get(0);
        NetworkInterface a = m.networkInterfaces().get(0);
        NetworkInterface b = m.networkInterfaces().get(1);
        NetworkInterface c = m.networkInterfaces().get(2);
        TagContext ctx = e.contextOf(subnet);
        assertSame(e.rules(nsg, Direction.INBOUND, ctx, a), e.rules(nsg, Direction.INBOUND, ctx, b));
        assertNotSame(e.rules(nsg, Direction.INBOUND, ctx, a), e.rules(nsg, Direction.INBOUND, ctx, c));
        FlowSet ssh = e.flows(Protocols.TCP, AddressSet.ofIps(AddressSpace.cidr("10.0.1.0/26").orElseThrow()),
                FlowBox.ANY_PORT, e.addressesOf(subnet), IntervalSet.of(22, 22));
        assertInstanceOf(Verdict.Holds.class, e.mustAllow(nsg, Direction.INBOUND, ctx, ssh, a));
        assertInstanceOf(Verdict.Violated.class, e.mustAllow(nsg, Direction.INBOUND, ctx, ssh, c));
        // Judged for no one NIC, the ASG is its members' fixed addresses: 10.1.1.6 is not one of them.
        assertInstanceOf(Verdict.Violated.class, e.mustAllow(nsg, Direction.INBOUND, ctx, ssh));
    }
}
