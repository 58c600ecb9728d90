package io.github.nsglint.core.flow;

/** Port range tokens: {@code *}, {@code 22}, {@code 20-25}; ports 0..65535. */
public final class PortRanges {

    private PortRanges() {
    }

    /** The ports of a token; {@code *} includes "no port" for protocols without ports. Null when invalid. */
    public static IntervalSet parse(String token) {
        IntervalSet known = PARSED.get(token);
        if (known != null) {
            return known;
        }
        IntervalSet parsed = parseNew(token);
        if (parsed != null && PARSED.size() < MAX_KEPT) {
            PARSED.put(token, parsed);
        }
        return parsed;
    }

    /**
     * Port tokens seen so far: every rule is compiled once per context where its NSG applies, and an estate
     * names few distinct ports. Bounded, so that hostile input cannot grow it without end.
     */
    private static final java.util.Map<String, IntervalSet> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_KEPT = 10_000;

    private static IntervalSet parseNew(String token) {
        String t = token.trim();
        if (t.equals("*")) {
            return FlowBox.ANY_PORT;
        }
        int dash = t.indexOf('-');
        Integer a = port(dash < 0 ? t : t.substring(0, dash));
        Integer b = dash < 0 ? a : port(t.substring(dash + 1));
        if (a == null || b == null || a > b) {
            return null;
        }
        return IntervalSet.of(a, b);
    }

    /** Up to five digits, at most 65535; null otherwise. A loop, not a stream: every rule of every NSG is parsed. */
    private static Integer port(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 5) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65535 ? v : null;
    }
}
