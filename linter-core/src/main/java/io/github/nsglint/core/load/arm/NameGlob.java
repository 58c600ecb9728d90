package io.github.nsglint.core.load.arm;

/**
 * A wildcard match in time linear in pattern times text (the two-pointer method, no backtracking), for
 * {@code like()}: {@code *} is any run of characters; {@code ?} is one character when {@code questionIsWildcard},
 * else itself; case is ignored when {@code ignoreCase}.
 */
final class NameGlob {

    private NameGlob() {
    }

    static boolean matches(String pattern, String text, boolean questionIsWildcard, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*'
                    && (questionIsWildcard && pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
