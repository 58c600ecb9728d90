package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An expression over the model. */
public sealed interface Expr extends Node permits Expr.Not, Expr.Logical, Expr.Comparison, Expr.In, Expr.Matches,
        Expr.Field, Expr.Exists, Expr.Call, Expr.Name, Expr.Text, Expr.Integer, Expr.Bool, Expr.Items {

    /** {@code and}, {@code or}. */
    enum LogicalOp {
        AND,
        OR
    }

    /** {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
    enum CompareOp {
        EQ("=="),
        NEQ("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Not(SourcePos pos, Expr operand) implements Expr {
        public Not {
            requireNonNull(pos, "pos is null");
            requireNonNull(operand, "operand is null");
        }
    }

    record Logical(SourcePos pos, LogicalOp op, Expr left, Expr right) implements Expr {
        public Logical {
            requireNonNull(pos, "pos is null");
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Comparison(SourcePos pos, CompareOp op, Expr left, Expr right) implements Expr {
        public Comparison {
            requireNonNull(pos, "pos is null");
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** {@code value in collection}. */
    record In(SourcePos pos, Expr value, Expr collection) implements Expr {
        public In {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
            requireNonNull(collection, "collection is null");
        }
    }

    /** {@code value matches "regex"}. */
    record Matches(SourcePos pos, Expr value, String pattern) implements Expr {
        public Matches {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code base.field}. */
    record Field(SourcePos pos, Expr base, String field) implements Expr {
        public Field {
            requireNonNull(pos, "pos is null");
            requireNonNull(base, "base is null");
            requireNonNull(field, "field is null");
        }
    }

    /** {@code exists value}: the value is set (not absent). */
    record Exists(SourcePos pos, Expr operand) implements Expr {
        public Exists {
            requireNonNull(pos, "pos is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /** {@code name(args)}: a built-in function. */
    record Call(SourcePos pos, String name, List<Expr> args) implements Expr {
        public Call {
            requireNonNull(pos, "pos is null");
            requireNonNull(name, "name is null");
            args = List.copyOf(args);
        }
    }

    /** A variable, or in an address, a service tag. */
    record Name(SourcePos pos, String name) implements Expr {
        public Name {
            requireNonNull(pos, "pos is null");
            requireNonNull(name, "name is null");
        }
    }

    record Text(SourcePos pos, String value) implements Expr {
        public Text {
            requireNonNull(pos, "pos is null");
            requireNonNull(value, "value is null");
        }
    }

    record Integer(SourcePos pos, long value) implements Expr {
        public Integer {
            requireNonNull(pos, "pos is null");
        }
    }

    record Bool(SourcePos pos, boolean value) implements Expr {
        public Bool {
            requireNonNull(pos, "pos is null");
        }
    }

    /** {@code [a, b]}. */
    record Items(SourcePos pos, List<Expr> items) implements Expr {
        public Items {
            requireNonNull(pos, "pos is null");
            items = List.copyOf(items);
        }
    }
}
