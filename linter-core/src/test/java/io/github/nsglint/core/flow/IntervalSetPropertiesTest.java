package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.nsglint.core.internal.net.IntervalSet;
import java.math.BigInteger;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The set algebra against membership, on sets whose bounds cluster where the representation changes: ports,
 * the IPv4/IPv6 seam at 2^32, and the last bounds a {@code long} holds, so small sets (long bounds) meet large
 * ones (BigInteger bounds) in every combination. A result is right when every point that can tell (each bound
 * of the operands and of the result, and its neighbours) is in it exactly when the operation says, and it is in
 * canonical form: equal to the same intervals put together one by one.
 */
class IntervalSetPropertiesTest {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger V6 = BigInteger.ONE.shiftLeft(32);

    @Property(tries = 1000)
    void operationsAgreeWithMembership(@ForAll("sets") IntervalSet a, @ForAll("sets") IntervalSet b) {
        Statistics.label("kinds").collect(kind(a) + "/" + kind(b));
        IntervalSet union = a.union(b);
        IntervalSet intersection = a.intersect(b);
        IntervalSet difference = a.subtract(b);
        boolean anyShared = false;
        for (BigInteger x : probes(a, b, union, intersection, difference)) {
            boolean inA = a.contains(x);
            boolean inB = b.contains(x);
            assertEquals(inA || inB, union.contains(x), () -> x + " in " + a + " | " + b);
            assertEquals(inA && inB, intersection.contains(x), () -> x + " in " + a + " & " + b);
            assertEquals(inA && !inB, difference.contains(x), () -> x + " in " + a + " - " + b);
            anyShared |= inA && inB;
        }
        assertEquals(anyShared, a.intersects(b), () -> a + " meets " + b);
        assertEquals(anyShared, b.intersects(a), () -> b + " meets " + a);
        assertEquals(b.subtract(a).isEmpty(), a.containsAll(b), () -> a + " holds " + b);
        assertEquals(a.subtract(b).isEmpty(), b.containsAll(a), () -> b + " holds " + a);
        for (IntervalSet r : List.of(union, intersection, difference, b.intersect(a), b.subtract(a))) {
            assertEquals(rebuilt(r), r);
        }
        // The mixed pairs are the point of this test: they must come up often.
        Statistics.label("kinds").coverage(c -> {
            c.check("small/large").count(n -> n >= 50);
            c.check("large/small").count(n -> n >= 50);
        });
    }

    /** The same operations a second time: a large set keeps its low part, and that must not change answers. */
    @Property(tries = 300)
    void repeatedOperationsGiveTheSameSets(@ForAll("sets") IntervalSet a, @ForAll("sets") IntervalSet b) {
        IntervalSet first = a.intersect(b);
        boolean meets = a.intersects(b);
        IntervalSet rest = a.subtract(b);
        assertEquals(first, a.intersect(b));
        assertEquals(first, b.intersect(a));
        assertEquals(meets, a.intersects(b));
        assertEquals(rest, a.subtract(b));
    }

    /**
     * A set within one interval of the other comes back as itself, not a copy: boxes and address sets built on
     * it keep what they made from it (an address set's line), which the flow engine relies on to stay fast.
     */
    @Property(tries = 300)
    void aSetWithinOneIntervalIsItsOwnIntersection(@ForAll("sets") IntervalSet a, @ForAll("sets") IntervalSet b) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        IntervalSet hull = IntervalSet.of(a.first().min(b.first()), a.high(a.intervalCount() - 1)
                .max(b.high(b.intervalCount() - 1)));
        if (hull.equals(a)) {
            return; // either operand is the answer
        }
        assertSame(a, a.intersect(hull));
        assertSame(a, hull.intersect(a));
        AddressSet addresses = AddressSet.ofIps(a);
        assertSame(addresses, addresses.intersect(AddressSet.ofIps(hull)));
        FlowBox box = new FlowBox(Protocols.TCP, addresses, FlowBox.ANY_PORT, addresses, FlowBox.ANY_PORT);
        FlowBox wide = new FlowBox(Protocols.ALL, AddressSet.ofIps(hull), FlowBox.ANY_PORT, AddressSet.ofIps(hull),
                FlowBox.ANY_PORT);
        assertSame(box, box.intersect(wide));
        assertSame(box, wide.intersect(box));
    }

    @Provide
    Arbitrary<IntervalSet> sets() {
        Arbitrary<BigInteger> bound = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 70_000).map(BigInteger::valueOf),
                Arbitraries.longs().between(-50, 50).map(d -> V6.add(BigInteger.valueOf(d)).max(BigInteger.ZERO)),
                Arbitraries.longs().between(-5, 5).map(d -> LONG_MAX.add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(0, 1000).map(d -> V6.add(BigInteger.ONE.shiftLeft(128)).subtract(
                        BigInteger.valueOf(d))));
        Arbitrary<IntervalSet> interval = Combinators.combine(bound, bound)
                .as((x, y) -> IntervalSet.of(x.min(y), x.max(y)));
        return interval.list().ofMinSize(0).ofMaxSize(5).map(parts -> {
            IntervalSet s = IntervalSet.EMPTY;
            for (IntervalSet p : parts) {
                s = s.union(p);
            }
            return s;
        });
    }

    private static String kind(IntervalSet s) {
        return s.isEmpty() ? "empty" : s.high(s.intervalCount() - 1).compareTo(LONG_MAX.subtract(BigInteger.ONE)) <= 0
                ? "small" : "large";
    }

    /** Every bound of the sets and its neighbours: where membership can change. */
    private static TreeSet<BigInteger> probes(IntervalSet... sets) {
        TreeSet<BigInteger> out = new TreeSet<>();
        for (IntervalSet s : sets) {
            for (int i = 0; i < s.intervalCount(); i++) {
                for (BigInteger b : List.of(s.low(i), s.high(i))) {
                    out.add(b);
                    out.add(b.add(BigInteger.ONE));
                    if (b.signum() > 0) {
                        out.add(b.subtract(BigInteger.ONE));
                    }
                }
            }
        }
        return out;
    }

    private static IntervalSet rebuilt(IntervalSet s) {
        IntervalSet out = IntervalSet.EMPTY;
        for (int i = 0; i < s.intervalCount(); i++) {
            out = out.union(IntervalSet.of(s.low(i), s.high(i)));
        }
        return out;
    }
}
