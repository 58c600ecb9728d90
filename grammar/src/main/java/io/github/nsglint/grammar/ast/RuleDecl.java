package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** {@code rule ID { metadata... clauses... }}. */
public record RuleDecl(SourcePos pos, String id, List<MetadataEntry> metadata, List<Clause> clauses) implements Node {

    public RuleDecl {
        requireNonNull(pos, "pos is null");
        requireNonNull(id, "id is null");
        metadata = List.copyOf(metadata);
        clauses = List.copyOf(clauses);
    }

    /** The entry named {@code key}, if present. */
    public Optional<MetadataEntry> entry(String key) {
        return metadata.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
