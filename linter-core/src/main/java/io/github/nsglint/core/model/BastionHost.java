package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * An Azure Bastion host.
 *
 * @param sku              Basic, Standard, Premium or Developer; Absent means Basic (Azure's default)
 * @param subnetId         the subnet of its first IP configuration (AzureBastionSubnet); Absent for Developer
 * @param virtualNetworkId {@code properties.virtualNetwork.id}, set for the Developer SKU instead of a subnet
 */
public record BastionHost(
        String id,
        Field<String> name,
        Field<String> sku,
        Field<String> subnetId,
        Field<String> publicIpAddressId,
        Field<String> virtualNetworkId,
        Features features,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public BastionHost {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(subnetId, "subnetId is null");
        requireNonNull(publicIpAddressId, "publicIpAddressId is null");
        requireNonNull(virtualNetworkId, "virtualNetworkId is null");
        requireNonNull(features, "features is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** The SKU-dependent switches of {@code properties}; Absent means off (scale units: 2). */
    public record Features(
            Field<Boolean> enableTunneling,
            Field<Boolean> enableIpConnect,
            Field<Boolean> enableShareableLink,
            Field<Boolean> disableCopyPaste,
            Field<Boolean> enableFileCopy,
            Field<Boolean> enableKerberos,
            Field<Boolean> enableSessionRecording,
            Field<Boolean> enablePrivateOnlyBastion,
            Field<Integer> scaleUnits) {

        public Features {
            requireNonNull(enableTunneling, "enableTunneling is null");
            requireNonNull(enableIpConnect, "enableIpConnect is null");
            requireNonNull(enableShareableLink, "enableShareableLink is null");
            requireNonNull(disableCopyPaste, "disableCopyPaste is null");
            requireNonNull(enableFileCopy, "enableFileCopy is null");
            requireNonNull(enableKerberos, "enableKerberos is null");
            requireNonNull(enableSessionRecording, "enableSessionRecording is null");
            requireNonNull(enablePrivateOnlyBastion, "enablePrivateOnlyBastion is null");
            requireNonNull(scaleUnits, "scaleUnits is null");
        }
    }
}
