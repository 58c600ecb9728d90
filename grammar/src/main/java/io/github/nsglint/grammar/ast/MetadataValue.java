package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A literal value in a rule header. */
public sealed interface MetadataValue extends Node
        permits MetadataValue.Text, MetadataValue.Number, MetadataValue.Name, MetadataValue.Items {

    /** A string, unescaped; {@code """text blocks"""} keep their lines, with common indentation removed. */
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

    /** {@code [a, b]}. */
    record Items(SourcePos pos, List<MetadataValue> items) implements MetadataValue {
        public Items {
            requireNonNull(pos, "pos is null");
            items = List.copyOf(items);
        }
    }
}
