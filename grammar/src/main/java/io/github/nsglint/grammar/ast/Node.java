package io.github.nsglint.grammar.ast;

/** A node of the rule-language AST; every node knows where it is in the source. */
public sealed interface Node permits RuleFile, RuleDecl, MetadataEntry, MetadataValue, Clause, Assertion, AddressSpec,
        PortSpec, Expr {

    SourcePos pos();
}
