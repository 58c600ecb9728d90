package io.github.nsglint.grammar.parser;

import io.github.nsglint.grammar.antlr.PolicyRulesBaseVisitor;
import io.github.nsglint.grammar.antlr.PolicyRulesParser;
import io.github.nsglint.grammar.ast.AddressSpec;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.Clause;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.MetadataEntry;
import io.github.nsglint.grammar.ast.MetadataValue;
import io.github.nsglint.grammar.ast.Node;
import io.github.nsglint.grammar.ast.PortSpec;
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
    /** Where the parsed text starts in its file: (1, 1) for a whole file, elsewhere for an embedded expression. */
    private final SourcePos origin;

    AstBuilder(String sourceName) {
        this(sourceName, new SourcePos(1, 1));
    }

    AstBuilder(String sourceName, SourcePos origin) {
        this.sourceName = sourceName;
        this.origin = origin;
    }

    @Override
    public Node visitStandaloneRuleFile(PolicyRulesParser.StandaloneRuleFileContext ctx) {
        return new RuleFile(pos(ctx.getStart()), sourceName, visit(ctx.ruleDecl(), RuleDecl.class));
    }

    @Override
    public Node visitRuleDeclaration(PolicyRulesParser.RuleDeclarationContext ctx) {
        return new RuleDecl(pos(ctx.getStart()), ctx.id.getText(), visit(ctx.entries, MetadataEntry.class),
                visit(ctx.clauses, Clause.class));
    }

    @Override
    public Node visitEntry(PolicyRulesParser.EntryContext ctx) {
        return new MetadataEntry(pos(ctx.getStart()), ctx.key.getText(), (MetadataValue) visit(ctx.value));
    }

    @Override
    public Node visitStringLiteral(PolicyRulesParser.StringLiteralContext ctx) {
        return new MetadataValue.Text(pos(ctx.getStart()), unquote(ctx.getText()));
    }

    @Override
    public Node visitTextBlockLiteral(PolicyRulesParser.TextBlockLiteralContext ctx) {
        String raw = ctx.getText();
        return new MetadataValue.Text(pos(ctx.getStart()), textBlock(raw.substring(3, raw.length() - 3)));
    }

    @Override
    public Node visitIntegerLiteral(PolicyRulesParser.IntegerLiteralContext ctx) {
        return new MetadataValue.Number(pos(ctx.getStart()), integer(ctx.getStart()));
    }

    @Override
    public Node visitIdentifierLiteral(PolicyRulesParser.IdentifierLiteralContext ctx) {
        return new MetadataValue.Name(pos(ctx.getStart()), ctx.getText());
    }

    @Override
    public Node visitListLiteral(PolicyRulesParser.ListLiteralContext ctx) {
        return new MetadataValue.Items(pos(ctx.getStart()), visit(ctx.items, MetadataValue.class));
    }

    @Override
    public Node visitForClause(PolicyRulesParser.ForClauseContext ctx) {
        return new Clause.For(pos(ctx.getStart()), ctx.kind.getText(), ctx.var.getText(),
                ctx.source == null ? null : (Expr) visit(ctx.source),
                ctx.condition == null ? null : (Expr) visit(ctx.condition));
    }

    @Override
    public Node visitExpectClause(PolicyRulesParser.ExpectClauseContext ctx) {
        String message = ctx.message == null ? null : unquote(ctx.message.getText());
        return new Clause.Expect(pos(ctx.getStart()), (Assertion) visit(ctx.assertion()),
                ctx.guard == null ? null : (Expr) visit(ctx.guard), message,
                ctx.message == null ? pos(ctx.getStart()) : pos(ctx.message));
    }

    @Override
    public Node visitFlowAssertion(PolicyRulesParser.FlowAssertionContext ctx) {
        Assertion.Verb verb = ctx.verb.getType() == PolicyRulesParser.ALLOWS ? Assertion.Verb.ALLOWS
                : Assertion.Verb.DENIES;
        Assertion.Way way = ctx.direction.getType() == PolicyRulesParser.INBOUND ? Assertion.Way.INBOUND
                : Assertion.Way.OUTBOUND;
        List<AddressSpec> peers = ctx.peers == null ? List.of() : addresses(ctx.peers);
        if (ctx.peer != null && (ctx.peer.getType() == PolicyRulesParser.FROM) != (way == Assertion.Way.INBOUND)) {
            throw error(ctx.peer, way == Assertion.Way.INBOUND ? "inbound flows come 'from' their peers, not 'to'"
                    : "outbound flows go 'to' their peers, not 'from'");
        }
        List<AddressSpec> only = ctx.only == null ? List.of() : addresses(ctx.only);
        if (ctx.explicitly != null && verb != Assertion.Verb.ALLOWS) {
            throw error(ctx.explicitly, "'explicitly' goes with 'allows': a rule must be present that allows the flows");
        }
        if (ctx.some != null && (verb != Assertion.Verb.ALLOWS || ctx.explicitly != null)) {
            throw error(ctx.some, "'some' goes with 'allows': flows from some of the peers are allowed");
        }
        Assertion.Breadth breadth = ctx.breadth == null ? Assertion.Breadth.ANY
                : ctx.breadth.getType() == PolicyRulesParser.WIDE ? Assertion.Breadth.WIDE : Assertion.Breadth.NARROW;
        if (ctx.breadth != null && (verb != Assertion.Verb.DENIES || !only.isEmpty())) {
            throw error(ctx.breadth, "'" + ctx.breadth.getText() + "' goes with 'denies': what is let through is"
                    + " a violation only when it is " + ctx.breadth.getText());
        }
        return new Assertion.Flow(pos(ctx.getStart()), (Expr) visit(ctx.target), verb, way,
                ctx.protocol.getText(), pos(ctx.protocol.getStart()), peers, visit(ctx.ports.items, PortSpec.class),
                only, ctx.explicitly != null, ctx.anyOf != null, ctx.some != null, breadth);
    }

    @Override
    public Node visitNoneAssertion(PolicyRulesParser.NoneAssertionContext ctx) {
        return new Assertion.None(pos(ctx.getStart()), (Expr) visit(ctx.items));
    }

    @Override
    public Node visitPropertyAssertion(PolicyRulesParser.PropertyAssertionContext ctx) {
        return new Assertion.Property(pos(ctx.getStart()), (Expr) visit(ctx.condition));
    }

    private List<AddressSpec> addresses(PolicyRulesParser.AddressListContext ctx) {
        return visit(ctx.items, AddressSpec.class);
    }

    @Override
    public Node visitAnyAddress(PolicyRulesParser.AnyAddressContext ctx) {
        return new AddressSpec.Any(pos(ctx.getStart()));
    }

    @Override
    public Node visitAddressExpression(PolicyRulesParser.AddressExpressionContext ctx) {
        return new AddressSpec.Of(pos(ctx.getStart()), (Expr) visit(ctx.value));
    }

    @Override
    public Node visitAnyPort(PolicyRulesParser.AnyPortContext ctx) {
        return new PortSpec.Any(pos(ctx.getStart()));
    }

    @Override
    public Node visitNumericPort(PolicyRulesParser.NumericPortContext ctx) {
        long low = integer(ctx.low);
        long high = ctx.high == null ? low : integer(ctx.high);
        if (low > 65535 || high > 65535 || low > high) {
            throw error(ctx.getStart(), "port range " + low + (low == high ? "" : "-" + high)
                    + " is not within 0-65535 in ascending order");
        }
        return new PortSpec.Range(pos(ctx.getStart()), (int) low, (int) high);
    }

    @Override
    public Node visitPortExpression(PolicyRulesParser.PortExpressionContext ctx) {
        return new PortSpec.Of(pos(ctx.getStart()), (Expr) visit(ctx.value));
    }

    @Override
    public Node visitLogicalNot(PolicyRulesParser.LogicalNotContext ctx) {
        return new Expr.Not(pos(ctx.getStart()), (Expr) visit(ctx.operand));
    }

    @Override
    public Node visitLogicalBinary(PolicyRulesParser.LogicalBinaryContext ctx) {
        return new Expr.Logical(pos(ctx.op), ctx.op.getType() == PolicyRulesParser.AND ? Expr.LogicalOp.AND
                : Expr.LogicalOp.OR, (Expr) visit(ctx.left), (Expr) visit(ctx.right));
    }

    @Override
    public Node visitPredicated(PolicyRulesParser.PredicatedContext ctx) {
        Expr operand = (Expr) visit(ctx.operand);
        PolicyRulesParser.PredicateContext p = ctx.predicate();
        if (p == null) {
            return operand;
        }
        if (p instanceof PolicyRulesParser.ComparisonContext c) {
            Expr.CompareOp op = switch (c.op.getType()) {
                case PolicyRulesParser.EQ -> Expr.CompareOp.EQ;
                case PolicyRulesParser.NEQ -> Expr.CompareOp.NEQ;
                case PolicyRulesParser.LT -> Expr.CompareOp.LT;
                case PolicyRulesParser.LE -> Expr.CompareOp.LE;
                case PolicyRulesParser.GT -> Expr.CompareOp.GT;
                case PolicyRulesParser.GE -> Expr.CompareOp.GE;
                default -> throw new IllegalArgumentException("unknown comparison " + c.op.getText());
            };
            return new Expr.Comparison(pos(c.op), op, operand, (Expr) visit(c.right));
        }
        if (p instanceof PolicyRulesParser.InListContext in) {
            return new Expr.In(pos(in.getStart()), operand, (Expr) visit(in.right));
        }
        PolicyRulesParser.MatchesContext m = (PolicyRulesParser.MatchesContext) p;
        String pattern = unquote(m.pattern.getText());
        try {
            // RE2 syntax: matching takes time linear in the text, so a rule cannot be made to backtrack for
            // minutes; backreferences and lookaround, which need backtracking, are refused here, at the pattern.
            com.google.re2j.Pattern.compile(pattern);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw error(m.pattern, "invalid regular expression (RE2 syntax, no backreferences or lookaround): "
                    + e.getDescription());
        }
        return new Expr.Matches(pos(m.getStart()), operand, pattern);
    }

    @Override
    public Node visitDereference(PolicyRulesParser.DereferenceContext ctx) {
        return new Expr.Field(pos(ctx.field), (Expr) visit(ctx.base), ctx.field.getText());
    }

    @Override
    public Node visitExists(PolicyRulesParser.ExistsContext ctx) {
        return new Expr.Exists(pos(ctx.getStart()), (Expr) visit(ctx.operand));
    }

    @Override
    public Node visitFunctionCall(PolicyRulesParser.FunctionCallContext ctx) {
        return new Expr.Call(pos(ctx.getStart()), ctx.name.getText(), visit(ctx.args, Expr.class));
    }

    @Override
    public Node visitIdentifier(PolicyRulesParser.IdentifierContext ctx) {
        return new Expr.Name(pos(ctx.getStart()), ctx.getText());
    }

    @Override
    public Node visitStringValue(PolicyRulesParser.StringValueContext ctx) {
        return new Expr.Text(pos(ctx.getStart()), unquote(ctx.getText()));
    }

    @Override
    public Node visitIntegerValue(PolicyRulesParser.IntegerValueContext ctx) {
        return new Expr.Integer(pos(ctx.getStart()), integer(ctx.getStart()));
    }

    @Override
    public Node visitBooleanValue(PolicyRulesParser.BooleanValueContext ctx) {
        return new Expr.Bool(pos(ctx.getStart()), ctx.getStart().getType() == PolicyRulesParser.TRUE);
    }

    @Override
    public Node visitListValue(PolicyRulesParser.ListValueContext ctx) {
        return new Expr.Items(pos(ctx.getStart()), visit(ctx.items, Expr.class));
    }

    @Override
    public Node visitParenthesized(PolicyRulesParser.ParenthesizedContext ctx) {
        return visit(ctx.inner);
    }

    private <T> List<T> visit(List<? extends ParserRuleContext> contexts, Class<T> type) {
        List<T> out = new ArrayList<>(contexts.size());
        for (ParserRuleContext c : contexts) {
            out.add(type.cast(visit(c)));
        }
        return out;
    }

    private long integer(Token t) {
        try {
            return Long.parseLong(t.getText());
        } catch (NumberFormatException e) {
            throw error(t, "integer out of range: " + t.getText());
        }
    }

    private static String unquote(String raw) {
        String s = raw.substring(1, raw.length() - 1);
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

    /** A text block's lines, without the first and last blank lines and without their common indentation. */
    private static String textBlock(String body) {
        return body.stripIndent().strip();
    }

    /** ANTLR columns are 0-based; converted here, once, and placed relative to where the text starts. */
    private SourcePos pos(Token token) {
        int line = Math.max(1, token.getLine());
        int column = token.getCharPositionInLine() + 1;
        return line == 1 ? new SourcePos(origin.line(), origin.column() + column - 1)
                : new SourcePos(origin.line() + line - 1, column);
    }

    private RuleSyntaxException error(Token t, String message) {
        SourcePos p = pos(t);
        return new RuleSyntaxException(sourceName, p.line(), p.column(), message);
    }
}
