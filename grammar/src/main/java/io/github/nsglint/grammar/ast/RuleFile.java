package io.github.nsglint.grammar.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One parsed {@code .nsgl} file. */
public record RuleFile(SourcePos pos, String sourceName, List<RuleDecl> rules) implements Node {

    public RuleFile {
        requireNonNull(pos, "pos is null");
        requireNonNull(sourceName, "sourceName is null");
        rules = List.copyOf(rules);
    }
}
