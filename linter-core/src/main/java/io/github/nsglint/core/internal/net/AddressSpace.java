package io.github.nsglint.core.internal.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address line: IPv4 at {@code [0, 2^32)}, IPv6 at {@code [2^32, 2^32 + 2^128)}. Parses IPs and CIDRs onto it
 * and formats points back; the platform's special ranges are here too.
 */
public final class AddressSpace {

    static final BigInteger V6_OFFSET = BigInteger.ONE.shiftLeft(32);
    public static final IntervalSet ALL_V4 = IntervalSet.of(BigInteger.ZERO, V6_OFFSET.subtract(BigInteger.ONE));
    public static final IntervalSet ALL_V6 = IntervalSet.of(V6_OFFSET,
            V6_OFFSET.add(BigInteger.ONE.shiftLeft(128)).subtract(BigInteger.ONE));
    public static final IntervalSet ALL = ALL_V4.union(ALL_V6);

    /** Where atoms sit when an address set is laid out on one line (the flow engine's AddressSet): after IPv6. */
    public static final BigInteger ATOM_BASE = V6_OFFSET.add(BigInteger.ONE.shiftLeft(128));

    /** The platform address behind AzureLoadBalancer (health probes) and DNS: 168.63.129.16. */
    public static final IntervalSet AZURE_PLATFORM = cidr("168.63.129.16/32").orElseThrow();

    /**
     * Addresses that are never on the public internet: private, shared, loopback, link-local, multicast and
     * reserved ranges (RFC 1918, 6598, 3927, 5737, 4193, 4291), and the platform address.
     */
    public static final IntervalSet NOT_PUBLIC = union("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7",
            "fe80::/10", "ff00::/8", "2001:db8::/32").union(AZURE_PLATFORM);

    /** Public IPv4 and IPv6 space. */
    public static final IntervalSet PUBLIC = ALL.subtract(NOT_PUBLIC);

    private AddressSpace() {
    }

    private static IntervalSet union(String... cidrs) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String c : cidrs) {
            s = s.union(cidr(c).orElseThrow());
        }
        return s;
    }

    /** The addresses of a list of prefixes (a subnet's, a VNet's space), leaving out any that is not a CIDR. */
    public static IntervalSet prefixes(java.util.Collection<String> prefixes) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String p : prefixes) {
            s = s.union(cidr(p).orElse(IntervalSet.EMPTY));
        }
        return s;
    }

    /**
     * An IP address or CIDR ({@code 10.0.0.0/16}, {@code 10.0.0.4}, {@code 2001:db8::/32}), host bits allowed as
     * Azure allows them; empty when the text is neither.
     */
    public static Optional<IntervalSet> cidr(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        int end = slash < 0 ? t.length() : slash;
        int colon = t.indexOf(':');
        if (colon < 0 || colon >= end) {
            // IPv4 in primitive arithmetic: most rules name IPv4 prefixes, and every rule is compiled per context.
            long v4 = v4(t, slash);
            if (v4 < 0) {
                return Optional.empty();
            }
            long value = v4 >>> 6;
            long hostMask = (1L << (32 - (v4 & 63))) - 1;
            return Optional.of(IntervalSet.of(value & ~hostMask, value | hostMask));
        }
        int prefix = 128;
        if (slash >= 0) {
            prefix = decimal(t, slash + 1, t.length());
            if (prefix < 0 || prefix > 128) {
                return Optional.empty();
            }
        }
        Optional<BigInteger> value = parseV6(t.substring(0, end));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
        BigInteger start = value.get().andNot(hostMask);
        return Optional.of(IntervalSet.of(start.add(V6_OFFSET), start.or(hostMask).add(V6_OFFSET)));
    }

    /**
     * Whether {@link #cidr} takes the text; an IPv4 address or prefix is checked in place, without building its
     * set (invalid-field checks look at every prefix of every rule).
     */
    public static boolean isAddress(String text) {
        String t = text.trim();
        return t.indexOf(':') >= 0 ? cidr(t).isPresent() : v4(t, t.indexOf('/')) >= 0;
    }

    /**
     * An IPv4 address or prefix as its value shifted left by 6, or'ed with its prefix length; -1 when it is not
     * one. {@code t} is trimmed text without a ':' before {@code slash}, its first '/' (or -1).
     */
    private static long v4(String t, int slash) {
        int prefix = 32;
        if (slash >= 0) {
            prefix = decimal(t, slash + 1, t.length());
            if (prefix < 0 || prefix > 32) {
                return -1;
            }
        }
        long value = parseV4(t, 0, slash < 0 ? t.length() : slash);
        return value < 0 ? -1 : value << 6 | prefix;
    }

    /** The value of 1 to 3 decimal digits in {@code s[from, to)}, or -1. */
    private static int decimal(String s, int from, int to) {
        return decimal(s, from, to, 3);
    }

    /** The value of 1 to {@code maxDigits} ASCII decimal digits in {@code s[from, to)}, or -1. */
    public static int decimal(String s, int from, int to, int maxDigits) {
        if (to - from < 1 || to - from > maxDigits) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The dotted quad in {@code s[from, to)} as a number, or -1. */
    private static long parseV4(String s, int from, int to) {
        long v = 0;
        int start = from;
        for (int part = 0; part < 4; part++) {
            int end = part < 3 ? s.indexOf('.', start) : to;
            if (end < 0 || end > to) {
                return -1;
            }
            int octet = decimal(s, start, end);
            if (octet < 0 || octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
            start = end + 1;
        }
        return v;
    }

    private static Optional<BigInteger> parseV6(String s) {
        // Only hex digits, colons and dots: InetAddress then parses a literal and never looks up a name.
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.') || s.length() > 45) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress();
            if (bytes.length != 16) {
                return Optional.empty();
            }
            return Optional.of(new BigInteger(1, bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static final IntervalSet PRIVATE = union("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    /**
     * An address of a set a reader recognises: from private space if the set has some, else public, else any;
     * the first that looks like a VM's (its last byte 4 or more, as Azure keeps .0 to .3 of a subnet, and not
     * 255), else the lowest.
     */
    public static BigInteger representative(IntervalSet ips) {
        for (IntervalSet part : List.of(ips.intersect(PRIVATE), ips.intersect(PUBLIC), ips)) {
            for (int i = 0; i < part.intervalCount(); i++) {
                BigInteger lo = part.low(i);
                int last = lo.intValue() & 0xff;
                BigInteger candidate = last >= 4 ? lo : lo.add(BigInteger.valueOf(4 - last));
                if (candidate.compareTo(part.high(i)) <= 0 && (candidate.intValue() & 0xff) != 255) {
                    return candidate;
                }
            }
            if (!part.isEmpty()) {
                return part.low(0);
            }
        }
        throw new IllegalArgumentException("an empty set has no address");
    }

    public static boolean isV6(BigInteger point) {
        return point.compareTo(V6_OFFSET) >= 0;
    }

    /** The text of a point of the line: dotted quad, or RFC 5952 IPv6. */
    public static String format(BigInteger point) {
        if (!isV6(point)) {
            long v = point.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        BigInteger v = point.subtract(V6_OFFSET);
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = v.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
