package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

/** An address in a flow assertion: {@code *}, or an expression (a tag name, a CIDR string, a subnet, ...). */
public sealed interface AddressSpec extends Node permits AddressSpec.Any, AddressSpec.Of {

    record Any(SourcePos pos) implements AddressSpec {
        public Any {
            requireNonNull(pos, "pos is null");
        }
    }

    record Of(SourcePos pos, Expr value) implements AddressSpec {
        public Of {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
        }
    }
}
