package io.github.nsglint.grammar.parser;

import io.github.nsglint.grammar.antlr.PolicyRulesLexer;
import io.github.nsglint.grammar.antlr.PolicyRulesParser;
import io.github.nsglint.grammar.ast.RuleFile;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/** Parses rule-language source into the AST. The only entry point to the grammar module. */
public final class RuleParser {

    private RuleParser() {
    }

    /** Parses {@code source}; {@code sourceName} names it in error messages. */
    public static RuleFile parse(String source, String sourceName) {
        SyntaxErrorListener errors = new SyntaxErrorListener(sourceName);
        PolicyRulesLexer lexer = new PolicyRulesLexer(CharStreams.fromString(source, sourceName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        PolicyRulesParser parser = new PolicyRulesParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new DefaultErrorStrategy() {
            @Override
            public Token recoverInline(Parser recognizer) {
                // No token insertion: a missing brace is an error, not a repair.
                throw new InputMismatchException(recognizer);
            }
        });
        try {
            return (RuleFile) new AstBuilder(sourceName).visit(parser.standaloneRuleFile());
        } catch (StackOverflowError e) {
            throw new RuleSyntaxException(sourceName, 1, 1, "rule is too large");
        }
    }
}
