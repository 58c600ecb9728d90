package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A virtual machine or a scale set (flexible or uniform), and the NICs it connects through.
 *
 * @param os                  Windows or Linux when the template says; Unknown when what says it is an unknown value
 *                            (a parameter without a value); Absent when nothing says it (no OS setting, an image
 *                            nsglint's table does not know, a disk attached from elsewhere): never guessed
 * @param osBasis             what the OS was read from, or why it is not known, for messages and {@code nsglint show}
 * @param networkInterfaceIds the NICs of a VM ({@code networkProfile.networkInterfaces}, or the NICs made from its
 *                            {@code networkInterfaceConfigurations}), or a scale set's NIC configurations
 */
public record VirtualMachine(
        String id,
        Field<String> name,
        Kind kind,
        Field<OperatingSystem> os,
        String osBasis,
        Field<List<String>> networkInterfaceIds,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public VirtualMachine {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(os, "os is null");
        requireNonNull(osBasis, "osBasis is null");
        requireNonNull(networkInterfaceIds, "networkInterfaceIds is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** What kind of compute resource it is. */
    public enum Kind {
        VIRTUAL_MACHINE,
        SCALE_SET
    }
}
