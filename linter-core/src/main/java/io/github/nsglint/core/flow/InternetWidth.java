package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import java.math.BigInteger;

/**
 * How many public addresses make "the Internet" for a rule about exposure: more than a block of
 * {@code v4PrefixLength} holds among IPv4 addresses, or more than a block of {@code v6PrefixLength} among IPv6 ones.
 * A source of {@code *}, {@code Internet}, {@code 0.0.0.0/0} or {@code ::/0} is far wider; one office's address or
 * a partner's /24 is an allow list, which is not.
 *
 * <p>The defaults: wider than a /16 (65,536 IPv4 addresses, a large organisation's whole allocation) and wider than
 * a /32 (an Internet provider's IPv6 allocation).
 */
public record InternetWidth(int v4PrefixLength, int v6PrefixLength) {

    public static final InternetWidth DEFAULT = new InternetWidth(16, 32);

    public InternetWidth {
        if (v4PrefixLength < 0 || v4PrefixLength > 32) {
            throw new IllegalArgumentException("an IPv4 prefix length is 0 to 32: " + v4PrefixLength);
        }
        if (v6PrefixLength < 0 || v6PrefixLength > 128) {
            throw new IllegalArgumentException("an IPv6 prefix length is 0 to 128: " + v6PrefixLength);
        }
    }

    /** Whether the public addresses among {@code ips} are more than a block of the threshold holds, in a family. */
    public boolean wide(IntervalSet ips) {
        IntervalSet open = ips.intersect(AddressSpace.PUBLIC);
        return count(open.intersect(AddressSpace.ALL_V4)).compareTo(BigInteger.ONE.shiftLeft(32 - v4PrefixLength)) > 0
                || count(open.intersect(AddressSpace.ALL_V6))
                        .compareTo(BigInteger.ONE.shiftLeft(128 - v6PrefixLength)) > 0;
    }

    private static BigInteger count(IntervalSet s) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < s.intervalCount(); i++) {
            n = n.add(s.high(i).subtract(s.low(i))).add(BigInteger.ONE);
        }
        return n;
    }

    /** {@code /16 (IPv4), /32 (IPv6)}, for messages. */
    public String describe() {
        return "/" + v4PrefixLength + " (IPv4), /" + v6PrefixLength + " (IPv6)";
    }
}
