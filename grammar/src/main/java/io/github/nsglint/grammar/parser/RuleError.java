package io.github.nsglint.grammar.parser;

import static java.util.Objects.requireNonNull;

/** One error in a rule file, at a 1-based line and column. */
public record RuleError(String sourceName, int line, int column, String message) {

    public RuleError {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(message, "message is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1: " + line + ":" + column);
        }
    }

    /** {@code file:line:column: message}. */
    public String display() {
        return sourceName + ":" + line + ":" + column + ": " + message;
    }

    /** {@link #display()}, then the source line and a caret under the column. */
    public String render(String source) {
        String[] lines = source.split("\r?\n", -1);
        if (line > lines.length) {
            return display();
        }
        String text = lines[line - 1];
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < text.length(); i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return display() + System.lineSeparator() + "    " + text + System.lineSeparator() + "    " + caret + "^";
    }
}
