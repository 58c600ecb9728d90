package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NSG and rule counts of named corpus templates, checked by hand against the files: NSG name, then its
 * number of rules, with the parameters files beside them applied.
 */
class NamedCorpusTemplatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // top-level NSG, Microsoft's reference Bastion rule set
            "quickstarts/microsoft.network/azure-bastion-nsg | GEN-UNIQUE-8-nsg=10",
            // resource copy loops over variable arrays: 2 NVA NSGs of 1 rule, 3 VM NSGs of 5
            "demos/load-balancer-gateway | nva1-nsg=1,nva2-nsg=1,vmapp1-nsg=5,vmapp2-nsg=5,vmclient1-nsg=5",
            // NSGs only inside a nested deployment (inner scope); older Bastion rule set of 7
            "demos/private-aks-cluster | AzureBastionSubnetNsg=7,VmSubnetNsg=1",
            "quickstarts/microsoft.network/aks-application-gateway-ingress-controller | VmSubnetNsg=1,aks-5lv33ccnkl5ggBastionNsg=10",
            // nested deployment with an inner languageVersion 2.0 template, conditional Bastion NSG
            "quickstarts/microsoft.machinelearningservices/aifoundry-networking-aoao | gen-unique-4-bastion-subnet-nsg-gen-unique-4=10,gen-unique-4-vm-subnet-nsg-gen-unique-4=2",
            // securityRules is one 5 KB createObject(...)[format(...)] expression; RDP by default
            "application-workloads/azure-gamedev/gamedev-vm | gamedevvm-nsg=1",
            // rules passed through three nested deployments as an if(...) expression; 'No' rule by default
            "application-workloads/sharepoint/sharepoint-adfs | nsg-subnet-main=0",
    })
    void countsNsgsAndRules(String folder, String expected) {
        LoadResult r = new ModelLoader().load(List.of(Corpus.quickstarts().resolve(folder).resolve("azuredeploy.json")),
                null);
        assertEquals(expected, counts(r.model().networkSecurityGroups()));
    }

    @Test
    void ruleSuppliedThroughNestedDeploymentsIsEvaluatedExactly(@TempDir Path tmp) throws Exception {
        Path params = tmp.resolve("rdp.parameters.json");
        Files.writeString(params, """
                {"parameters": {"rdpTrafficRule": {"value": "Internet"}}}""");
        LoadResult r = new ModelLoader().load(List.of(Corpus.quickstarts()
                .resolve("application-workloads/sharepoint/sharepoint-adfs/azuredeploy.json")), params);
        assertEquals("nsg-subnet-main=1", counts(r.model().networkSecurityGroups()));
        SecurityRule rule = r.model().networkSecurityGroups().get(0).securityRules().known().orElseThrow().get(0);
        assertEquals(Field.known("nsg-rule-allow-rdp"), rule.name());
        assertEquals(Field.known(List.of("Internet")), rule.sourceAddressPrefixes());
        assertEquals(Field.known(List.of("3389")), rule.destinationPortRanges());
        assertEquals(Field.known(Protocol.TCP), rule.protocol());
        assertEquals(Field.known(Direction.INBOUND), rule.direction());
        assertEquals(Field.known(110), rule.priority());
    }

    @Test
    void copyLoopElementsPointAtTheirLoopDeclaration() {
        LoadResult r = new ModelLoader().load(List.of(Corpus.quickstarts()
                .resolve("demos/load-balancer-gateway/azuredeploy.json")), null);
        NetworkSecurityGroup vmapp2 = r.model().networkSecurityGroups().stream()
                .filter(n -> n.name().equals(Field.known("vmapp2-nsg"))).findFirst().orElseThrow();
        NetworkSecurityGroup vmapp1 = r.model().networkSecurityGroups().stream()
                .filter(n -> n.name().equals(Field.known("vmapp1-nsg"))).findFirst().orElseThrow();
        // Both instances come from the same declaration of the copy loop.
        assertEquals(vmapp1.location(), vmapp2.location());
        SecurityRule allow = vmapp2.securityRules().known().orElseThrow().get(1);
        assertEquals(Field.known("Allow-8081"), allow.name());
        assertEquals(Field.known(List.of("8081")), allow.destinationPortRanges());
    }

    private static String counts(List<NetworkSecurityGroup> nsgs) {
        Map<String, String> byName = new TreeMap<>();
        for (NetworkSecurityGroup n : nsgs) {
            byName.put(n.name().known().orElse("?"), n.securityRules() instanceof Field.Known<List<SecurityRule>> k
                    ? String.valueOf(k.value().size()) : n.securityRules().toString());
        }
        StringBuilder sb = new StringBuilder();
        byName.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
