package io.github.nsglint.grammar.parser;

import io.github.nsglint.grammar.antlr.PolicyRulesBaseVisitor;
import io.github.nsglint.grammar.antlr.PolicyRulesParser;
import io.github.nsglint.grammar.ast.MetadataEntry;
import io.github.nsglint.grammar.ast.MetadataValue;
import io.github.nsglint.grammar.ast.Node;
import io.github.nsglint.grammar.ast.RuleDecl;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.ast.SourcePos;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds the immutable AST from ANTLR's parse tree, one {@code visitX} per labelled alternative. */
final class AstBuilder extends PolicyRulesBaseVisitor<Node> {

    private final String sourceName;

    AstBuilder(String sourceName) {
        this.sourceName = sourceName;
    }

    @Override
    public Node visitStandaloneRuleFile(PolicyRulesParser.StandaloneRuleFileContext ctx) {
        return new RuleFile(pos(ctx.getStart()), sourceName, visit(ctx.ruleDecl(), RuleDecl.class));
    }

    @Override
    public Node visitRuleDeclaration(PolicyRulesParser.RuleDeclarationContext ctx) {
        return new RuleDecl(pos(ctx.getStart()), ctx.id.getText(), visit(ctx.entries, MetadataEntry.class));
    }

    @Override
    public Node visitEntry(PolicyRulesParser.EntryContext ctx) {
        return new MetadataEntry(pos(ctx.getStart()), ctx.key.getText(), (MetadataValue) visit(ctx.value));
    }

    @Override
    public Node visitStringLiteral(PolicyRulesParser.StringLiteralContext ctx) {
        String raw = ctx.getText();
        return new MetadataValue.Text(pos(ctx.getStart()), unescape(raw.substring(1, raw.length() - 1)));
    }

    @Override
    public Node visitIntegerLiteral(PolicyRulesParser.IntegerLiteralContext ctx) {
        try {
            return new MetadataValue.Number(pos(ctx.getStart()), Long.parseLong(ctx.getText()));
        } catch (NumberFormatException e) {
            throw syntaxError("integer out of range: " + ctx.getText(), ctx);
        }
    }

    @Override
    public Node visitIdentifierLiteral(PolicyRulesParser.IdentifierLiteralContext ctx) {
        return new MetadataValue.Name(pos(ctx.getStart()), ctx.getText());
    }

    private <T> List<T> visit(List<? extends ParserRuleContext> contexts, Class<T> type) {
        List<T> out = new ArrayList<>(contexts.size());
        for (ParserRuleContext c : contexts) {
            out.add(type.cast(visit(c)));
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** ANTLR columns are 0-based; converted here, once. */
    private static SourcePos pos(Token token) {
        return new SourcePos(Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
    }

    private RuleSyntaxException syntaxError(String message, ParserRuleContext ctx) {
        SourcePos p = pos(ctx.getStart());
        return new RuleSyntaxException(sourceName, p.line(), p.column(), message);
    }
}
