package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;

/** Port range tokens: {@code *}, {@code 22}, {@code 20-25}; ports 0..65535. */
public final class PortRanges {

    private PortRanges() {
    }

    /**
     * The ports of a token; {@code *} includes "no port" for protocols without ports. Null when invalid. Read in
     * place, without substrings or boxing: every rule is compiled once per context where its NSG applies.
     */
    public static IntervalSet parse(String token) {
        long range = range(token);
        if (range == INVALID) {
            return null;
        }
        return range == ANY ? FlowBox.ANY_PORT : IntervalSet.of(range >>> 32, range & 0xffff_ffffL);
    }

    /** Whether {@link #parse} takes the token; without building the set, for checks that only validate. */
    public static boolean isValid(String token) {
        return range(token) != INVALID;
    }

    private static final long INVALID = -1;
    private static final long ANY = -2;

    /** The token's first and last port packed as {@code first << 32 | last}; {@link #ANY} or {@link #INVALID}. */
    private static long range(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && token.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && token.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from == 1 && token.charAt(from) == '*') {
            return ANY;
        }
        int dash = token.indexOf('-', from);
        if (dash >= to) {
            dash = -1;
        }
        int a = port(token, from, dash < 0 ? to : dash);
        int b = dash < 0 ? a : port(token, dash + 1, to);
        if (a < 0 || b < 0 || a > b) {
            return INVALID;
        }
        return ((long) a << 32) | b;
    }

    /** The port written in {@code s[from, to)}, spaces around it allowed: up to five digits, at most 65535; else -1. */
    private static int port(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        int v = AddressSpace.decimal(s, from, to, 5);
        return v <= 65535 ? v : -1; // -1 stays -1
    }
}
