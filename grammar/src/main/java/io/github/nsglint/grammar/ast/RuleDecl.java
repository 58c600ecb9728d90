package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** {@code rule ID { key: value; ... }}. */
public record RuleDecl(SourcePos pos, String id, List<MetadataEntry> metadata) implements Node {

    public RuleDecl {
        requireNonNull(pos, "pos is null");
        requireNonNull(id, "id is null");
        metadata = List.copyOf(metadata);
    }

    /** The entry named {@code key}, if present. */
    public Optional<MetadataEntry> entry(String key) {
        return metadata.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
