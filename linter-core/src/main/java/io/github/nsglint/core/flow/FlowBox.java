package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.internal.net.IntervalSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A product set of flows in one direction: protocols × source addresses × source ports × destination
 * addresses × destination ports. An NSG rule matches exactly such a box.
 */
public record FlowBox(int protocols, AddressSet sources, IntervalSet sourcePorts, AddressSet destinations,
        IntervalSet destinationPorts) {

    /** Every port, and "no port" (-1) for protocols without ports. */
    public static final IntervalSet ANY_PORT = IntervalSet.of(Protocols.NO_PORT, 65535);
    static final IntervalSet REAL_PORTS = IntervalSet.of(0, 65535);
    static final IntervalSet NO_PORT = IntervalSet.of(Protocols.NO_PORT, Protocols.NO_PORT);

    public FlowBox {
        requireNonNull(sources, "sources is null");
        requireNonNull(sourcePorts, "sourcePorts is null");
        requireNonNull(destinations, "destinations is null");
        requireNonNull(destinationPorts, "destinationPorts is null");
    }

    public boolean isEmpty() {
        return protocols == 0 || sources.isEmpty() || sourcePorts.isEmpty() || destinations.isEmpty()
                || destinationPorts.isEmpty();
    }

    public FlowBox intersect(FlowBox o) {
        int p = protocols & o.protocols;
        AddressSet s = sources.intersect(o.sources);
        IntervalSet sp = sourcePorts.intersect(o.sourcePorts);
        AddressSet d = destinations.intersect(o.destinations);
        IntervalSet dp = destinationPorts.intersect(o.destinationPorts);
        if (p == protocols && s == sources && sp == sourcePorts && d == destinations && dp == destinationPorts) {
            return this; // the operations return an operand that is the answer: so may this
        }
        if (p == o.protocols && s == o.sources && sp == o.sourcePorts && d == o.destinations
                && dp == o.destinationPorts) {
            return o;
        }
        return new FlowBox(p, s, sp, d, dp);
    }

    public boolean intersects(FlowBox o) {
        return (protocols & o.protocols) != 0 && sourcePorts.intersects(o.sourcePorts)
                && destinationPorts.intersects(o.destinationPorts) && sources.intersects(o.sources)
                && destinations.intersects(o.destinations);
    }

    /** {@code this - o} as disjoint boxes: at most one per dimension. */
    public List<FlowBox> subtract(FlowBox o) {
        if (!intersects(o)) {
            return List.of(this);
        }
        List<FlowBox> out = new ArrayList<>(5);
        int p = protocols & ~o.protocols;
        if (p != 0) {
            out.add(new FlowBox(p, sources, sourcePorts, destinations, destinationPorts));
        }
        int pi = protocols & o.protocols;
        AddressSet s = sources.subtract(o.sources);
        if (!s.isEmpty()) {
            out.add(new FlowBox(pi, s, sourcePorts, destinations, destinationPorts));
        }
        AddressSet si = sources.intersect(o.sources);
        IntervalSet sp = sourcePorts.subtract(o.sourcePorts);
        if (!sp.isEmpty()) {
            out.add(new FlowBox(pi, si, sp, destinations, destinationPorts));
        }
        IntervalSet spi = sourcePorts.intersect(o.sourcePorts);
        AddressSet d = destinations.subtract(o.destinations);
        if (!d.isEmpty()) {
            out.add(new FlowBox(pi, si, spi, d, destinationPorts));
        }
        AddressSet di = destinations.intersect(o.destinations);
        IntervalSet dp = destinationPorts.subtract(o.destinationPorts);
        if (!dp.isEmpty()) {
            out.add(new FlowBox(pi, si, spi, di, dp));
        }
        return out;
    }

    /** The box as five sets on lines, in the order protocol, source, source port, destination, destination port. */
    IntervalSet[] lines() {
        return new IntervalSet[] {PROTOCOL_LINES[protocols & 63], sources.line(), sourcePorts, destinations.line(),
            destinationPorts};
    }

    /** Each combination of the six protocol bits as a set of bit numbers. */
    private static final IntervalSet[] PROTOCOL_LINES = new IntervalSet[64];

    static {
        for (int bits = 0; bits < 64; bits++) {
            IntervalSet p = IntervalSet.EMPTY;
            for (int bit = 0; bit < 6; bit++) {
                if ((bits & (1 << bit)) != 0) {
                    p = p.union(IntervalSet.of(bit, bit));
                }
            }
            PROTOCOL_LINES[bits] = p;
        }
    }

    /**
     * A corner of a non-empty box as a point of {@link #lines()}: the lowest value of every dimension, or the
     * highest. Cheap to make and to test, so it is tried before a cover search.
     */
    BigInteger[] corner(boolean high) {
        int bit = high ? 31 - Integer.numberOfLeadingZeros(protocols) : Integer.numberOfTrailingZeros(protocols);
        return new BigInteger[] {BigInteger.valueOf(bit), sources.corner(high), corner(sourcePorts, high),
            destinations.corner(high), corner(destinationPorts, high)};
    }

    private static BigInteger corner(IntervalSet s, boolean high) {
        return high ? s.high(s.intervalCount() - 1) : s.low(0);
    }

    /** Whether the flow at a point of {@link #lines()} is in this box. */
    boolean contains(BigInteger[] p) {
        int bit = p[0].intValue();
        return bit >= 0 && bit < 31 && (protocols & (1 << bit)) != 0 && sourcePorts.contains(p[2])
                && destinationPorts.contains(p[4]) && sources.containsPoint(p[1]) && destinations.containsPoint(p[3]);
    }

    /** The one-flow box at a point of {@link #lines()}. */
    static FlowBox point(BigInteger[] p) {
        return new FlowBox(1 << p[0].intValueExact(), AddressSet.point(p[1]), IntervalSet.of(p[2], p[2]),
                AddressSet.point(p[3]), IntervalSet.of(p[4], p[4]));
    }

    /** Whether every flow of {@code o} is in this box. */
    public boolean containsAll(FlowBox o) {
        return o.isEmpty() || ((o.protocols & ~protocols) == 0 && sources.containsAll(o.sources)
                && sourcePorts.containsAll(o.sourcePorts) && destinations.containsAll(o.destinations)
                && destinationPorts.containsAll(o.destinationPorts));
    }
}
