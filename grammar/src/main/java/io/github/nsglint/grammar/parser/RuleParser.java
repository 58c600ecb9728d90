package io.github.nsglint.grammar.parser;

import io.github.nsglint.grammar.antlr.PolicyRulesLexer;
import io.github.nsglint.grammar.antlr.PolicyRulesParser;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.ast.SourcePos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Parses rule-language source into the AST. The only entry point to the grammar module. */
public final class RuleParser {

    private RuleParser() {
    }

    /** A parser whose lexer and parser report every error to {@code errors} instead of the console. */
    private static PolicyRulesParser parser(String text, String sourceName, SyntaxErrorListener errors) {
        PolicyRulesLexer lexer = new PolicyRulesLexer(CharStreams.fromString(text, sourceName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        PolicyRulesParser parser = new PolicyRulesParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser;
    }

    /**
     * The two-stage strategy of ANTLR's documentation: SLL prediction with bail-out is much cheaper (above all in
     * a cold JVM, where it decides a single-file run's start-up) and right for every valid file; on any error the
     * caller parses again with full LL and error recovery, which finds and reports every error. Null on error.
     */
    private static PolicyRulesParser.StandaloneRuleFileContext fastParse(String source, String sourceName) {
        PolicyRulesLexer lexer = new PolicyRulesLexer(CharStreams.fromString(source, sourceName));
        lexer.removeErrorListeners();
        SyntaxErrorListener lexErrors = new SyntaxErrorListener(sourceName);
        lexer.addErrorListener(lexErrors);
        PolicyRulesParser parser = new PolicyRulesParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            PolicyRulesParser.StandaloneRuleFileContext tree = parser.standaloneRuleFile();
            return lexErrors.errors().isEmpty() ? tree : null;
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    /**
     * Parses one expression, such as a {@code {placeholder}} of a message template; positions are relative to
     * {@code at} (the expression's first character in its file).
     */
    public static Expr parseExpression(String text, String sourceName, SourcePos at) {
        SyntaxErrorListener errors = new SyntaxErrorListener(sourceName);
        PolicyRulesParser.StandaloneExpressionContext tree = parser(text, sourceName, errors).standaloneExpression();
        if (!errors.errors().isEmpty()) {
            RuleError first = errors.errors().get(0);
            throw new RuleSyntaxException(sourceName, at.line(), at.column() + first.column() - 1, first.message());
        }
        checkDepth(tree, sourceName, at);
        return (Expr) new AstBuilder(sourceName, at).visit(tree.expression());
    }

    /**
     * How deeply expressions may nest. Every later stage (AST builder, compiler, interpreter) recurses over
     * expressions, so this bound is what keeps a 10,000-term chain from overflowing the stack: 1,000 levels
     * already took the interpreter near its limit on a default thread stack.
     */
    static final int MAX_EXPRESSION_DEPTH = 500;

    /** Rejects expressions nested deeper than {@link #MAX_EXPRESSION_DEPTH}; walks without recursion. */
    private static void checkDepth(ParserRuleContext tree, String sourceName, SourcePos at) {
        Deque<ParserRuleContext> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(tree);
        depths.push(0);
        while (!nodes.isEmpty()) {
            ParserRuleContext node = nodes.pop();
            int depth = depths.pop();
            if (node instanceof PolicyRulesParser.ExpressionContext
                    || node instanceof PolicyRulesParser.ValueExpressionContext) {
                depth++;
                if (depth > MAX_EXPRESSION_DEPTH) {
                    int line = node.getStart().getLine();
                    int column = node.getStart().getCharPositionInLine() + 1;
                    if (at != null) {
                        column = line == 1 ? at.column() + column - 1 : column;
                        line = at.line() + line - 1;
                    }
                    throw new RuleSyntaxException(sourceName, line, column, "expression nested more than "
                            + MAX_EXPRESSION_DEPTH + " levels deep (" + "a chain of that many 'and'/'or' terms, or"
                            + " brackets): split it into several expectations");
                }
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                if (node.getChild(i) instanceof ParserRuleContext child) {
                    nodes.push(child);
                    depths.push(depth);
                }
            }
        }
    }

    /**
     * Parses {@code source}; {@code sourceName} names it in error messages. A file with syntax errors throws one
     * {@link RuleSyntaxException} naming all of them: the parser recovers after each to find the next.
     */
    public static RuleFile parse(String source, String sourceName) {
        SyntaxErrorListener errors = new SyntaxErrorListener(sourceName);
        PolicyRulesParser.StandaloneRuleFileContext tree;
        try {
            tree = fastParse(source, sourceName);
            if (tree == null) {
                tree = parser(source, sourceName, errors).standaloneRuleFile();
            }
        } catch (StackOverflowError e) {
            throw new RuleSyntaxException(sourceName, 1, 1, "rule is too large (nested too deeply)");
        }
        if (!errors.errors().isEmpty()) {
            List<RuleError> sorted = new ArrayList<>(errors.errors());
            sorted.sort(Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
            throw new RuleSyntaxException(sorted);
        }
        checkDepth(tree, sourceName, null);
        try {
            return (RuleFile) new AstBuilder(sourceName).visit(tree);
        } catch (StackOverflowError e) {
            throw new RuleSyntaxException(sourceName, 1, 1, "rule is too large (nested too deeply)");
        }
    }
}
