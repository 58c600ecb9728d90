package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.BitSet;

/**
 * A set of addresses: concrete IP intervals plus named atoms (see {@link Atoms}). Atoms and IP points are
 * separate coordinates of the address dimension: an atom stands for "the addresses of this tag", whatever they
 * are. How a rule's field relates to each atom is decided when the field is compiled (definitely, possibly,
 * or not at all), so set operations here stay exact.
 */
public final class AddressSet {

    public static final AddressSet EMPTY = new AddressSet(IntervalSet.EMPTY, new BitSet());

    private final IntervalSet ips;
    private final BitSet atoms;
    /** {@link #line()}, made on first use: cover checks ask for it once per rule and query. */
    private volatile IntervalSet line;

    private AddressSet(IntervalSet ips, BitSet atoms) {
        this.ips = ips;
        this.atoms = atoms;
    }

    public static AddressSet of(IntervalSet ips, BitSet atoms) {
        return new AddressSet(requireNonNull(ips, "ips is null"), (BitSet) atoms.clone());
    }

    public static AddressSet ofIps(IntervalSet ips) {
        return new AddressSet(requireNonNull(ips, "ips is null"), new BitSet());
    }

    public static AddressSet ofAtom(int atom) {
        BitSet b = new BitSet();
        b.set(atom);
        return new AddressSet(IntervalSet.EMPTY, b);
    }

    public IntervalSet ips() {
        return ips;
    }

    /** A copy of the atom ids. */
    public BitSet atoms() {
        return (BitSet) atoms.clone();
    }

    public boolean hasAtom(int atom) {
        return atoms.get(atom);
    }

    /** The lowest atom id, or -1. */
    public int firstAtom() {
        return atoms.nextSetBit(0);
    }

    /** The set on one line: IP points as they are, atom {@code i} at {@code ATOM_BASE + i}. */
    IntervalSet line() {
        IntervalSet s = line;
        if (s == null) {
            s = ips;
            if (!atoms.isEmpty()) {
                // Atoms lie above every address, in ascending order: appended in one pass.
                IntervalSet.Builder b = new IntervalSet.Builder(ips.intervalCount() + atoms.cardinality());
                for (int i = 0; i < ips.intervalCount(); i++) {
                    b.add(ips.low(i), ips.high(i));
                }
                for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(i + 1)) {
                    BigInteger p = AddressSpace.ATOM_BASE.add(BigInteger.valueOf(i));
                    b.add(p, p);
                }
                s = b.build();
            }
            line = s;
        }
        return s;
    }

    /** The single address (or atom) at a point of {@link #line()}. */
    static AddressSet point(BigInteger p) {
        if (p.compareTo(AddressSpace.ATOM_BASE) >= 0) {
            return ofAtom(p.subtract(AddressSpace.ATOM_BASE).intValueExact());
        }
        return ofIps(IntervalSet.of(p, p));
    }

    public boolean isEmpty() {
        return ips.isEmpty() && atoms.isEmpty();
    }

    public AddressSet union(AddressSet o) {
        BitSet b = (BitSet) atoms.clone();
        b.or(o.atoms);
        return new AddressSet(ips.union(o.ips), b);
    }

    public AddressSet intersect(AddressSet o) {
        BitSet b = (BitSet) atoms.clone();
        b.and(o.atoms);
        return new AddressSet(ips.intersect(o.ips), b);
    }

    public boolean intersects(AddressSet o) {
        return atoms.intersects(o.atoms) || ips.intersects(o.ips);
    }

    public AddressSet subtract(AddressSet o) {
        BitSet b = (BitSet) atoms.clone();
        b.andNot(o.atoms);
        return new AddressSet(ips.subtract(o.ips), b);
    }

    public boolean containsAll(AddressSet o) {
        BitSet missing = (BitSet) o.atoms.clone();
        missing.andNot(atoms);
        return missing.isEmpty() && ips.containsAll(o.ips);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressSet s && ips.equals(s.ips) && atoms.equals(s.atoms);
    }

    @Override
    public int hashCode() {
        return ips.hashCode() * 31 + atoms.hashCode();
    }

    @Override
    public String toString() {
        return ips + (atoms.isEmpty() ? "" : "+atoms" + atoms);
    }
}
