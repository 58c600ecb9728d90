package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * Something the model knows it is missing, beyond a single Unknown field: resources a copy loop makes
 * when its count is unknown, a linked template that is not followed, a reference to a resource outside
 * the scanned files. Rules whose verdict could depend on a gap report it (ANA001) instead of passing.
 *
 * @param resourceType the ARM type the gap concerns (e.g. {@code Microsoft.Network/networkSecurityGroups}), or empty
 */
public record ModelGap(String resourceType, String reason, SourceLocation location) {

    public ModelGap {
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(location, "location is null");
    }

    // equals and hashCode are written out, with the record's meaning (every component): the generated ones are
    // linked through invokedynamic on first use, which cost a cold run ~4 ms (ObjectMethods bootstrap, profiled).
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelGap g && resourceType.equals(g.resourceType) && reason.equals(g.reason)
                && location.equals(g.location);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(resourceType, reason, location);
    }
}
