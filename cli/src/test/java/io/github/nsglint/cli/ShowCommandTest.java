package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void showsTheHubAndSpokeFixture() {
        CliRun r = run("show", ROOT.resolve("fixtures/hub-spoke-bastion").toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"AllowSshRdpFromBastion\""), r.out());
        assertTrue(r.out().contains("\"state\" : \"CONNECTED\""), r.out());
        assertTrue(r.out().contains("\"targets\" : [ \"/subscriptions/{subscriptionId}/resourceGroups/"
                + "{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/spoke-app-vnet/subnets/workload\""),
                r.out());
        assertTrue(r.out().contains("\"unknowns\" : [ ]"), r.out());
    }

    /** Above the streaming threshold (32 MiB; lowered here to one byte) show still prints every network. */
    @Test
    void aStreamedEstateIsShownWhole() {
        CliRun normal = run("show", ROOT.resolve("fixtures/hub-spoke-bastion").toString());
        String before = System.getProperty("nsglint.streamAboveBytes");
        System.setProperty("nsglint.streamAboveBytes", "1");
        try {
            CliRun streamed = run("show", ROOT.resolve("fixtures/hub-spoke-bastion").toString());
            assertEquals(ExitCode.OK.code(), streamed.code(), streamed.err());
            assertTrue(streamed.out().contains("\"name\" : \"AllowSshRdpFromBastion\""), streamed.out());
            assertEquals(normal.out().lines().filter(l -> l.contains("\"name\" :")).sorted().toList(),
                    streamed.out().lines().filter(l -> l.contains("\"name\" :")).sorted().toList());
        } finally {
            if (before == null) {
                System.clearProperty("nsglint.streamAboveBytes");
            } else {
                System.setProperty("nsglint.streamAboveBytes", before);
            }
        }
    }

    @Test
    void listsVmsWithTheirNicsAndOsAndEachBastionsEndpointsWithPorts() {
        CliRun windows = run("show", ROOT.resolve("fixtures/SPK001/pass-basic-windows-rdp.json").toString());
        assertEquals(ExitCode.OK.code(), windows.code(), windows.err());
        String out = windows.out();
        String vms = out.substring(out.indexOf("\"virtualMachines\""), out.indexOf("\"bastionHosts\""));
        assertTrue(vms.contains("\"name\" : \"app-vm\""), vms);
        assertTrue(vms.contains("\"os\" : \"Windows\""), vms);
        assertTrue(vms.contains("\"osBasis\" : \"osProfile.windowsConfiguration\""), vms);
        assertTrue(vms.contains("/providers/Microsoft.Network/networkInterfaces/app-vm-nic\" ]"), vms);
        assertTrue(out.contains("\"virtualMachine\" : \"/subscriptions/{subscriptionId}/resourceGroups/"
                + "{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/app-vm\""), out);
        // A Basic Bastion connects to a Windows VM on 3389.
        assertTrue(out.matches("(?s).*\"os\" : \"Windows\",\\s*\"osBasis\" : \"osProfile.windowsConfiguration\","
                + "\\s*\"ports\" : \\[ 3389 \\].*"), out);

        CliRun unknown = run("show", ROOT.resolve("fixtures/SPK001/fail-os-from-parameter.json").toString());
        assertEquals(ExitCode.OK.code(), unknown.code(), unknown.err());
        assertTrue(unknown.out().contains("\"unknown\" : \"the OS is not known: storageProfile.osDisk.osType is not"
                + " known: parameter 'osType' has no value"), unknown.out());
        // Of a VM whose OS is unknown: 3389 if it is Windows, 22 if Linux.
        assertTrue(unknown.out().matches("(?s).*\"ports\" : \\[ \\[ 3389 \\], \\[ 22 \\] \\],\\s*\"portsDependOn\" :"
                + " \"the OS is not known.*"), unknown.out());
    }

    @Test
    void listsEveryUnknownWithReasonAndLocation(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "parameters": {"adminSource": {"type": "string"}},
                 "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "n", "properties": {
                   "securityRules": [{"name": "ssh", "properties": {"priority": 100, "direction": "Inbound",
                     "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "[parameters('adminSource')]",
                     "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22"}}]}}]}""");
        CliRun r = run("show", t.toString());
        assertEquals(ExitCode.OK.code(), r.code());
        assertTrue(r.out().contains("\"field\" : \"securityRules[0].sourceAddressPrefixes\""), r.out());
        assertTrue(r.out().contains("parameter 'adminSource' has no value"), r.out());
        // The location is the cause: the parameter declaration that has no value.
        assertTrue(r.out().matches("(?s).*\"location\" : \"[^\"]*t.json:2:32\".*"), r.out());
    }

    @Test
    void malformedFileExitsTwoWithLocationAndTheOthersAreStillShown(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"resources\": [\n");
        Path good = dir.resolve("good.json");
        Files.writeString(good, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "still-here"}]}""");
        CliRun r = run("show", bad.toString(), good.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().matches("(?s).*bad.json:3:1: error: Unexpected end-of-input.*"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
        assertTrue(r.out().contains("still-here"), r.out());
    }

    @Test
    void missingFileIsBadInput() {
        CliRun r = run("show", "no/such/file.json");
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().contains("no/such/file.json:1:1: error: no such file or folder"), r.err());
    }

    @Test
    void usageErrorsAreExitCodeTwoAndHelpNamesTheExitCodes() {
        assertEquals(ExitCode.BAD_INPUT.code(), run("show").code());
        assertEquals(ExitCode.BAD_INPUT.code(), run("--no-such-option").code());
        CliRun help = run("--help");
        assertEquals(ExitCode.OK.code(), help.code());
        assertTrue(help.out().contains("2   bad input or usage"), help.out());
        assertTrue(run("--version").out().startsWith("nsglint "), run("--version").out());
    }
}
