package io.github.nsglint.core.load.arm;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.load.json.JNode;
import java.util.List;

/** An ARM template language expression, parsed from the text between {@code [} and {@code ]}. */
sealed interface Expr permits Expr.Literal, Expr.Call, Expr.Member, Expr.Index {

    /** A string or integer literal ({@code 'text'}, {@code 42}) or {@code true}/{@code false}/{@code null}. */
    record Literal(JNode value) implements Expr {
        public Literal {
            requireNonNull(value, "value is null");
        }
    }

    /**
     * A function call; {@code name} is lower-cased (ARM function names are case-insensitive) and includes the
     * namespace of a user-defined function ({@code contoso.uniquename}).
     */
    record Call(String name, List<Expr> args) implements Expr {
        public Call {
            requireNonNull(name, "name is null");
            args = List.copyOf(args);
        }
    }

    /** Property access: {@code target.name}. */
    record Member(Expr target, String name) implements Expr {
        public Member {
            requireNonNull(target, "target is null");
            requireNonNull(name, "name is null");
        }
    }

    /** Index access: {@code target[index]} with an integer (arrays) or a string (objects). */
    record Index(Expr target, Expr index) implements Expr {
        public Index {
            requireNonNull(target, "target is null");
            requireNonNull(index, "index is null");
        }
    }
}
