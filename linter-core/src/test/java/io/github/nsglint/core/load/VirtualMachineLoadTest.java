package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.CustomPorts;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.OperatingSystem;
import io.github.nsglint.core.model.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VMs and scale sets in the model: the NICs they connect through, and their OS read from what the template says
 * (osDisk.osType, then osProfile, then a known marketplace image), never guessed; custom Bastion ports declared in
 * metadata, each bad value an error at its place.
 */
class VirtualMachineLoadTest {

    private static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"parameters\": {\"os\": {\"type\":"
            + " \"string\"}, \"image\": {\"type\": \"object\"}}, \"resources\": [";
    private static final String NIC = "{\"type\": \"Microsoft.Network/networkInterfaces\", \"apiVersion\":"
            + " \"2023-09-01\", \"name\": \"nic1\", \"properties\": {\"ipConfigurations\": [{\"name\": \"c\","
            + " \"properties\": {\"subnet\": {\"id\": \"/s/subnets/a\"}}}]}}";

    @TempDir
    Path dir;

    private String text;

    private LoadResult load(String resources) throws IOException {
        text = HEAD + resources + "]}";
        Path f = Files.writeString(dir.resolve("t.json"), text);
        return new ModelLoader().load(List.of(f), null);
    }

    private static String vm(String properties) {
        return "{\"type\": \"Microsoft.Compute/virtualMachines\", \"apiVersion\": \"2023-09-01\", \"name\": \"vm1\","
                + " \"properties\": {\"networkProfile\": {\"networkInterfaces\": [{\"id\": \"[resourceId("
                + "'Microsoft.Network/networkInterfaces', 'nic1')]\"}]}" + (properties.isEmpty() ? "" : ", ")
                + properties + "}}";
    }

    private VirtualMachine onlyVm(String properties) throws IOException {
        LoadResult r = load(NIC + ", " + vm(properties));
        assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.level() != LoadDiagnostic.Level.NOTE).toList());
        assertEquals(1, r.model().virtualMachines().size());
        return r.model().virtualMachines().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"storageProfile\": {\"osDisk\": {\"osType\": \"Windows\", \"createOption\": \"Attach\"}}           | Windows | storageProfile.osDisk.osType",
        "\"osProfile\": {\"computerName\": \"a\", \"linuxConfiguration\": {}}                                  | Linux   | osProfile.linuxConfiguration",
        "\"osProfile\": {\"computerName\": \"a\", \"windowsConfiguration\": {\"provisionVMAgent\": true}}     | Windows | osProfile.windowsConfiguration",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"Canonical\", \"offer\": \"ubuntu-24_04-lts\"}} | Linux | image Canonical/ubuntu-24_04-lts",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"MicrosoftWindowsDesktop\", \"offer\": \"windows-11\"}} | Windows | image MicrosoftWindowsDesktop/windows-11",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"MicrosoftSQLServer\", \"offer\": \"sql2022-ws2022\"}} | Windows | image MicrosoftSQLServer/sql2022-ws2022",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"MicrosoftSQLServer\", \"offer\": \"sql2019-ubuntupro2004\"}} | Linux | image MicrosoftSQLServer/sql2019-ubuntupro2004",
        "\"storageProfile\": {\"osDisk\": {\"osType\": \"[parameters('os')]\"}}, \"osProfile\": {\"linuxConfiguration\": {}} | Linux | osProfile.linuxConfiguration",
    })
    void theOsIsReadFromWhatTheTemplateSays(String properties, String os, String basis) throws IOException {
        VirtualMachine vm = onlyVm(properties);
        assertEquals(Optional.of(os), vm.os().known().map(OperatingSystem::armName));
        assertEquals(basis, vm.osBasis());
        assertEquals(List.of("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/networkInterfaces/nic1"), vm.networkInterfaceIds().known().orElseThrow());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                                                                   | the template does not state the OS",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"contoso\", \"offer\": \"hardened\"}}     | image publisher 'contoso' (offer 'hardened') is not in nsglint's table of images",
        "\"storageProfile\": {\"imageReference\": {\"id\": \"/subscriptions/s/galleries/g/images/i\"}}       | a custom or gallery image: its OS is not in the template",
        "\"storageProfile\": {\"imageReference\": {\"publisher\": \"Oracle\", \"offer\": \"oracle-database\"}} | image publisher 'Oracle' (offer 'oracle-database') is not in nsglint's table of images",
    })
    void anOsTheTemplateDoesNotStateIsAbsentNeverGuessed(String properties, String basis) throws IOException {
        VirtualMachine vm = onlyVm(properties);
        assertInstanceOf(Field.Absent.class, vm.os());
        assertTrue(vm.osBasis().startsWith(basis), vm.osBasis());
    }

    @Test
    void anOsFromAParameterWithoutAValueIsUnknownWithTheReason() throws IOException {
        VirtualMachine disk = onlyVm("\"storageProfile\": {\"osDisk\": {\"osType\": \"[parameters('os')]\"}}");
        Field.Unknown<OperatingSystem> u = assertInstanceOf(Field.Unknown.class, disk.os());
        assertTrue(u.reason().startsWith("the OS is not known: storageProfile.osDisk.osType is not known: parameter"
                + " 'os' has no value"), u.reason());
        VirtualMachine image = onlyVm("\"storageProfile\": {\"imageReference\": \"[parameters('image')]\"}");
        assertInstanceOf(Field.Unknown.class, image.os());
        assertEquals("storageProfile.imageReference is not known", image.osBasis());
    }

    @Test
    void aVmsOwnNicConfigurationsAndAScaleSetsAreNicsOfTheirVm() throws IOException {
        String configs = "\"networkInterfaceConfigurations\": [{\"name\": \"cfg\", \"properties\": {\"primary\": true,"
                + " \"ipConfigurations\": [{\"name\": \"ip\", \"properties\": {\"subnet\": {\"id\": \"/s/subnets/a\"}}}]}}]";
        LoadResult r = load("{\"type\": \"Microsoft.Compute/virtualMachines\", \"apiVersion\": \"2023-09-01\", \"name\":"
                + " \"vm2\", \"properties\": {\"networkProfile\": {\"networkApiVersion\": \"2020-11-01\", " + configs
                + "}, \"osProfile\": {\"windowsConfiguration\": {}}}}, {\"type\":"
                + " \"Microsoft.Compute/virtualMachineScaleSets\", \"apiVersion\": \"2023-09-01\", \"name\": \"ss\","
                + " \"properties\": {\"orchestrationMode\": \"Flexible\", \"virtualMachineProfile\": {\"storageProfile\":"
                + " {\"imageReference\": {\"publisher\": \"RedHat\", \"offer\": \"RHEL\"}}, \"networkProfile\": {"
                + configs + "}}}}");
        List<VirtualMachine> vms = r.model().virtualMachines();
        assertEquals(2, vms.size());
        assertEquals(VirtualMachine.Kind.VIRTUAL_MACHINE, vms.get(0).kind());
        assertEquals(Optional.of(OperatingSystem.WINDOWS), vms.get(0).os().known());
        assertEquals(VirtualMachine.Kind.SCALE_SET, vms.get(1).kind());
        assertEquals(Optional.of(OperatingSystem.LINUX), vms.get(1).os().known());
        List<NetworkInterface> nics = r.model().networkInterfaces();
        assertEquals(List.of(NetworkInterface.Kind.VIRTUAL_MACHINE_NIC_CONFIGURATION,
                NetworkInterface.Kind.SCALE_SET_NIC_CONFIGURATION), nics.stream().map(NetworkInterface::kind).toList());
        assertEquals(List.of(nics.get(0).id()), vms.get(0).networkInterfaceIds().known().orElseThrow());
        assertEquals(List.of(nics.get(1).id()), vms.get(1).networkInterfaceIds().known().orElseThrow());
    }

    @Test
    void customPortsInMetadataAreReadAndABadValueIsAnErrorAtItsPlace() throws IOException {
        LoadResult good = load(NIC.replace("\"name\": \"nic1\",", "\"name\": \"nic1\", \"metadata\": {\"nsglint\":"
                + " {\"bastionPorts\": [2222, \"3390\", 2222]}},"));
        List<CustomPorts> ports = good.model().customPorts();
        assertEquals(1, ports.size());
        assertEquals(List.of(2222, 3390), ports.get(0).ports());
        assertEquals(List.of(), good.diagnostics().stream().filter(d -> d.level() != LoadDiagnostic.Level.NOTE).toList());

        LoadResult bad = load(NIC.replace("\"name\": \"nic1\",", "\"name\": \"nic1\", \"metadata\": {\"nsglint\":"
                + " {\"bastionPorts\": [22, 70000], \"sshPort\": 2222}},"));
        assertEquals(List.of(), bad.model().customPorts());
        List<String> messages = bad.diagnostics().stream().map(LoadDiagnostic::display).toList();
        int column = text.indexOf("70000") + 1;
        assertTrue(messages.stream().anyMatch(m -> m.endsWith(":1:" + column + ": error: metadata.nsglint.bastionPorts holds"
                + " ports 1-65535, not '70000'; no custom port is declared here")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("warning: metadata.nsglint has no key 'sshPort'; keys:"
                + " suppress, bastionPorts")), messages.toString());
    }
}
