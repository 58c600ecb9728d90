package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

/** {@code key: value} in a rule's header. */
public record MetadataEntry(SourcePos pos, String key, MetadataValue value) implements Node {

    public MetadataEntry {
        requireNonNull(pos, "pos is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }
}
