package io.github.nsglint.core.load;

import static java.util.Objects.requireNonNull;

/**
 * A file the linter cannot read as JSON: malformed, too deep, too large, unreadable. {@link #getMessage()}
 * is {@code file:line:column: message}, the form editors and CI logs link to.
 */
public final class TemplateLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String errorMessage;

    public TemplateLoadException(String file, int line, int column, String errorMessage, Throwable cause) {
        super(requireNonNull(file, "file is null") + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": "
                + requireNonNull(errorMessage, "errorMessage is null"), cause);
        this.file = file;
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.errorMessage = errorMessage;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String errorMessage() {
        return errorMessage;
    }
}
