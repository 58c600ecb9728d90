package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkModel;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    private static final String SCHEMA =
            "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\"";
    private static final String RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/";

    @TempDir
    Path dir;

    private LoadResult load(String json) throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, json);
        return new ModelLoader().load(List.of(f), null);
    }

    private static List<SecurityRule> rules(NetworkSecurityGroup nsg) {
        return nsg.securityRules().known().orElseThrow();
    }

    @Test
    void aFolderTakesLinkedTemplatesAndReportsLinksThatLeadNowhere() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("estate"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("real.json"), "{" + SCHEMA + """
                , "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "linked-nsg"}]}""");
        Files.createSymbolicLink(folder.resolve("linked.json"), elsewhere.resolve("real.json"));
        Files.createSymbolicLink(folder.resolve("dangling.json"), elsewhere.resolve("gone.json"));
        Files.createSymbolicLink(folder.resolve("folder.json"), elsewhere); // a folder's link is not a file
        LoadResult r = new ModelLoader().load(List.of(folder), null);
        assertEquals(List.of("linked-nsg"),
                r.model().networkSecurityGroups().stream().map(n -> n.name().known().orElseThrow()).toList());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.ERROR
                && d.location().file().endsWith("dangling.json")), r.diagnostics().toString());
        assertEquals(2, r.files().size() + r.diagnostics().stream()
                .filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count(), r.toString());
    }

    @Test
    void resourceCopyLoopMakesOneNsgPerIteration() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "parameters": {"spokes": {"type": "array", "defaultValue": ["a", "b", "c"]}},
                  "resources": [{"type": "Microsoft.Network/networkSecurityGroups",
                    "name": "[format('nsg-{0}-{1}', parameters('spokes')[copyIndex()], copyIndex(1))]",
                    "copy": {"name": "nsgLoop", "count": "[length(parameters('spokes'))]"},
                    "properties": {"securityRules": []}}]}""").model();
        assertEquals(List.of("nsg-a-1", "nsg-b-2", "nsg-c-3"),
                m.networkSecurityGroups().stream().map(n -> n.name().known().orElseThrow()).toList());
        assertEquals(RG + "Microsoft.Network/networkSecurityGroups/nsg-b-2", m.networkSecurityGroups().get(1).id());
    }

    @Test
    void propertyCopyBuildsRulesAndTheyPointAtTheLoopInput() throws IOException {
        LoadResult r = load("{" + SCHEMA + """
                , "variables": {"ports": [22, 3389]},
                  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "nsg",
                    "properties": {"copy": [{"name": "securityRules", "count": "[length(variables('ports'))]",
                      "input": {"name": "[concat('deny-', variables('ports')[copyIndex('securityRules')])]",
                        "properties": {"priority": "[add(100, copyIndex('securityRules'))]", "direction": "Inbound",
                          "access": "Deny", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                          "destinationAddressPrefix": "*",
                          "destinationPortRange": "[string(variables('ports')[copyIndex('securityRules')])]"}}}]}}]}""");
        List<SecurityRule> rules = rules(r.model().networkSecurityGroups().get(0));
        assertEquals(2, rules.size());
        assertEquals(Field.known("deny-3389"), rules.get(1).name());
        assertEquals(Field.known(101), rules.get(1).priority());
        assertEquals(Field.known(List.of("3389")), rules.get(1).destinationPortRanges());
        assertEquals("/resources/0/properties/copy/0/input", rules.get(0).location().jsonPointer());
    }

    @Test
    void conditionFalseIsNotDeployedAndUnknownConditionIsKept() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "parameters": {"deployOld": {"type": "bool", "defaultValue": false}, "mode": {"type": "string"}},
                  "resources": [
                    {"type": "Microsoft.Network/networkSecurityGroups", "name": "old", "condition": "[parameters('deployOld')]"},
                    {"type": "Microsoft.Network/networkSecurityGroups", "name": "maybe",
                     "condition": "[equals(parameters('mode'), 'new')]"},
                    {"type": "Microsoft.Network/networkSecurityGroups", "name": "always", "condition": true}]}""").model();
        assertEquals(2, m.networkSecurityGroups().size());
        NetworkSecurityGroup maybe = m.networkSecurityGroups().get(0);
        assertEquals(Field.known("maybe"), maybe.name());
        assertInstanceOf(Field.Unknown.class, maybe.deployment().condition());
        assertEquals(Deployment.DECLARED, m.networkSecurityGroups().get(1).deployment());
    }

    @Test
    void childResourcesMergeIntoParentsByIdCaseInsensitively() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "resources": [
                    {"type": "Microsoft.Network/virtualNetworks", "name": "hub",
                     "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                       "subnets": [{"name": "default", "properties": {"addressPrefix": "10.0.0.0/24"}}]},
                     "resources": [{"type": "subnets", "name": "AzureBastionSubnet",
                       "properties": {"addressPrefix": "10.0.1.0/26",
                         "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'BASTION-NSG')]"}}}]},
                    {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "name": "HUB/to-spoke",
                     "properties": {"remoteVirtualNetwork": {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/spoke"}}},
                    {"type": "Microsoft.Network/networkSecurityGroups", "name": "bastion-nsg", "properties": {
                      "securityRules": [{"name": "in443", "properties": {"priority": 100, "direction": "inbound",
                        "access": "allow", "protocol": "TCP", "sourceAddressPrefix": "Internet", "sourcePortRange": "*",
                        "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}},
                    {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "bastion-nsg/out22",
                     "properties": {"priority": 100, "direction": "Outbound", "access": "Allow", "protocol": "*",
                       "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "VirtualNetwork",
                       "destinationPortRanges": ["22", "3389"]}}]}""").model();
        VirtualNetwork hub = m.virtualNetworks().get(0);
        assertEquals(List.of("default", "AzureBastionSubnet"), hub.subnets().stream()
                .map(s -> s.name().known().orElseThrow()).toList());
        assertEquals(1, hub.peerings().size());
        NetworkSecurityGroup nsg = m.networkSecurityGroups().get(0);
        assertEquals(List.of("in443", "out22"), rules(nsg).stream().map(r -> r.name().known().orElseThrow()).toList());
        SecurityRule in = rules(nsg).get(0);
        assertEquals(Field.known(Direction.INBOUND), in.direction());
        assertEquals(Field.known(Access.ALLOW), in.access());
        assertEquals(Field.known(Protocol.TCP), in.protocol());
        Subnet bastion = hub.subnets().get(1);
        assertTrue(io.github.nsglint.core.model.ResourceIds.same(nsg.id(),
                bastion.networkSecurityGroupId().known().orElseThrow()));
    }

    @Test
    void singularAndPluralFieldsMergeAndBothSetIsAProblem() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "n", "properties": {
                    "securityRules": [{"name": "r", "properties": {"priority": 4097, "direction": "Sideways",
                      "access": "Allow", "protocol": "Icmpv9", "sourceAddressPrefix": "10.0.0.0/8",
                      "SourceAddressPrefixes": ["192.168.0.0/16"], "sourcePortRange": "*",
                      "destinationAddressPrefix": "", "destinationAddressPrefixes": ["10.1.0.0/16"],
                      "destinationPortRange": "22"}}]}}]}""").model();
        SecurityRule r = rules(m.networkSecurityGroups().get(0)).get(0);
        assertEquals(Field.known(List.of("10.0.0.0/8", "192.168.0.0/16")), r.sourceAddressPrefixes());
        assertEquals(Field.known(List.of("10.1.0.0/16")), r.destinationAddressPrefixes());
        assertEquals(List.of("both sourceAddressPrefix and sourceAddressPrefixes are set; Azure accepts only one"),
                r.problems());
        // Out-of-range priorities stay as written for the rules to judge; bad enumerations are Invalid.
        assertEquals(Field.known(4097), r.priority());
        assertInstanceOf(Field.Invalid.class, r.direction());
        assertInstanceOf(Field.Invalid.class, r.protocol());
    }

    @Test
    void securityRulesAsOneExpression() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "parameters": {"osType": {"type": "string", "defaultValue": "Linux"}},
                  "variables": {
                    "linux": [{"name": "ssh", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                      "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                      "destinationAddressPrefix": "*", "destinationPortRange": "22"}}],
                    "windows": []},
                  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "n", "properties": {
                    "securityRules": "[if(equals(parameters('osType'), 'Linux'), variables('linux'), variables('windows'))]"}}]}""")
                .model();
        SecurityRule ssh = rules(m.networkSecurityGroups().get(0)).get(0);
        assertEquals(Field.known("ssh"), ssh.name());
        // The rule points at the variable that defines it.
        assertEquals("/variables/linux/0", ssh.location().jsonPointer());
    }

    @Test
    void unknownRuleListStaysUnknownWithReason() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "parameters": {"rules": {"type": "array"}},
                  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "n",
                    "properties": {"securityRules": "[parameters('rules')]"}}]}""").model();
        Field.Unknown<?> u = assertInstanceOf(Field.Unknown.class, m.networkSecurityGroups().get(0).securityRules());
        assertTrue(u.reason().contains("parameter 'rules' has no value"), u.reason());
        assertEquals("/parameters/rules", u.location().jsonPointer());
    }

    @Test
    void nestedDeploymentsInnerAndOuterScope() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "parameters": {"prefix": {"type": "string", "defaultValue": "prod"}},
                  "variables": {"outerName": "[concat(parameters('prefix'), '-outer')]"},
                  "resources": [
                    {"type": "Microsoft.Resources/deployments", "name": "inner", "resourceGroup": "net-rg",
                     "properties": {"expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
                       "parameters": {"name": {"value": "[concat(parameters('prefix'), '-inner')]"}},
                       "template": {"parameters": {"name": {"type": "string"}},
                         "variables": {"outerName": "shadowed"},
                         "resources": [{"type": "Microsoft.Network/networkSecurityGroups",
                           "name": "[parameters('name')]"}]}}},
                    {"type": "Microsoft.Resources/deployments", "name": "outer",
                     "properties": {"mode": "Incremental", "template": {
                       "resources": [{"type": "Microsoft.Network/networkSecurityGroups",
                         "name": "[variables('outerName')]"}]}}}]}""").model();
        assertEquals(List.of("prod-inner", "prod-outer"),
                m.networkSecurityGroups().stream().map(n -> n.name().known().orElseThrow()).toList());
        assertEquals("/subscriptions/{subscriptionId}/resourceGroups/net-rg/providers/Microsoft.Network/"
                + "networkSecurityGroups/prod-inner", m.networkSecurityGroups().get(0).id());
    }

    @Test
    void linkedTemplatesAreReportedAsGaps() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "resources": [{"type": "Microsoft.Resources/deployments", "name": "linked",
                    "properties": {"templateLink": {"uri": "https://example.org/nsg.json"}}}]}""").model();
        assertEquals(1, m.gaps().size());
        assertTrue(m.gaps().get(0).reason().contains("'https://example.org/nsg.json'"), m.gaps().get(0).reason());
    }

    @Test
    void languageVersion2SymbolicResourcesAndExisting() throws IOException {
        NetworkModel m = load("{" + SCHEMA + """
                , "languageVersion": "2.0",
                  "resources": {
                    "vnet": {"existing": true, "type": "Microsoft.Network/virtualNetworks", "name": "shared-hub"},
                    "subnet": {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "shared-hub/workload",
                      "properties": {"addressPrefix": "10.0.4.0/24"}},
                    "nsg": {"type": "Microsoft.Network/networkSecurityGroups", "name": "workload-nsg"}}}""").model();
        assertEquals(1, m.networkSecurityGroups().size());
        VirtualNetwork placeholder = m.virtualNetworks().get(0);
        assertEquals(Deployment.Origin.REFERENCED, placeholder.deployment().origin());
        assertInstanceOf(Field.Unknown.class, placeholder.addressSpace());
        assertEquals(Field.known(List.of("10.0.4.0/24")), placeholder.subnets().get(0).addressPrefixes());
    }

    @Test
    void deploymentRequestShape() throws IOException {
        NetworkModel m = load("""
                {"properties": {"mode": "Incremental",
                  "parameters": {"nsgName": {"value": "from-request"}},
                  "template": {"parameters": {"nsgName": {"type": "string"}},
                    "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "[parameters('nsgName')]"}]}}}""")
                .model();
        assertEquals(Field.known("from-request"), m.networkSecurityGroups().get(0).name());
    }

    @Test
    void parametersFileBesideTheTemplateIsApplied() throws IOException {
        Files.writeString(dir.resolve("main.parameters.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "parameters": {"name": {"value": "from-file"}, "secret": {"reference": {"keyVault": {"id": "x"}}}}}""");
        Path t = dir.resolve("main.json");
        Files.writeString(t, "{" + SCHEMA + """
                , "parameters": {"name": {"type": "string"}, "secret": {"type": "string"}},
                  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "[parameters('name')]",
                    "properties": {"securityRules": [{"name": "r", "properties": {"priority": 100,
                      "direction": "Inbound", "access": "Allow", "protocol": "*", "sourceAddressPrefix": "[parameters('secret')]",
                      "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*"}}]}}]}""");
        LoadResult r = new ModelLoader().load(List.of(dir), null);
        assertEquals(List.of(ModelLoader.display(t)), r.loadedFiles());
        NetworkSecurityGroup nsg = r.model().networkSecurityGroups().get(0);
        assertEquals(Field.known("from-file"), nsg.name());
        Field.Unknown<?> u = assertInstanceOf(Field.Unknown.class, rules(nsg).get(0).sourceAddressPrefixes());
        assertTrue(u.reason().contains("Key Vault"), u.reason());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.level() == LoadDiagnostic.Level.NOTE
                && d.message().startsWith("parameters file")), r.diagnostics().toString());
    }

    @Test
    void liveExportsLoadIntoTheSameModel() throws IOException {
        Files.writeString(dir.resolve("nsg-show.json"), """
                {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/live-nsg",
                 "name": "live-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westeurope",
                 "securityRules": [{"name": "ssh", "priority": 200, "direction": "Inbound", "access": "Allow",
                   "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                   "destinationAddressPrefix": "*", "destinationPortRange": "22"}],
                 "defaultSecurityRules": []}""");
        Files.writeString(dir.resolve("resource-list.json"), """
                [{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/spoke",
                  "name": "spoke", "type": "Microsoft.Network/virtualNetworks",
                  "properties": {"addressSpace": {"addressPrefixes": ["10.2.0.0/16"]},
                    "subnets": [{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/spoke/subnets/vm",
                      "name": "vm", "properties": {"addressPrefix": "10.2.1.0/24",
                        "networkSecurityGroup": {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/LIVE-NSG"}}}]}}]""");
        Files.writeString(dir.resolve("graph.json"), """
                {"data": [{"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/bastionHosts/bas",
                  "name": "bas", "type": "microsoft.network/bastionhosts", "sku": {"name": "Standard"},
                  "properties": {"enableShareableLink": true}}]}""");
        NetworkModel m = new ModelLoader().load(List.of(dir), null).model();
        SecurityRule ssh = rules(m.networkSecurityGroups().get(0)).get(0);
        assertEquals(Field.known(List.of("22")), ssh.destinationPortRanges());
        assertEquals(Deployment.LIVE, m.networkSecurityGroups().get(0).deployment());
        Subnet vm = m.virtualNetworks().get(0).subnets().get(0);
        assertEquals(Field.known(List.of("10.2.1.0/24")), vm.addressPrefixes());
        assertEquals(Field.known("Standard"), m.bastionHosts().get(0).sku());
        assertEquals(Field.known(true), m.bastionHosts().get(0).features().enableShareableLink());
    }

    @Test
    void azureCliVnetShowFlattensPropertiesAndStillLoads() throws IOException {
        Files.writeString(dir.resolve("vnet-show.json"), """
                {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                 "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub",
                 "name": "hub", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
                 "dhcpOptions": {"dnsServers": ["10.0.5.4"]},
                 "subnets": [{"addressPrefix": "10.0.1.0/26", "name": "AzureBastionSubnet",
                   "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet",
                   "networkSecurityGroup": {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/bas-nsg",
                     "resourceGroup": "r"}}],
                 "virtualNetworkPeerings": [{"name": "hub-to-spoke", "allowVirtualNetworkAccess": false,
                   "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub/virtualNetworkPeerings/hub-to-spoke",
                   "peeringState": "Connected",
                   "remoteVirtualNetwork": {"id": "/subscriptions/s/resourceGroups/r2/providers/Microsoft.Network/virtualNetworks/spoke"}}]}""");
        VirtualNetwork hub = new ModelLoader().load(List.of(dir), null).model().virtualNetworks().get(0);
        assertEquals(Field.known(List.of("10.0.5.4")), hub.dnsServers());
        assertEquals(Field.known("westeurope"), hub.region());
        Subnet bastion = hub.subnets().get(0);
        assertEquals(Field.known(List.of("10.0.1.0/26")), bastion.addressPrefixes());
        assertTrue(bastion.networkSecurityGroupId().known().orElseThrow().endsWith("/bas-nsg"));
        assertEquals(Field.known(false), hub.peerings().get(0).allowVirtualNetworkAccess());
        assertEquals(Deployment.LIVE, hub.peerings().get(0).deployment());
    }

    @Test
    void nonTemplateJsonIsSkippedWithANoteAndBadJsonIsAnErrorWhileOthersLoad() throws IOException {
        Files.writeString(dir.resolve("a-package.json"), "{\"name\": \"web\", \"version\": \"1.0.0\"}");
        Files.writeString(dir.resolve("b-broken.json"), "{" + SCHEMA + ", \"resources\": [");
        Files.writeString(dir.resolve("c-good.json"), "{" + SCHEMA + """
                , "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "ok"}]}""");
        LoadResult r = new ModelLoader().load(List.of(dir), null);
        assertEquals(1, r.model().networkSecurityGroups().size());
        assertTrue(r.hasErrors());
        List<String> shown = r.diagnostics().stream().map(LoadDiagnostic::display).toList();
        assertTrue(shown.stream().anyMatch(s -> s.matches(".*a-package.json:1:1: note: skipped: not an ARM template.*")),
                shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.matches(".*b-broken.json:1:\\d+: error: Unexpected end-of-input.*")),
                shown.toString());
    }

    @Test
    void aParametersFilePairedWithATemplateWinsOverTheConventionAndTheOthersKeepTheirs() throws IOException {
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "parameters": {"source": {"type": "string"}},
                 "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "%s", "location": "x",
                   "properties": {"securityRules": [{"name": "r", "properties": {"priority": 100,
                     "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                     "sourceAddressPrefix": "[parameters('source')]", "sourcePortRange": "*",
                     "destinationAddressPrefix": "*", "destinationPortRange": "22"}}]}}]}
                """;
        Path a = Files.writeString(dir.resolve("a.json"), template.formatted("nsg-a"));
        Path b = Files.writeString(dir.resolve("b.json"), template.formatted("nsg-b"));
        String params = "{\"parameters\": {\"source\": {\"value\": \"%s\"}}}";
        Files.writeString(dir.resolve("a.parameters.json"), params.formatted("10.0.0.0/8"));
        Files.writeString(dir.resolve("b.parameters.json"), params.formatted("192.168.0.0/16"));
        Path prod = Files.writeString(dir.resolve("a.prod.json"), params.formatted("Internet"));
        LoadResult r = new ModelLoader().load(List.of(a, b), null, java.util.Map.of(a.toAbsolutePath(), prod),
                LoadProgress.NONE);
        java.util.Map<String, String> sources = new java.util.TreeMap<>();
        for (NetworkSecurityGroup nsg : r.model().networkSecurityGroups()) {
            SecurityRule rule = nsg.securityRules().known().orElseThrow().get(0);
            sources.put(nsg.name().known().orElseThrow(), rule.sourceAddressPrefixes().known().orElseThrow()
                    .toString());
        }
        assertEquals(java.util.Map.of("nsg-a", "[Internet]", "nsg-b", "[192.168.0.0/16]"), sources);
    }
}
