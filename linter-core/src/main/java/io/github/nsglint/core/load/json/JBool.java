package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/** A JSON boolean. */
public record JBool(boolean value, SourceLocation location) implements JNode {

    public JBool {
        requireNonNull(location, "location is null");
    }

    @Override
    public String typeName() {
        return "Boolean";
    }
}
