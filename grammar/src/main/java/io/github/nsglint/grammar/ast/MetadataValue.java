package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

/** A literal value in a rule header. */
public sealed interface MetadataValue extends Node
        permits MetadataValue.Text, MetadataValue.Number, MetadataValue.Name {

    /** A double-quoted string, unescaped. */
    record Text(SourcePos pos, String value) implements MetadataValue {
        public Text {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
        }
    }

    /** An integer. */
    record Number(SourcePos pos, long value) implements MetadataValue {
        public Number {
            requireNonNull(pos, "pos is null");
        }
    }

    /** A bare name such as {@code error}. */
    record Name(SourcePos pos, String value) implements MetadataValue {
        public Name {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
        }
    }
}
