package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module linted alone, as Bicep compiles one: its names are required parameters with no value. The NSG named
 * {@code parameters('nsgName')} is the one the subnet refers to by {@code resourceId(..., parameters('nsgName'))},
 * so its rules are judged; an address read from such a parameter stays Unknown.
 */
class OpaqueSymbolModelTest {

    @TempDir
    Path dir;

    @Test
    void aModuleAloneIsJudgedThroughItsNameParameters() throws Exception {
        Path t = Files.writeString(dir.resolve("spoke.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"vnetName": {"type": "string"}, "nsgName": {"type": "string"},
                   "subnetPrefix": {"type": "string"}},
                 "resources": [
                  {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01",
                   "name": "[parameters('nsgName')]", "location": "uksouth",
                   "properties": {"securityRules": [{"name": "ssh", "properties": {"priority": 100,
                     "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourcePortRange": "*",
                     "sourceAddressPrefix": "Internet", "destinationPortRange": "22",
                     "destinationAddressPrefix": "*"}}]}},
                  {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01",
                   "name": "[parameters('vnetName')]", "location": "uksouth",
                   "dependsOn": ["[resourceId('Microsoft.Network/networkSecurityGroups', parameters('nsgName'))]"],
                   "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                     "subnets": [{"name": "[format('{0}-workload', parameters('vnetName'))]",
                       "properties": {"addressPrefix": "[parameters('subnetPrefix')]",
                         "networkSecurityGroup": {"id":
                           "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('nsgName'))]"}}}]}}]}""");
        LoadResult loaded = new ModelLoader().load(List.of(t), null);
        NetworkSecurityGroup nsg = loaded.model().networkSecurityGroups().stream().findFirst().orElseThrow();
        assertTrue(nsg.id().endsWith("/networkSecurityGroups/[parameters('nsgName')]"), nsg.id());
        Subnet subnet = loaded.model().subnets().findFirst().orElseThrow();
        assertEquals(Field.known("[parameters('vnetName')]-workload"), subnet.name());
        assertEquals(nsg.id().toLowerCase(Locale.ROOT), subnet.networkSecurityGroupId().known().orElseThrow()
                .toLowerCase(Locale.ROOT), "the subnet's NSG is the NSG declared under the same parameter");
        Field.Unknown<?> prefix = assertInstanceOf(Field.Unknown.class, subnet.addressPrefixes());
        assertTrue(prefix.reason().startsWith("parameter 'subnetPrefix' has no value"), prefix.reason());

        Report report = Linter.run(LintRequest.of(List.of(t)));
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001")
                && f.kind() == Finding.Kind.VIOLATED), report.findings().toString());
        assertTrue(report.findings().stream().noneMatch(f -> f.message().contains("\uE000")),
                "no finding carries a symbol's private-use characters");
    }
}
