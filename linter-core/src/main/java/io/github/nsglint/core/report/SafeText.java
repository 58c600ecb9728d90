package io.github.nsglint.core.report;

/**
 * Names and strings from the inputs (resource, rule and file names, rule texts) are attacker-controlled: a raw
 * newline can forge a line, an escape sequence can rewrite a terminal, a right-to-left override can make text read
 * other than it is, and a line starting with {@code ::} is a command to GitHub Actions. Every such string is shown
 * through {@link #escape}, which makes each of those characters visible as an escape ({@code \n}, {@code \\u001b},
 * {@code \\u202e}); {@link SafeTextWriter} guards whole outputs.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * Whether {@code c} must never reach an output raw: C0 and C1 controls and DEL, the bidirectional formatting
     * characters, the line and paragraph separators, the zero-width characters that hide text, and the two
     * non-characters XML refuses. {@link #escape} also escapes half a surrogate pair.
     */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == 0x061c || c >= 0x200b && c <= 0x200f || c >= 0x2028 && c <= 0x202e
                || c >= 0x2060 && c <= 0x2069 || c == 0xfeff || c == 0xfffe || c == 0xffff;
    }

    /** Whether the character at {@code i} is half of a surrogate pair that has no other half (not XML, not text). */
    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** {@code s} with every unsafe character as an escape: {@code \n}, {@code \r}, {@code \t}, else {@code \\uXXXX}. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int first = 0;
        while (first < s.length() && !isUnsafe(s.charAt(first)) && !loneSurrogate(s, first)) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c) || loneSurrogate(s, i)) {
                appendEscape(c, sb);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void appendEscape(char c, StringBuilder sb) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append(String.format("\\u%04x", (int) c));
        }
    }
}
