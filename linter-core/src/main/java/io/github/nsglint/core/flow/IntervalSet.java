package io.github.nsglint.core.flow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of integers as sorted, disjoint, non-adjacent closed intervals. One class serves ports and
 * addresses: IPv4 addresses are {@code [0, 2^32)}, IPv6 addresses {@code [2^32, 2^32 + 2^128)} on the same line,
 * so a v4 rule never matches v6 traffic.
 */
public final class IntervalSet {

    public static final IntervalSet EMPTY = new IntervalSet(new BigInteger[0], new BigInteger[0]);

    private final BigInteger[] lo;
    private final BigInteger[] hi;

    private IntervalSet(BigInteger[] lo, BigInteger[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    public static IntervalSet of(BigInteger from, BigInteger to) {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("empty interval " + from + ".." + to);
        }
        return new IntervalSet(new BigInteger[] {from}, new BigInteger[] {to});
    }

    public static IntervalSet of(long from, long to) {
        return of(BigInteger.valueOf(from), BigInteger.valueOf(to));
    }

    public boolean isEmpty() {
        return lo.length == 0;
    }

    public int intervalCount() {
        return lo.length;
    }

    public BigInteger low(int i) {
        return lo[i];
    }

    public BigInteger high(int i) {
        return hi[i];
    }

    /** The smallest element; the set must not be empty. */
    public BigInteger first() {
        return lo[0];
    }

    public boolean contains(BigInteger x) {
        int a = 0;
        int b = lo.length - 1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            if (x.compareTo(lo[m]) < 0) {
                b = m - 1;
            } else if (x.compareTo(hi[m]) > 0) {
                a = m + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public IntervalSet union(IntervalSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Builder out = new Builder(lo.length + other.lo.length);
        int i = 0;
        int j = 0;
        while (i < lo.length || j < other.lo.length) {
            if (j >= other.lo.length || (i < lo.length && lo[i].compareTo(other.lo[j]) <= 0)) {
                out.add(lo[i], hi[i]);
                i++;
            } else {
                out.add(other.lo[j], other.hi[j]);
                j++;
            }
        }
        return out.build();
    }

    public IntervalSet intersect(IntervalSet other) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        Builder out = new Builder(Math.max(lo.length, other.lo.length));
        int i = 0;
        int j = 0;
        while (i < lo.length && j < other.lo.length) {
            BigInteger a = lo[i].max(other.lo[j]);
            BigInteger b = hi[i].min(other.hi[j]);
            if (a.compareTo(b) <= 0) {
                out.add(a, b);
            }
            if (hi[i].compareTo(other.hi[j]) < 0) {
                i++;
            } else {
                j++;
            }
        }
        return out.build();
    }

    public boolean intersects(IntervalSet other) {
        int i = 0;
        int j = 0;
        while (i < lo.length && j < other.lo.length) {
            if (lo[i].max(other.lo[j]).compareTo(hi[i].min(other.hi[j])) <= 0) {
                return true;
            }
            if (hi[i].compareTo(other.hi[j]) < 0) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    public IntervalSet subtract(IntervalSet other) {
        if (isEmpty() || other.isEmpty() || !intersects(other)) {
            return this;
        }
        Builder out = new Builder(lo.length + other.lo.length);
        int j = 0;
        for (int i = 0; i < lo.length; i++) {
            BigInteger start = lo[i];
            BigInteger end = hi[i];
            while (j < other.lo.length && other.hi[j].compareTo(start) < 0) {
                j++;
            }
            int k = j;
            while (k < other.lo.length && other.lo[k].compareTo(end) <= 0 && start.compareTo(end) <= 0) {
                if (other.lo[k].compareTo(start) > 0) {
                    out.add(start, other.lo[k].subtract(BigInteger.ONE));
                }
                start = other.hi[k].add(BigInteger.ONE);
                k++;
            }
            if (start.compareTo(end) <= 0) {
                out.add(start, end);
            }
        }
        return out.build();
    }

    public boolean containsAll(IntervalSet other) {
        return other.subtract(this).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSet s && Arrays.equals(lo, s.lo) && Arrays.equals(hi, s.hi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < lo.length; i++) {
            parts.add(lo[i].equals(hi[i]) ? lo[i].toString() : lo[i] + ".." + hi[i]);
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Collects intervals in ascending order of their starts, merging overlapping and adjacent ones. */
    static final class Builder {
        private final List<BigInteger> los;
        private final List<BigInteger> his;

        Builder(int capacity) {
            los = new ArrayList<>(capacity);
            his = new ArrayList<>(capacity);
        }

        void add(BigInteger a, BigInteger b) {
            int n = los.size();
            if (n > 0 && a.compareTo(his.get(n - 1).add(BigInteger.ONE)) <= 0) {
                if (b.compareTo(his.get(n - 1)) > 0) {
                    his.set(n - 1, b);
                }
                return;
            }
            los.add(a);
            his.add(b);
        }

        IntervalSet build() {
            return los.isEmpty() ? EMPTY
                    : new IntervalSet(los.toArray(new BigInteger[0]), his.toArray(new BigInteger[0]));
        }
    }
}
