package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.flow.FlowBox;
import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.flow.Protocols;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.flow.Verdict;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.core.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTagFileTest {

    @TempDir
    Path dir;

    private Path tagFile() throws Exception {
        Path f = dir.resolve("ServiceTags_Public_20261116.json");
        Files.writeString(f, """
                {"changeNumber": 301, "cloud": "Public", "values": [
                  {"name": "GatewayManager", "id": "GatewayManager", "properties": {"changeNumber": 12,
                    "region": "", "platform": "Azure", "systemService": "GatewayManager",
                    "addressPrefixes": ["13.66.140.144/29", "2603:1000:4::40/122"]}},
                  {"name": "Storage", "id": "Storage", "properties": {"addressPrefixes": ["20.38.96.0/19"]}}]}""");
        return f;
    }

    @Test
    void tagsResolveToTheirExactPrefixes() throws Exception {
        ServiceTagPrefixes tags = ServiceTagFile.read(tagFile());
        assertEquals(AddressSpace.cidr("13.66.140.144/29").orElseThrow()
                .union(AddressSpace.cidr("2603:1000:4::40/122").orElseThrow()), tags.prefixes("gatewaymanager").orElseThrow());
        assertTrue(tags.prefixes("AzureCloud").isEmpty());
    }

    @Test
    void withTheFileADenyOfAnotherTagIsExactlyResolved() throws Exception {
        // Without the file, "Deny Storage" above "Allow GatewayManager" leaves GatewayManager's fate unknown;
        // with it, the two are known to be disjoint and the answer is certain.
        Path t = dir.resolve("t.json");
        Files.writeString(t, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "bastion-nsg", "properties": {
                   "securityRules": [
                     {"name": "DenyStorage", "properties": {"priority": 100, "direction": "Inbound", "access": "Deny",
                       "protocol": "*", "sourceAddressPrefix": "Storage", "sourcePortRange": "*",
                       "destinationAddressPrefix": "*", "destinationPortRange": "*"}},
                     {"name": "AllowGatewayManager", "properties": {"priority": 110, "direction": "Inbound",
                       "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "GatewayManager",
                       "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}}]}""");
        var model = new ModelLoader().load(List.of(t), null).model();
        for (boolean withFile : new boolean[] {false, true}) {
            FlowEngine e = FlowEngine.of(Topology.of(model, TargetMode.SUBNETS_WITH_NICS),
                    withFile ? ServiceTagFile.read(tagFile()) : ServiceTagPrefixes.NONE);
            var nsg = model.networkSecurityGroups().get(0);
            var q = e.flows(Protocols.TCP, e.addresses("GatewayManager", e.unattached()), FlowBox.ANY_PORT,
                    e.addresses("10.0.1.0/26", e.unattached()), IntervalSet.of(443, 443));
            Verdict v = e.mustAllow(nsg, Direction.INBOUND, e.unattached(), q);
            Class<? extends Verdict> expected = withFile ? Verdict.Holds.class : Verdict.Indeterminate.class;
            assertEquals(expected, v.getClass(), String.valueOf(v));
        }
    }

    @Test
    void aFileOfAnotherShapeIsAnErrorWithItsPosition() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"values\": [{\"name\": \"X\", \"properties\": {\"addressPrefixes\": [\"not-a-cidr\"]}}]}");
        TemplateLoadException e = assertThrows(TemplateLoadException.class, () -> ServiceTagFile.read(f));
        assertTrue(e.getMessage().endsWith("bad.json:1:62: service tag X has an address prefix that is not a CIDR"),
                e.getMessage());
    }
}
