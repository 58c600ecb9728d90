package io.github.nsglint.grammar.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Collects every lexer and parser error with a 1-based position and a message in the language's own words. */
final class SyntaxErrorListener extends BaseErrorListener {

    private final String sourceName;
    private final List<RuleError> errors = new ArrayList<>();

    SyntaxErrorListener(String sourceName) {
        this.sourceName = sourceName;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        String message = msg;
        if (offendingSymbol instanceof Token t && t.getType() == Token.EOF) {
            message = msg.replace("<EOF>", "the end of the file");
        }
        if (message.startsWith("missing ") && message.contains(" at ")) {
            int at = message.lastIndexOf(" at ");
            message = "expected " + message.substring("missing ".length(), at) + " before " + message.substring(at + 4);
        }
        errors.add(new RuleError(sourceName, Math.max(1, line), charPositionInLine + 1, message
                .replace("extraneous input", "unexpected")
                .replace("mismatched input", "unexpected")
                .replace("no viable alternative at input", "cannot read")));
    }

    List<RuleError> errors() {
        return errors;
    }
}
