package io.github.nsglint.core.load.json;

import java.util.function.UnaryOperator;

/**
 * The value of a required {@code string} parameter that has none: a module or nested template linted alone names
 * its NSG {@code parameters('nsgName')} and its subnet refers to {@code resourceId(..., parameters('nsgName'))};
 * both are the same resource whatever the value is. Such a value is carried through evaluation as a symbol written
 * inside a string, between two private-use characters, so {@code concat}, {@code format} and {@code resourceId} build
 * names and IDs that hold it and a reference finds the resource it names. A symbol is equal to itself and to
 * nothing else; anything that would read its text (a comparison, a substring, an address, a port, a count) is
 * Unknown, with the reason {@link #reason} gives.
 *
 * <p>Private-use characters never occur in an Azure name; one forged by an input only makes a value Unknown.
 */
public final class OpaqueSymbols {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private OpaqueSymbols() {
    }

    /** The symbol standing for parameter {@code parameter}'s value. */
    public static String of(String parameter) {
        return OPEN + parameter + CLOSE;
    }

    /** Whether {@code text} holds a symbol. */
    public static boolean in(String text) {
        return text.indexOf(OPEN) >= 0;
    }

    /** Whether any string inside {@code node} (keys too) holds a symbol. */
    public static boolean in(JNode node) {
        return first(node) != null;
    }

    /** The first string inside {@code node} that holds a symbol, or null. */
    public static JString first(JNode node) {
        if (node instanceof JString s) {
            return in(s.value()) ? s : null;
        }
        if (node instanceof JArray a) {
            for (JNode e : a.elements()) {
                JString found = first(e);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof JObject o) {
            for (var e : o.members().entrySet()) {
                if (in(e.getKey())) {
                    return new JString(e.getKey(), o.location());
                }
                JString found = first(e.getValue());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The name of the first parameter whose symbol {@code text} holds, or null. */
    public static String parameter(String text) {
        int open = text.indexOf(OPEN);
        if (open < 0) {
            return null;
        }
        int close = text.indexOf(CLOSE, open + 1);
        return close < 0 ? text.substring(open + 1) : text.substring(open + 1, close);
    }

    /** Why a value that holds a symbol cannot be read as anything but a name. */
    public static String reason(String text) {
        return "parameter '" + parameter(text) + "' has no value: it has no default and none is supplied"
                + " (give a parameters file or --parameters); nsglint follows it as a name only";
    }

    /** {@code text} with each symbol written as the expression it stands for: {@code [parameters('nsgName')]}. */
    public static String readable(String text) {
        return in(text) ? mapSymbols(text, p -> "[parameters('" + p + "')]") : text;
    }

    /**
     * The parameter named by the first symbol of a {@link #readable} text ({@code [parameters('x')]} gives
     * {@code x}), or null: model fields that keep symbols as names hold them in that form.
     */
    public static String readableParameter(String text) {
        int open = text.indexOf(READABLE_OPEN);
        int close = open < 0 ? -1 : text.indexOf("')]", open);
        return close < 0 ? null : text.substring(open + READABLE_OPEN.length(), close);
    }

    private static final String READABLE_OPEN = "[parameters('";

    /** {@code text} with {@code change} applied to everything but its symbols ({@code toLower} keeps names). */
    public static String mapOutside(String text, UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf(OPEN, from);
            int close = open < 0 ? -1 : text.indexOf(CLOSE, open + 1);
            if (close < 0) {
                out.append(change.apply(text.substring(from)));
                break;
            }
            out.append(change.apply(text.substring(from, open))).append(text, open, close + 1);
            from = close + 1;
        }
        return out.toString();
    }

    private static String mapSymbols(String text, UnaryOperator<String> write) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf(OPEN, from);
            int close = open < 0 ? -1 : text.indexOf(CLOSE, open + 1);
            if (close < 0) {
                out.append(text, from, text.length());
                break;
            }
            out.append(text, from, open).append(write.apply(text.substring(open + 1, close)));
            from = close + 1;
        }
        return out.toString();
    }
}
