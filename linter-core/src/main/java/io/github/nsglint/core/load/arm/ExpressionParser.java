package io.github.nsglint.core.load.arm;

import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses ARM template expressions: function calls, {@code 'string'} literals with {@code ''} escapes, integers,
 * property access ({@code .name}) and indexing ({@code [expr]}), by recursive descent. Hand-written because
 * the language is tiny and this is the hottest path of loading.
 */
final class ExpressionParser {

    /** Far deeper than any real template nests calls; bounds recursion on hostile input. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private final SourceLocation location;
    private int pos;
    private int depth;

    private ExpressionParser(String text, SourceLocation location) {
        this.text = text;
        this.location = location;
    }

    /** True when {@code value} is an expression: starts with {@code [} (not {@code [[}) and ends with {@code ]}. */
    static boolean isExpression(String value) {
        int n = value.length();
        return n >= 2 && value.charAt(0) == '[' && value.charAt(1) != '[' && value.charAt(n - 1) == ']';
    }

    /** Parses the whole string value {@code [ ... ]}; literals in it take {@code location}. */
    static Expr parse(String value, SourceLocation location) {
        ExpressionParser p = new ExpressionParser(value.substring(1, value.length() - 1), location);
        p.skipSpaces();
        Expr e = p.expression();
        p.skipSpaces();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected '" + p.text.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw error("expression is nested deeper than " + MAX_DEPTH + " levels");
        }
        Expr e = primary();
        while (true) {
            skipSpaces();
            if (peek('.')) {
                pos++;
                skipSpaces();
                e = new Expr.Member(e, identifier());
            } else if (peek('[')) {
                pos++;
                skipSpaces();
                Expr index = expression();
                skipSpaces();
                expect(']');
                e = new Expr.Index(e, index);
            } else {
                depth--;
                return e;
            }
        }
    }

    private Expr primary() {
        if (pos >= text.length()) {
            throw error("expression ends early");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Expr.Literal(new JString(stringLiteral(), location));
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Expr.Literal(number());
        }
        if (isIdentifierStart(c)) {
            String name = identifier();
            skipSpaces();
            if (peek('.') && isUserFunctionCall()) {
                pos++;
                name = name + "." + identifier();
                skipSpaces();
            }
            if (!peek('(')) {
                return keyword(name);
            }
            pos++;
            List<Expr> args = new ArrayList<>();
            skipSpaces();
            if (!peek(')')) {
                while (true) {
                    skipSpaces();
                    args.add(expression());
                    skipSpaces();
                    if (peek(',')) {
                        pos++;
                        continue;
                    }
                    break;
                }
            }
            expect(')');
            return new Expr.Call(name.toLowerCase(Locale.ROOT), args);
        }
        throw error("unexpected '" + c + "'");
    }

    /** {@code ns.fn(} is a call of a user-defined function, not a property access. */
    private boolean isUserFunctionCall() {
        int p = pos + 1;
        if (p >= text.length() || !isIdentifierStart(text.charAt(p))) {
            return false;
        }
        while (p < text.length() && isIdentifierPart(text.charAt(p))) {
            p++;
        }
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        return p < text.length() && text.charAt(p) == '(';
    }

    private Expr keyword(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "true" -> new Expr.Literal(new JBool(true, location));
            case "false" -> new Expr.Literal(new JBool(false, location));
            case "null" -> new Expr.Literal(new JNull(location));
            default -> throw error("'" + name + "' is not a function call (expected '(')");
        };
    }

    private String stringLiteral() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string literal");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private JNumber number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        try {
            return new JNumber(new java.math.BigDecimal(digits), location);
        } catch (NumberFormatException e) {
            throw error("malformed number '" + digits + "'");
        }
    }

    private String identifier() {
        int start = pos;
        if (pos >= text.length() || !isIdentifierStart(text.charAt(pos))) {
            throw error("expected a name");
        }
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error(pos >= text.length() ? "expected '" + c + "' but the expression ends"
                    : "expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private ArmEvaluationException error(String message) {
        return new ArmEvaluationException("syntax error in expression at character " + (pos + 2) + ": " + message);
    }
}
