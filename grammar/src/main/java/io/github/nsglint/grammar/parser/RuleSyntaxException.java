package io.github.nsglint.grammar.parser;

import java.util.List;

/**
 * A rule file that does not parse. It carries every error found, in source order; {@link #getMessage()} is the
 * first as {@code file:line:column: message}, and {@link #render(String)} shows them all with source lines and
 * carets.
 */
public final class RuleSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    public RuleSyntaxException(List<RuleError> errors) {
        super(errors.isEmpty() ? "syntax error" : errors.get(0).display());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a syntax exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public RuleSyntaxException(String sourceName, int line, int column, String message) {
        this(List.of(new RuleError(sourceName, line, column, message)));
    }

    public List<RuleError> errors() {
        return errors;
    }

    public String sourceName() {
        return errors.get(0).sourceName();
    }

    public int line() {
        return errors.get(0).line();
    }

    public int column() {
        return errors.get(0).column();
    }

    /** The first error's message without its location. */
    public String getErrorMessage() {
        return errors.get(0).message();
    }

    /** Every error with its source line and caret. */
    public String render(String source) {
        StringBuilder sb = new StringBuilder();
        for (RuleError e : errors) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(e.render(source));
        }
        return sb.toString();
    }
}
