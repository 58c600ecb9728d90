package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
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
        return new AddressSet(requireNonNull(ips, "ips is null"), copy(atoms));
    }

    /** Without copying {@code atoms}: for callers that share one set between many and never change it. */
    static AddressSet shared(IntervalSet ips, BitSet atoms) {
        return new AddressSet(requireNonNull(ips, "ips is null"), atoms);
    }

    public static AddressSet ofIps(IntervalSet ips) {
        return new AddressSet(requireNonNull(ips, "ips is null"), new BitSet());
    }

    public static AddressSet ofAtom(int atom) {
        BitSet b = new BitSet();
        b.set(atom);
        return new AddressSet(IntervalSet.EMPTY, b);
    }

    /**
     * A copy made with {@code or}, not {@code clone()}: the engine copies atom sets on every set operation, and
     * outside C2 {@code clone()} is a native call. The sets held here are never changed after construction, so
     * one may be shared between AddressSets ({@link #NO_ATOMS}, an operand's set).
     */
    private static BitSet copy(BitSet atoms) {
        BitSet b = new BitSet();
        b.or(atoms);
        return b;
    }

    /** The empty atom set, shared; never changed. */
    private static final BitSet NO_ATOMS = new BitSet();

    public IntervalSet ips() {
        return ips;
    }

    /** A copy of the atom ids. */
    public BitSet atoms() {
        return copy(atoms);
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
                for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(atoms.nextClearBit(i))) {
                    int end = atoms.nextClearBit(i); // a run of atoms is one interval
                    b.add(AddressSpace.ATOM_BASE.add(BigInteger.valueOf(i)),
                            AddressSpace.ATOM_BASE.add(BigInteger.valueOf(end - 1)));
                }
                s = b.build();
            }
            line = s;
        }
        return s;
    }

    /** The lowest or highest point of {@link #line()} (atoms lie above every address); the set must not be empty. */
    BigInteger corner(boolean high) {
        if (high && !atoms.isEmpty()) {
            return AddressSpace.ATOM_BASE.add(BigInteger.valueOf(atoms.length() - 1));
        }
        if (!ips.isEmpty()) {
            return high ? ips.high(ips.intervalCount() - 1) : ips.low(0);
        }
        return AddressSpace.ATOM_BASE.add(BigInteger.valueOf(atoms.nextSetBit(0)));
    }

    /** Whether a point of {@link #line()} is in the set, without making the line. */
    boolean containsPoint(BigInteger p) {
        if (p.compareTo(AddressSpace.ATOM_BASE) >= 0) {
            BigInteger atom = p.subtract(AddressSpace.ATOM_BASE);
            return atom.bitLength() < 31 && atoms.get(atom.intValue());
        }
        return ips.contains(p);
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
        // Shared sets stay shared, so the lines they have made are reused (rules naming one token are common).
        if (o == this || o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        BitSet b = copy(atoms);
        b.or(o.atoms);
        return new AddressSet(ips.union(o.ips), b);
    }

    public AddressSet intersect(AddressSet o) {
        if (o == this) {
            return this;
        }
        BitSet b = NO_ATOMS;
        if (atoms.intersects(o.atoms)) {
            b = copy(atoms);
            b.and(o.atoms);
        }
        IntervalSet i = ips.intersect(o.ips);
        // An operand that is the answer is returned as it is, with its line already made (see IntervalSet).
        if (i == ips && b.equals(atoms)) {
            return this;
        }
        if (i == o.ips && b.equals(o.atoms)) {
            return o;
        }
        return new AddressSet(i, b);
    }

    public boolean intersects(AddressSet o) {
        return atoms.intersects(o.atoms) || ips.intersects(o.ips);
    }

    public AddressSet subtract(AddressSet o) {
        BitSet b = atoms;
        if (atoms.intersects(o.atoms)) {
            b = copy(atoms);
            b.andNot(o.atoms);
        }
        return new AddressSet(ips.subtract(o.ips), b);
    }

    public boolean containsAll(AddressSet o) {
        for (int i = o.atoms.nextSetBit(0); i >= 0; i = o.atoms.nextSetBit(i + 1)) {
            if (!atoms.get(i)) {
                return false;
            }
        }
        return ips.containsAll(o.ips);
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
