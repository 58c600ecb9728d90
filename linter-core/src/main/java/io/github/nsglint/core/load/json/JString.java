package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/** A JSON string. In a template it may be an ARM expression ({@code [ ... ]}) until evaluated. */
public record JString(String value, SourceLocation location) implements JNode {

    public JString {
        requireNonNull(value, "value is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public String typeName() {
        return "String";
    }
}
