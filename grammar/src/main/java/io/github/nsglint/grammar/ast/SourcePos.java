package io.github.nsglint.grammar.ast;

/** A 1-based line and column in a rule file. */
public record SourcePos(int line, int column) {

    public SourcePos {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be >= 1: " + line + ":" + column);
        }
    }
}
