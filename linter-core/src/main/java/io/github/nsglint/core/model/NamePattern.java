package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A case-insensitive pattern over resource names, as a configuration writes one: {@code *} is any text, {@code ?}
 * one character. A resource matches when its ID, its name as written in the ID ({@code hub/AzureBastionSubnet}) or
 * its last name segment matches, or those of a parent (a VNet's pattern covers its subnets). Matching takes time
 * proportional to the pattern's length times the name's, whatever the pattern: no backtracking blow-up.
 */
public record NamePattern(String pattern) {

    public NamePattern {
        requireNonNull(pattern, "pattern is null");
    }

    /** Whether the pattern matches {@code resourceId}, or one of its parents, by any of its names. */
    public boolean matchesResource(String resourceId) {
        for (String id = resourceId; id != null; id = parent(id)) {
            for (String candidate : names(id)) {
                if (matches(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        return matches(pattern, text, true, true);
    }

    /**
     * Whether the whole of {@code text} matches {@code pattern}, where {@code *} is any text; {@code ?} is one
     * character when {@code questionIsWildcard}, else itself; case is ignored when {@code ignoreCase}. Shared with
     * ARM's {@code like()}, which is judged under each reading.
     */
    public static boolean matches(String pattern, String text, boolean questionIsWildcard, boolean ignoreCase) {
        // Greedy with one remembered star: the classic linear wildcard match, over code points.
        int[] p = pattern.codePoints().toArray();
        int[] t = text.codePoints().toArray();
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length) {
            if (pi < p.length && p[pi] != '*'
                    && (questionIsWildcard && p[pi] == '?' || same(p[pi], t[ti], ignoreCase))) {
                pi++;
                ti++;
            } else if (pi < p.length && p[pi] == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }

    private static boolean same(int a, int b, boolean ignoreCase) {
        return a == b || ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    /** The parent resource of a child's ID ({@code .../nsg/securityRules/r} gives {@code .../nsg}), or null. */
    public static String parent(String id) {
        String[] segments = id.split("/");
        int providers = lastProviders(segments);
        // providers/<namespace>/<type>/<name> is a top-level resource; each further type/name pair is a child.
        if (providers < 0 || segments.length - providers <= 4) {
            return null;
        }
        return String.join("/", Arrays.copyOf(segments, segments.length - 2));
    }

    /** The ID, the name as written in the ID ({@code hub/AzureBastionSubnet}) and the last segment. */
    public static String[] names(String id) {
        String[] segments = id.split("/");
        int providers = lastProviders(segments);
        StringBuilder name = new StringBuilder();
        // After "providers/<namespace>": type, name, child type, child name, ...
        for (int i = providers + 3; providers >= 0 && i < segments.length; i += 2) {
            name.append(name.isEmpty() ? "" : "/").append(segments[i]);
        }
        String last = segments.length == 0 ? id : segments[segments.length - 1];
        return new String[] {id, name.toString(), last};
    }

    /** Where the last {@code providers} segment is (an extension resource's ID has two), or -1. */
    private static int lastProviders(String[] segments) {
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].equalsIgnoreCase("providers")) {
                return i;
            }
        }
        return -1;
    }
}
