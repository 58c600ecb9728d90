package io.github.nsglint.core.load.arm;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.model.Deployment;
import io.github.nsglint.core.model.SourceLocation;

/**
 * One resource as Azure would deploy it: one iteration of a copy loop, a child resource with its full type
 * and name, a resource of a nested deployment, or one object of a live export. Its properties are evaluated.
 *
 * @param type       full resource type ({@code Microsoft.Network/virtualNetworks/subnets})
 * @param name       full name ({@code hub/AzureBastionSubnet}); a {@code JString} or a {@code JUnknown}
 * @param id         resource ID; when the name is unknown it holds a placeholder and never matches a reference
 * @param scope      for an extension resource, the ID of the resource it extends; else empty
 * @param properties the evaluated {@code properties} (an object, Unknown, or null when absent)
 * @param sku        the evaluated {@code sku}, or null when absent
 * @param region     the evaluated {@code location} (the Azure region), or null when absent
 * @param metadata   the evaluated resource {@code metadata} (where inline suppressions live), or null when absent
 */
public record ResourceInstance(
        String type,
        JNode name,
        String id,
        String scope,
        JNode properties,
        JNode sku,
        JNode region,
        JNode metadata,
        Deployment deployment,
        SourceLocation location) {

    public ResourceInstance {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(id, "id is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(properties, "properties is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(region, "region is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** The same resource under another ID: an earlier copy of a resource defined twice, kept so it is judged. */
    public ResourceInstance withId(String otherId) {
        return new ResourceInstance(type, name, otherId, scope, properties, sku, region, metadata, deployment, location);
    }
}
