package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Is a box covered by a union of boxes, and if not, which point is left out? Answered by sweeping one
 * dimension at a time: the boundaries of the covering boxes cut the target into segments; within a segment the
 * same boxes are active, so each distinct active set is searched once, in the next dimension. This avoids the
 * fragmentation of subtracting box from box, which grows with every overlap.
 *
 * <p>Boxes are five {@link IntervalSet}s (see {@link FlowBox#lines()}). Dimensions are swept in an order that
 * cuts early where rules differ most: destination port, protocol, source port, destination, source.
 */
final class BoxCover {

    private static final int[] ORDER = {4, 0, 2, 3, 1};
    private static final BigInteger PREFERRED_SOURCE_PORT = BigInteger.valueOf(49152);

    private BoxCover() {
    }

    /** A point of {@code target} that no box of {@code covers} contains, or null when they cover it. */
    static BigInteger[] uncovered(IntervalSet[] target, List<IntervalSet[]> covers) {
        for (IntervalSet s : target) {
            if (s.isEmpty()) {
                return null;
            }
        }
        List<IntervalSet[]> relevant = new ArrayList<>();
        for (IntervalSet[] c : covers) {
            IntervalSet[] clipped = clip(c, target);
            if (clipped != null) {
                relevant.add(clipped);
            }
        }
        BigInteger[] point = new BigInteger[5];
        return search(target.clone(), relevant, 0, point) ? point : null;
    }

    private static IntervalSet[] clip(IntervalSet[] c, IntervalSet[] target) {
        // Most boxes miss the target: find out first, cheapest dimensions (ports, protocol) before addresses.
        for (int d : ORDER) {
            if (!c[d].intersects(target[d])) {
                return null;
            }
        }
        IntervalSet[] out = new IntervalSet[5];
        for (int d = 0; d < 5; d++) {
            out[d] = c[d].intersect(target[d]);
        }
        return out;
    }

    /** Searches dimensions ORDER[k..]; fills {@code point} and returns true when a point is left uncovered. */
    private static boolean search(IntervalSet[] t, List<IntervalSet[]> covers, int k, BigInteger[] point) {
        if (covers.isEmpty()) {
            for (int j = k; j < 5; j++) {
                point[ORDER[j]] = pick(ORDER[j], t[ORDER[j]]);
            }
            return true;
        }
        if (k == 5) {
            return false;
        }
        for (IntervalSet[] c : covers) {
            if (coversRest(c, t, k)) {
                return false;
            }
        }
        int d = ORDER[k];
        // Sweep events: where each cover's intervals in dimension d start and end.
        TreeMap<BigInteger, List<int[]>> events = new TreeMap<>();
        for (int i = 0; i < covers.size(); i++) {
            IntervalSet s = covers.get(i)[d];
            for (int n = 0; n < s.intervalCount(); n++) {
                events.computeIfAbsent(s.low(n), x -> new ArrayList<>()).add(new int[] {i, 1});
                events.computeIfAbsent(s.high(n).add(BigInteger.ONE), x -> new ArrayList<>()).add(new int[] {i, -1});
            }
        }
        IntervalSet td = t[d];
        Set<BitSet> coveredSets = new HashSet<>();
        BitSet active = new BitSet();
        BigInteger cursor = null;
        List<BigInteger> cuts = new ArrayList<>(events.keySet());
        int e = 0;
        for (int n = 0; n < td.intervalCount(); n++) {
            BigInteger lo = td.low(n);
            BigInteger hi = td.high(n);
            cursor = lo;
            while (cursor.compareTo(hi) <= 0) {
                while (e < cuts.size() && cuts.get(e).compareTo(cursor) <= 0) {
                    apply(events.get(cuts.get(e)), active);
                    e++;
                }
                BigInteger segmentEnd = e < cuts.size() ? cuts.get(e).subtract(BigInteger.ONE).min(hi) : hi;
                if (!coveredSets.contains(active)) {
                    List<IntervalSet[]> sub = new ArrayList<>(active.cardinality());
                    for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
                        sub.add(covers.get(i));
                    }
                    IntervalSet[] narrowed = t.clone();
                    narrowed[d] = IntervalSet.of(cursor, segmentEnd);
                    if (search(narrowed, sub, k + 1, point)) {
                        point[d] = pick(d, narrowed[d]);
                        return true;
                    }
                    coveredSets.add((BitSet) active.clone());
                }
                cursor = segmentEnd.add(BigInteger.ONE);
            }
        }
        return false;
    }

    private static void apply(List<int[]> changes, BitSet active) {
        for (int[] c : changes) {
            if (c[1] > 0) {
                active.set(c[0]);
            } else {
                active.clear(c[0]);
            }
        }
    }

    private static boolean coversRest(IntervalSet[] c, IntervalSet[] t, int k) {
        for (int j = k; j < 5; j++) {
            if (!c[ORDER[j]].containsAll(t[ORDER[j]])) {
                return false;
            }
        }
        return true;
    }

    /** A readable value of a set: TCP first, source port 49152, an address's fifth host, else the lowest. */
    private static BigInteger pick(int dim, IntervalSet s) {
        if (dim == 2 && s.contains(PREFERRED_SOURCE_PORT)) {
            return PREFERRED_SOURCE_PORT;
        }
        if (dim == 1 || dim == 3) {
            IntervalSet ips = s.intersect(IntervalSet.of(BigInteger.ZERO, AddressSpace.ATOM_BASE.subtract(BigInteger.ONE)));
            if (!ips.isEmpty()) {
                return AddressSpace.representative(ips);
            }
        }
        return s.low(0);
    }
}
