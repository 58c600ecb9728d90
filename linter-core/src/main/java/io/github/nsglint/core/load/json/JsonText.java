package io.github.nsglint.core.load.json;

/** JSON text written by nsglint itself: ARM's string() of objects, and rules that fixes insert. */
public final class JsonText {

    private JsonText() {
    }

    /** Appends {@code s} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
