package io.github.nsglint.core.engine;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.report.RuleMetadata;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.Clause;
import io.github.nsglint.grammar.ast.Expr;
import java.util.List;
import java.util.Map;

/**
 * A compiled rule: its metadata, the scopes it iterates over, the assertions it checks, and its message template
 * split into text and checked placeholders. Every name and type in it has been checked against the schema.
 */
public final class Policy {

    private final RuleMetadata metadata;
    private final List<Clause.For> scopes;
    private final List<Check> checks;
    private final List<Object> message;
    private final Map<String, Type> variables;

    /**
     * One expectation, the condition under which it is checked ({@code when}; null: always) and its message (the
     * rule's own when the expectation has none).
     */
    record Check(Assertion assertion, Expr guardOrNull, List<Object> message) {
        Check {
            message = List.copyOf(message);
        }
    }

    Policy(RuleMetadata metadata, List<Clause.For> scopes, List<Check> checks, List<Object> message,
            Map<String, Type> variables) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.scopes = List.copyOf(scopes);
        this.checks = List.copyOf(checks);
        this.message = List.copyOf(message);
        this.variables = Map.copyOf(variables);
    }

    public RuleMetadata metadata() {
        return metadata;
    }

    /** The same rule reported at another severity (a project's configuration). */
    Policy withSeverity(Severity severity) {
        return new Policy(metadata.withSeverity(severity), scopes, checks, message, variables);
    }

    List<Clause.For> scopes() {
        return scopes;
    }

    List<Check> checks() {
        return checks;
    }

    /** Text ({@code String}) and placeholders ({@code Expr}, or {@link Special} for witness/deciding/...). */
    List<Object> message() {
        return message;
    }

    Map<String, Type> variables() {
        return variables;
    }

    /** A placeholder that is a fact of the finding, not an expression: {@code {witness}}, {@code {reason}}, ... */
    record Special(String name) {
    }

    /** The placeholders that are not expressions but facts of the finding. */
    static final List<String> SPECIAL_PLACEHOLDERS = List.of("witness", "deciding", "reason", "found", "item");

    static boolean isPlaceholderExpression(Object part) {
        return part instanceof Expr;
    }
}
