package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * Where something came from: a file, a start and end position (1-based lines and columns) and the JSON
 * pointer of the node. Findings, model elements and Unknown values all carry one, so every report can
 * point at the exact spot in the user's template.
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn, PointerPath pointer) {

    /** A location for values that do not come from any file (defaults of the platform, built-ins). */
    public static final SourceLocation BUILT_IN = new SourceLocation("<built-in>", 1, 1, 1, 1, PointerPath.ROOT);

    public SourceLocation {
        requireNonNull(file, "file is null");
        requireNonNull(pointer, "pointer is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1: " + line + ":" + column);
        }
        if (endLine < line || (endLine == line && endColumn < column)) {
            endLine = line;
            endColumn = column;
        }
    }

    public SourceLocation(String file, int line, int column, int endLine, int endColumn, String jsonPointer) {
        this(file, line, column, endLine, endColumn, PointerPath.of(jsonPointer));
    }

    /** A location that is a single point. */
    public static SourceLocation caret(String file, int line, int column) {
        return new SourceLocation(file, line, column, line, column, PointerPath.ROOT);
    }

    /** The JSON pointer (RFC 6901) of the node, {@code ""} for the whole document. */
    public String jsonPointer() {
        return pointer.toString();
    }

    /** {@code file:line:column}, the form editors and CI logs recognise. */
    public String display() {
        return file + ":" + line + ":" + column;
    }

    // equals and hashCode are written out, with the record's meaning (every component): the generated ones are
    // linked through invokedynamic on first use, which cost a cold run ~5 ms (ObjectMethods bootstrap, profiled).
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation l && line == l.line && column == l.column && endLine == l.endLine
                && endColumn == l.endColumn && file.equals(l.file) && pointer.equals(l.pointer);
    }

    @Override
    public int hashCode() {
        int h = file.hashCode();
        h = 31 * h + line;
        h = 31 * h + column;
        h = 31 * h + endLine;
        h = 31 * h + endColumn;
        return 31 * h + pointer.hashCode();
    }

    @Override
    public String toString() {
        String p = jsonPointer();
        return display() + (p.isEmpty() ? "" : " (" + p + ")");
    }
}
