package io.github.nsglint.grammar.parser;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Turns the first lexer or parser error into a {@link RuleSyntaxException} with a 1-based position. */
final class SyntaxErrorListener extends BaseErrorListener {

    private final String sourceName;

    SyntaxErrorListener(String sourceName) {
        this.sourceName = sourceName;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        throw new RuleSyntaxException(sourceName, Math.max(1, line), charPositionInLine + 1, msg);
    }
}
