package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of templates is judged network by network: files that refer to each other's resources are one
 * network; files that only share names are separate deployments, and each is judged on its own.
 */
class SeparateNetworksTest {

    private static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": [";

    @TempDir
    Path dir;

    private static String nsg(String name, String source) {
        return "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\": \""
                + name + "\", \"location\": \"uksouth\", \"properties\": {\"securityRules\": [{\"name\": \"ssh\","
                + " \"properties\": {\"priority\": 100, \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\":"
                + " \"Tcp\", \"sourceAddressPrefix\": \"" + source + "\", \"sourcePortRange\": \"*\","
                + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"22\"}}]}}";
    }

    private static String vnet(String name, String prefix, String subnets) {
        return "{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2023-09-01\", \"name\": \"" + name
                + "\", \"location\": \"uksouth\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\""
                + prefix + "\"]}, \"subnets\": [" + subnets + "]}}";
    }

    private static String peering(String from, String to) {
        return "{\"type\": \"Microsoft.Network/virtualNetworks/virtualNetworkPeerings\", \"apiVersion\":"
                + " \"2023-09-01\", \"name\": \"" + from + "/" + from + "-to-" + to + "\", \"properties\":"
                + " {\"allowVirtualNetworkAccess\": true, \"remoteVirtualNetwork\": {\"id\":"
                + " \"[resourceId('Microsoft.Network/virtualNetworks', '" + to + "')]\"}}}";
    }

    /** A Bastion in the hub's AzureBastionSubnet, and a NIC in the spoke's workload subnet. */
    private static final String BASTION = ipConfigured("bastionHosts", "bastion", "hub", "AzureBastionSubnet");
    private static final String NIC = ipConfigured("networkInterfaces", "nic", "spoke", "workload");

    private static String ipConfigured(String type, String name, String vnet, String subnet) {
        return "{\"type\": \"Microsoft.Network/" + type + "\", \"apiVersion\": \"2023-09-01\", \"name\": \"" + name
                + "\", \"location\": \"uksouth\", \"properties\": {\"ipConfigurations\": [{\"name\": \"ip\","
                + " \"properties\": {\"subnet\": {\"id\": \"[resourceId('Microsoft.Network/virtualNetworks/subnets', '"
                + vnet + "', '" + subnet + "')]\"}}}]}}";
    }

    private Report lintFolder() {
        return Linter.run(LintRequest.of(List.of(dir)), RuleCatalog.load(List.of(), "current"));
    }

    private static long count(Report r, String rule, String fileSuffix) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule) && f.kind() == Finding.Kind.VIOLATED
                && f.location().file().endsWith(fileSuffix)).count();
    }

    @Test
    void unrelatedTemplatesThatShareNamesAreEachJudged() throws Exception {
        Files.writeString(dir.resolve("a.json"), HEAD + nsg("default-NSG", "Internet") + "]}");
        Files.writeString(dir.resolve("b.json"), HEAD + nsg("default-NSG", "10.0.0.0/8") + "]}");
        Report r = lintFolder();
        // Merged into one model, b's declaration used to replace a's, and a's open SSH went unchecked.
        assertEquals(1, count(r, "NSG001", "a.json"), r.findings().toString());
        assertEquals(0, count(r, "NSG001", "b.json"));
        assertEquals(2, r.model().networkSecurityGroups().size(), "the report lists both");
    }

    @Test
    void aHubAndASpokeInTwoFilesAreOneNetwork() throws Exception {
        Files.writeString(dir.resolve("hub.json"), HEAD + vnet("hub", "10.0.0.0/16",
                "{\"name\": \"AzureBastionSubnet\", \"properties\": {\"addressPrefix\": \"10.0.1.0/26\"}}") + ", "
                + BASTION + ", " + peering("hub", "spoke") + "]}");
        Files.writeString(dir.resolve("spoke.json"), HEAD + nsg("spoke-nsg", "VirtualNetwork") + ", "
                + vnet("spoke", "10.1.0.0/16", "{\"name\": \"workload\", \"properties\": {\"addressPrefix\":"
                        + " \"10.1.1.0/24\", \"networkSecurityGroup\": {\"id\":"
                        + " \"[resourceId('Microsoft.Network/networkSecurityGroups', 'spoke-nsg')]\"}}}") + ", "
                + NIC + ", " + peering("spoke", "hub") + "]}");
        Report r = lintFolder();
        // SPK002 needs the Bastion (hub.json) and the spoke's NSG (spoke.json) in one network.
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("SPK002")
                && f.resourceId().endsWith("/virtualNetworks/spoke/subnets/workload")), r.findings().toString());
    }

    @Test
    void theCorpusAsOneFolderFindsWhatItsTemplatesFindOneByOne() throws Exception {
        RuleCatalog catalog = RuleCatalog.load(List.of(), "current");
        Report folder = Linter.run(LintRequest.of(List.of(io.github.nsglint.core.load.Corpus.quickstarts())), catalog);
        java.util.List<String> together = folder.findings().stream().map(SeparateNetworksTest::key).sorted().toList();
        java.util.List<String> alone = new java.util.ArrayList<>();
        for (Path t : io.github.nsglint.core.load.Corpus.templates()) {
            Linter.run(LintRequest.of(List.of(t)), catalog).findings().forEach(f -> alone.add(key(f)));
        }
        alone.sort(null);
        assertEquals(alone.size(), together.size());
        assertEquals(alone, together, "unrelated templates that share resource names must not hide each other");
    }

    private static String key(Finding f) {
        return f.rule().id() + " " + f.kind() + " " + f.location().display() + " " + f.message();
    }

    @Test
    void aBigEstateIsJudgedNetworkByNetworkWithTheSameFindings() throws Exception {
        RuleCatalog catalog = RuleCatalog.load(List.of(), "current");
        LintRequest corpus = LintRequest.of(List.of(io.github.nsglint.core.load.Corpus.quickstarts()));
        Report whole = Linter.run(corpus, catalog);
        Report streamed = streamed(() -> Linter.run(corpus, catalog));
        assertEquals(whole.findings().stream().map(SeparateNetworksTest::key).toList(),
                streamed.findings().stream().map(SeparateNetworksTest::key).toList());
        assertEquals(whole.evaluations(), streamed.evaluations());
        assertEquals(0, streamed.model().networkSecurityGroups().size(), "no model is kept");
        assertTrue(streamed.diagnostics().stream().anyMatch(d -> d.message().contains(
                "networks in more than 0 MiB of input were judged one at a time")), "and the report says so");
        List<String> wholeErrors = whole.diagnostics().stream().filter(d -> d.level() != io.github.nsglint.core.load
                .LoadDiagnostic.Level.NOTE).map(io.github.nsglint.core.load.LoadDiagnostic::display).sorted().toList();
        List<String> streamedErrors = streamed.diagnostics().stream().filter(d -> d.level() != io.github.nsglint.core
                .load.LoadDiagnostic.Level.NOTE).map(io.github.nsglint.core.load.LoadDiagnostic::display).sorted()
                .toList();
        assertEquals(wholeErrors, streamedErrors, "the same warnings and errors");
    }

    /** A run as a big estate runs, whatever the size of its input: networks built one at a time. */
    private static Report streamed(java.util.function.Supplier<Report> run) {
        String before = System.getProperty("nsglint.streamAboveBytes");
        System.setProperty("nsglint.streamAboveBytes", "0");
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty("nsglint.streamAboveBytes");
            } else {
                System.setProperty("nsglint.streamAboveBytes", before);
            }
        }
    }

    @Test
    void aTemplateJudgedAloneAsItIsReadIsJudgedAgainWithTheFileThatRefersToIt() throws Exception {
        // hub.json refers to nothing outside itself, so a big estate judges it as soon as it is read; spoke.json
        // then joins it (its peerings name the hub's VNet), and only the network of both may be reported.
        Files.writeString(dir.resolve("a-hub.json"), HEAD + vnet("hub", "10.0.0.0/16",
                "{\"name\": \"AzureBastionSubnet\", \"properties\": {\"addressPrefix\": \"10.0.1.0/26\"}}") + ", "
                + BASTION + "]}");
        Files.writeString(dir.resolve("b-spoke.json"), HEAD + nsg("spoke-nsg", "VirtualNetwork") + ", "
                + vnet("spoke", "10.1.0.0/16", "{\"name\": \"workload\", \"properties\": {\"addressPrefix\":"
                        + " \"10.1.1.0/24\", \"networkSecurityGroup\": {\"id\":"
                        + " \"[resourceId('Microsoft.Network/networkSecurityGroups', 'spoke-nsg')]\"}}}") + ", "
                + NIC + ", " + peering("spoke", "hub") + ", " + peering("hub", "spoke") + "]}");
        Report whole = lintFolder();
        Report streamed = streamed(this::lintFolder);
        assertTrue(streamed.findings().stream().anyMatch(f -> f.rule().id().equals("SPK002")
                && f.resourceId().endsWith("/virtualNetworks/spoke/subnets/workload")), streamed.findings().toString());
        assertEquals(whole.findings().stream().map(SeparateNetworksTest::key).toList(),
                streamed.findings().stream().map(SeparateNetworksTest::key).toList());
        assertEquals(whole.evaluations(), streamed.evaluations());
    }
}
