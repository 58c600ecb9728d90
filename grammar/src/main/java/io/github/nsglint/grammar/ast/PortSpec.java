package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

/** Ports in a flow assertion: {@code *}, {@code 22}, {@code 8080-8090}, or an expression giving ports. */
public sealed interface PortSpec extends Node permits PortSpec.Any, PortSpec.Range, PortSpec.Of {

    record Any(SourcePos pos) implements PortSpec {
        public Any {
            requireNonNull(pos, "pos is null");
        }
    }

    record Range(SourcePos pos, int low, int high) implements PortSpec {
        public Range {
            requireNonNull(pos, "pos is null");
        }
    }

    record Of(SourcePos pos, Expr value) implements PortSpec {
        public Of {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
        }
    }
}
