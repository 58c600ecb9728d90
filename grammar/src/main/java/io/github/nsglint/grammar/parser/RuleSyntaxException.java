package io.github.nsglint.grammar.parser;

import static java.util.Objects.requireNonNull;

/** A rule file that does not parse; {@link #getMessage()} is {@code file:line:column: message}. */
public final class RuleSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String errorMessage;

    public RuleSyntaxException(String sourceName, int line, int column, String errorMessage) {
        super(String.format("%s:%d:%d: %s", requireNonNull(sourceName, "sourceName is null"), line, column,
                requireNonNull(errorMessage, "errorMessage is null")));
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1");
        }
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.errorMessage = errorMessage;
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
