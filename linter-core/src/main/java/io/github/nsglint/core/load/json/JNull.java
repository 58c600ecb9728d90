package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/** JSON null. */
public record JNull(SourceLocation location) implements JNode {

    public JNull {
        requireNonNull(location, "location is null");
    }

    @Override
    public String typeName() {
        return "Null";
    }
}
