package io.github.nsglint.core.internal.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of integers as sorted, disjoint, non-adjacent closed intervals. One class serves ports and
 * addresses: IPv4 addresses are {@code [0, 2^32)}, IPv6 addresses {@code [2^32, 2^32 + 2^128)} on the same line,
 * so a v4 rule never matches v6 traffic.
 *
 * <p>Most sets the engine builds are ports or IPv4 prefixes, whose bounds fit in a {@code long}; those are kept as
 * {@code long} arrays and combined with primitive arithmetic, which is where an estate's time went when every
 * bound was a {@code BigInteger}. A set is "small" exactly when every bound fits, so each set has one canonical
 * form and {@link #equals} can compare like with like; a small set meeting a large one is widened for the
 * operation.
 */
public final class IntervalSet {

    /** The largest bound kept as a long: one below the maximum, so that {@code bound + 1} cannot overflow. */
    private static final long SMALL_MAX = Long.MAX_VALUE - 1;
    private static final BigInteger SMALL_MAX_BIG = BigInteger.valueOf(SMALL_MAX);

    public static final IntervalSet EMPTY = new IntervalSet(new long[0], new long[0]);

    /** The bounds when the set is small, else null. */
    private final long[] slo;
    private final long[] shi;
    /**
     * The bounds as BigIntegers: given for a large set, made on demand for a small one (volatile: shared sets such
     * as the address-space constants are widened by whichever thread needs them first).
     */
    private volatile BigInteger[] lo;
    private volatile BigInteger[] hi;
    /**
     * For a large set: its part up to {@code SMALL_MAX} (where every small set lies: bounds below zero, such as
     * the "no port" -1, fit a long too), made on demand. A small set meets a large one only there, so the two
     * combine in primitive arithmetic: an IPv4 prefix against an IPv6 hull (IPv6 starts at 2^32, well inside the
     * small range) no longer widens every bound to a BigInteger.
     */
    private volatile IntervalSet lowPart;

    private IntervalSet(long[] lo, long[] hi) {
        this.slo = lo;
        this.shi = hi;
    }

    private IntervalSet(BigInteger[] lo, BigInteger[] hi) {
        this.slo = null;
        this.shi = null;
        this.lo = lo;
        this.hi = hi;
    }

    /** The canonical set of these bounds: small when every bound fits in a long. */
    private static IntervalSet canonical(BigInteger[] lo, BigInteger[] hi) {
        if (lo.length == 0) {
            return EMPTY;
        }
        if (hi[hi.length - 1].compareTo(SMALL_MAX_BIG) <= 0) {
            long[] l = new long[lo.length];
            long[] h = new long[hi.length];
            for (int i = 0; i < lo.length; i++) {
                l[i] = lo[i].longValueExact();
                h[i] = hi[i].longValueExact();
            }
            return new IntervalSet(l, h);
        }
        return new IntervalSet(lo, hi);
    }

    public static IntervalSet of(BigInteger from, BigInteger to) {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("empty interval " + from + ".." + to);
        }
        return canonical(new BigInteger[] {from}, new BigInteger[] {to});
    }

    public static IntervalSet of(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("empty interval " + from + ".." + to);
        }
        if (from < 0 || to > SMALL_MAX) {
            return of(BigInteger.valueOf(from), BigInteger.valueOf(to));
        }
        return new IntervalSet(new long[] {from}, new long[] {to});
    }

    private boolean small() {
        return slo != null;
    }

    private BigInteger[] bigLo() {
        BigInteger[] l = lo;
        if (l == null) {
            l = widen(slo);
            lo = l;
        }
        return l;
    }

    private BigInteger[] bigHi() {
        BigInteger[] h = hi;
        if (h == null) {
            h = widen(shi);
            hi = h;
        }
        return h;
    }

    private static BigInteger[] widen(long[] values) {
        BigInteger[] out = new BigInteger[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = BigInteger.valueOf(values[i]);
        }
        return out;
    }

    /** This set's elements up to {@code SMALL_MAX}, as a small set; this set itself when small. */
    private IntervalSet lowPart() {
        if (small()) {
            return this;
        }
        IntervalSet part = lowPart;
        if (part == null) {
            LongBuilder out = new LongBuilder(lo.length);
            for (int i = 0; i < lo.length && lo[i].compareTo(SMALL_MAX_BIG) <= 0; i++) {
                out.add(lo[i].longValue(), hi[i].min(SMALL_MAX_BIG).longValue());
            }
            part = out.build();
            lowPart = part;
        }
        return part;
    }

    public boolean isEmpty() {
        return small() ? slo.length == 0 : lo.length == 0;
    }

    public int intervalCount() {
        return small() ? slo.length : lo.length;
    }

    public BigInteger low(int i) {
        return small() ? BigInteger.valueOf(slo[i]) : lo[i];
    }

    public BigInteger high(int i) {
        return small() ? BigInteger.valueOf(shi[i]) : hi[i];
    }

    /** The smallest element; the set must not be empty. */
    public BigInteger first() {
        return low(0);
    }

    public boolean contains(BigInteger x) {
        if (small()) {
            return x.signum() >= 0 && x.compareTo(SMALL_MAX_BIG) <= 0 && contains(x.longValue());
        }
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

    private boolean contains(long x) {
        int a = 0;
        int b = slo.length - 1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            if (x < slo[m]) {
                b = m - 1;
            } else if (x > shi[m]) {
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
        if (small() && other.small()) {
            LongBuilder out = new LongBuilder(slo.length + other.slo.length);
            int i = 0;
            int j = 0;
            while (i < slo.length || j < other.slo.length) {
                if (j >= other.slo.length || (i < slo.length && slo[i] <= other.slo[j])) {
                    out.add(slo[i], shi[i]);
                    i++;
                } else {
                    out.add(other.slo[j], other.shi[j]);
                    j++;
                }
            }
            return out.build();
        }
        BigInteger[] al = bigLo();
        BigInteger[] ah = bigHi();
        BigInteger[] bl = other.bigLo();
        BigInteger[] bh = other.bigHi();
        Builder out = new Builder(al.length + bl.length);
        int i = 0;
        int j = 0;
        while (i < al.length || j < bl.length) {
            if (j >= bl.length || (i < al.length && al[i].compareTo(bl[j]) <= 0)) {
                out.add(al[i], ah[i]);
                i++;
            } else {
                out.add(bl[j], bh[j]);
                j++;
            }
        }
        return out.build();
    }

    public IntervalSet intersect(IntervalSet other) {
        // Kept small, so that C2 inlines it into its callers (a method of more than 325 bytes of bytecode is
        // not): the work is in the two methods below.
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        if (small() != other.small()) {
            // Within the small range (see lowPart); the small operand asks, so that it is the answer when it can be.
            IntervalSet small = small() ? this : other;
            IntervalSet low = small() ? other.lowPart() : lowPart();
            return low.isEmpty() ? EMPTY : small.intersectSmall(low);
        }
        return small() ? intersectSmall(other) : intersectLarge(other);
    }

    private IntervalSet intersectSmall(IntervalSet other) {
        // A set within one interval of the other is the answer itself: no new set, and what was made from
        // it stays (an AddressSet's line, a box's cover lists). Most queries meet ports and prefixes so.
        if (other.slo.length == 1 && other.slo[0] <= slo[0] && shi[shi.length - 1] <= other.shi[0]) {
            return this;
        }
        if (slo.length == 1 && slo[0] <= other.slo[0] && other.shi[other.shi.length - 1] <= shi[0]) {
            return other;
        }
        LongBuilder out = new LongBuilder(Math.max(slo.length, other.slo.length));
        int i = 0;
        int j = 0;
        while (i < slo.length && j < other.slo.length) {
            long a = Math.max(slo[i], other.slo[j]);
            long b = Math.min(shi[i], other.shi[j]);
            if (a <= b) {
                out.add(a, b);
            }
            if (shi[i] < other.shi[j]) {
                i++;
            } else {
                j++;
            }
        }
        return out.build();
    }

    private IntervalSet intersectLarge(IntervalSet other) {
        BigInteger[] al = lo;
        BigInteger[] ah = hi;
        BigInteger[] bl = other.lo;
        BigInteger[] bh = other.hi;
        if (bl.length == 1 && bl[0].compareTo(al[0]) <= 0 && ah[ah.length - 1].compareTo(bh[0]) <= 0) {
            return this;
        }
        if (al.length == 1 && al[0].compareTo(bl[0]) <= 0 && bh[bh.length - 1].compareTo(ah[0]) <= 0) {
            return other;
        }
        Builder out = new Builder(Math.max(al.length, bl.length));
        int i = 0;
        int j = 0;
        while (i < al.length && j < bl.length) {
            BigInteger a = al[i].max(bl[j]);
            BigInteger b = ah[i].min(bh[j]);
            if (a.compareTo(b) <= 0) {
                out.add(a, b);
            }
            if (ah[i].compareTo(bh[j]) < 0) {
                i++;
            } else {
                j++;
            }
        }
        return out.build();
    }

    public boolean intersects(IntervalSet other) {
        if (small() != other.small()) {
            return lowPart().intersects(other.lowPart()); // within the small range: see lowPart
        }
        if (small() && other.small()) {
            int i = 0;
            int j = 0;
            while (i < slo.length && j < other.slo.length) {
                if (Math.max(slo[i], other.slo[j]) <= Math.min(shi[i], other.shi[j])) {
                    return true;
                }
                if (shi[i] < other.shi[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return false;
        }
        BigInteger[] al = bigLo();
        BigInteger[] ah = bigHi();
        BigInteger[] bl = other.bigLo();
        BigInteger[] bh = other.bigHi();
        int i = 0;
        int j = 0;
        while (i < al.length && j < bl.length) {
            if (al[i].max(bl[j]).compareTo(ah[i].min(bh[j])) <= 0) {
                return true;
            }
            if (ah[i].compareTo(bh[j]) < 0) {
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
        if (small() && !other.small()) {
            return subtract(other.lowPart()); // a small set loses only what lies in the small range
        }
        if (small() && other.small()) {
            LongBuilder out = new LongBuilder(slo.length + other.slo.length);
            int j = 0;
            for (int i = 0; i < slo.length; i++) {
                long start = slo[i];
                long end = shi[i];
                while (j < other.slo.length && other.shi[j] < start) {
                    j++;
                }
                int k = j;
                while (k < other.slo.length && other.slo[k] <= end && start <= end) {
                    if (other.slo[k] > start) {
                        out.add(start, other.slo[k] - 1);
                    }
                    start = other.shi[k] + 1;
                    k++;
                }
                if (start <= end) {
                    out.add(start, end);
                }
            }
            return out.build();
        }
        BigInteger[] al = bigLo();
        BigInteger[] ah = bigHi();
        BigInteger[] bl = other.bigLo();
        BigInteger[] bh = other.bigHi();
        Builder out = new Builder(al.length + bl.length);
        int j = 0;
        for (int i = 0; i < al.length; i++) {
            BigInteger start = al[i];
            BigInteger end = ah[i];
            while (j < bl.length && bh[j].compareTo(start) < 0) {
                j++;
            }
            int k = j;
            while (k < bl.length && bl[k].compareTo(end) <= 0 && start.compareTo(end) <= 0) {
                if (bl[k].compareTo(start) > 0) {
                    out.add(start, bl[k].subtract(BigInteger.ONE));
                }
                start = bh[k].add(BigInteger.ONE);
                k++;
            }
            if (start.compareTo(end) <= 0) {
                out.add(start, end);
            }
        }
        return out.build();
    }

    public boolean containsAll(IntervalSet other) {
        if (other.isEmpty()) {
            return true;
        }
        if (isEmpty()) {
            return false;
        }
        // Most questions are "does this prefix hold all of that tag's space?": the extremes answer them.
        if (small() != other.small()) {
            if (!small()) {
                return other.subtract(lowPart()).isEmpty();
            }
            return false; // a large set reaches beyond every bound of a small one
        }
        if (small() ? other.slo[0] < slo[0] || other.shi[other.shi.length - 1] > shi[shi.length - 1]
                : other.lo[0].compareTo(lo[0]) < 0
                        || other.hi[other.hi.length - 1].compareTo(hi[hi.length - 1]) > 0) {
            return false;
        }
        return other.subtract(this).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IntervalSet s) || small() != s.small()) {
            return false; // canonical forms: a small and a large set are never equal
        }
        return small() ? Arrays.equals(slo, s.slo) && Arrays.equals(shi, s.shi)
                : Arrays.equals(lo, s.lo) && Arrays.equals(hi, s.hi);
    }

    @Override
    public int hashCode() {
        return small() ? 31 * Arrays.hashCode(slo) + Arrays.hashCode(shi) : 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < intervalCount(); i++) {
            parts.add(low(i).equals(high(i)) ? low(i).toString() : low(i) + ".." + high(i));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Collects intervals in ascending order of their starts, merging overlapping and adjacent ones. */
    public static final class Builder {
        private final List<BigInteger> los;
        private final List<BigInteger> his;

        public Builder(int capacity) {
            los = new ArrayList<>(capacity);
            his = new ArrayList<>(capacity);
        }

        public void add(BigInteger a, BigInteger b) {
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

        public IntervalSet build() {
            // Sized arrays: toArray with an empty one makes the array by reflection, slow outside C2.
            return canonical(los.toArray(new BigInteger[los.size()]), his.toArray(new BigInteger[his.size()]));
        }
    }

    /** {@link Builder} for small sets, on primitive arrays. */
    private static final class LongBuilder {
        private long[] los;
        private long[] his;
        private int n;

        LongBuilder(int capacity) {
            los = new long[Math.max(capacity, 1)];
            his = new long[Math.max(capacity, 1)];
        }

        void add(long a, long b) {
            if (n > 0 && a <= his[n - 1] + 1) {
                if (b > his[n - 1]) {
                    his[n - 1] = b;
                }
                return;
            }
            if (n == los.length) {
                los = Arrays.copyOf(los, n * 2);
                his = Arrays.copyOf(his, n * 2);
            }
            los[n] = a;
            his[n] = b;
            n++;
        }

        IntervalSet build() {
            if (n == 0) {
                return EMPTY;
            }
            // Full arrays are taken as they are: the builder is not used after build.
            return n == los.length ? new IntervalSet(los, his) : new IntervalSet(Arrays.copyOf(los, n),
                    Arrays.copyOf(his, n));
        }
    }
}
