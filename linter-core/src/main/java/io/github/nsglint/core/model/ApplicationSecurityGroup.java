package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/** An application security group: a named set of NICs that rules can use as source or destination. */
public record ApplicationSecurityGroup(String id, Field<String> name, Deployment deployment, SourceLocation location)
        implements ModelElement {

    public ApplicationSecurityGroup {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
