package io.github.nsglint.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.OperatingSystem;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualMachine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Microsoft's SKU table as nsglint applies it: which ports a Bastion connects on, by SKU, OS and custom ports. */
class BastionSkusTest {

    private static final SourceLocation AT = SourceLocation.caret("t.json", 1, 1);

    private static BastionHost bastion(Field<String> sku) {
        Field<Boolean> off = Field.absent();
        return new BastionHost("/b", Field.known("b"), sku, Field.known("/s/subnets/AzureBastionSubnet"), Field.absent(),
                Field.absent(), new BastionHost.Features(off, off, off, off, off, off, off, off, Field.absent()),
                Deployment.DECLARED, AT);
    }

    private static BastionEndpoint endpoint(Field<String> sku, Field<OperatingSystem> os, List<Integer> custom) {
        Subnet s = new Subnet("/s/subnets/w", "/s", Field.known("w"), Field.known(List.of("10.1.1.0/24")), Field.absent(),
                Field.absent(), Field.known(List.of()), Deployment.DECLARED, AT);
        NetworkInterface nic = new NetworkInterface("/nic", Field.known("nic"), NetworkInterface.Kind.NETWORK_INTERFACE,
                Field.absent(), List.of(), Field.absent(), Deployment.DECLARED, AT);
        VirtualMachine vm = os == null ? null : new VirtualMachine("/vm", Field.known("vm"),
                VirtualMachine.Kind.VIRTUAL_MACHINE, os, "test", Field.known(List.of("/nic")), Deployment.DECLARED, AT);
        return new BastionEndpoint(bastion(sku), s, nic, vm, custom, custom.isEmpty() ? null : AT);
    }

    private static Field<OperatingSystem> os(String name) {
        return switch (name) {
            case "Windows" -> Field.known(OperatingSystem.WINDOWS);
            case "Linux" -> Field.known(OperatingSystem.LINUX);
            case "unstated" -> Field.absent();
            default -> Field.unknown("parameter 'os' has no value", AT);
        };
    }

    private static Field<String> sku(String name) {
        return switch (name) {
            case "default" -> Field.absent();
            case "unknown" -> Field.unknown("parameter 'sku' has no value", AT);
            default -> Field.known(name);
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // SKU    | OS       | custom | worlds (any port of a world serves; several worlds: it depends)
        "Basic    | Windows  | ''     | [[3389]]",
        "Basic    | Linux    | ''     | [[22]]",
        "default  | Linux    | ''     | [[22]]",
        "Developer| Windows  | ''     | [[3389]]",
        "Basic    | unstated | ''     | [[22, 3389]]",
        "Standard | Windows  | ''     | [[3389, 22]]",
        "Premium  | Linux    | ''     | [[22, 3389]]",
        "Standard | unknown  | ''     | [[22, 3389]]",
        "Basic    | unknown  | ''     | [[3389], [22]]",
        "Standard | Linux    | 2222   | [[2222]]",
        "Basic    | Linux    | 2222   | [[22]]",
        "unknown  | Windows  | ''     | [[3389], [3389, 22]]",
        "unknown  | Linux    | 2222   | [[22], [2222]]",
    })
    void connectPortsFollowTheSkuTable(String sku, String os, String custom, String worlds) {
        List<Integer> ports = custom.isEmpty() ? List.of() : List.of(Integer.parseInt(custom));
        PortNeed need = BastionSkus.connectPorts(endpoint(sku(sku), os(os), ports));
        assertEquals(worlds, need.worlds().toString());
        assertEquals(need.worlds().size() == 1, need.reason() == null);
        if (!need.isCertain()) {
            assertTrue(need.reason().contains("has no value"), need.reason());
        }
    }

    @Test
    void aNicWithoutAVmNeedsSshOrRdp() {
        assertEquals("[[22, 3389]]", BastionSkus.connectPorts(endpoint(Field.known("Basic"), null, List.of()))
                .worlds().toString());
    }

    @Test
    void egressIs22And3389UnlessStandardOrPremiumConnectsOnCustomPorts() {
        assertEquals("[[22, 3389]]", BastionSkus.egressPorts(bastion(Field.known("Basic")), List.of(
                endpoint(Field.known("Basic"), os("Windows"), List.of()))).worlds().toString());
        assertEquals("[[2222]]", BastionSkus.egressPorts(bastion(Field.known("Standard")), List.of(
                endpoint(Field.known("Standard"), os("Linux"), List.of(2222)))).worlds().toString());
        assertEquals("[[2222, 22, 3389]]", BastionSkus.egressPorts(bastion(Field.known("Premium")), List.of(
                endpoint(Field.known("Premium"), os("Linux"), List.of(2222)),
                endpoint(Field.known("Premium"), os("Windows"), List.of()))).worlds().toString());
        assertEquals("[[22, 3389]]", BastionSkus.egressPorts(bastion(Field.known("Basic")), List.of(
                endpoint(Field.known("Basic"), os("Linux"), List.of(2222)))).worlds().toString());
        assertEquals(List.of(22, 2222, 3389), BastionSkus.managementPorts(List.of(
                endpoint(Field.known("Basic"), os("Linux"), List.of(2222)))));
    }
}
