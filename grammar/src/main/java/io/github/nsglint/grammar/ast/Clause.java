package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What a rule iterates over ({@code for}), and what it expects ({@code expect}). */
public sealed interface Clause extends Node permits Clause.For, Clause.Expect {

    /**
     * {@code for KIND VAR [in SOURCE] [where CONDITION]}: iterate over the model's elements of a kind, or over a
     * collection. {@code sourceOrNull} and {@code conditionOrNull} are null when not written.
     */
    record For(SourcePos pos, String kind, String variable, Expr sourceOrNull, Expr conditionOrNull) implements Clause {
        public For {
            requireNonNull(pos, "pos is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(variable, "variable is null");
        }

        public Optional<Expr> source() {
            return Optional.ofNullable(sourceOrNull);
        }

        public Optional<Expr> condition() {
            return Optional.ofNullable(conditionOrNull);
        }
    }

    /**
     * {@code expect ASSERTION [when GUARD] [else "message"]}: the expectation is checked only where
     * {@code guardOrNull} holds (always when it is null); {@code messageOrNull} overrides the rule's message for
     * this expectation; {@code messagePos} is where it is written (the assertion's position when there is none).
     */
    record Expect(SourcePos pos, Assertion assertion, Expr guardOrNull, String messageOrNull, SourcePos messagePos)
            implements Clause {
        public Expect {
            requireNonNull(pos, "pos is null");
            requireNonNull(assertion, "assertion is null");
            requireNonNull(messagePos, "messagePos is null");
        }

        public Optional<Expr> guard() {
            return Optional.ofNullable(guardOrNull);
        }

        public Optional<String> message() {
            return Optional.ofNullable(messageOrNull);
        }
    }
}
