package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A JSON pointer (RFC 6901) kept as its parent plus one segment and rendered on first use. Every node of every
 * template has one, and most are never printed, so building them all as strings would dominate loading.
 */
public final class PointerPath {

    /** The whole document: the empty pointer. */
    public static final PointerPath ROOT = new PointerPath(null, null, -1);

    private final PointerPath parent;
    private final String name;
    private final int index;
    /** Rendered on first use; a race renders the same string twice, which is harmless (String is immutable). */
    private String text;

    private PointerPath(PointerPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        if (parent == null) {
            this.text = "";
        }
    }

    /** A pointer given as text. */
    public static PointerPath of(String pointer) {
        requireNonNull(pointer, "pointer is null");
        PointerPath p = new PointerPath(ROOT, null, -1);
        p.text = pointer;
        return p;
    }

    /** The member {@code name} of the object this pointer designates. */
    public PointerPath member(String memberName) {
        return new PointerPath(this, requireNonNull(memberName, "memberName is null"), -1);
    }

    /** Element {@code i} of the array this pointer designates. */
    public PointerPath element(int i) {
        return new PointerPath(this, null, i);
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder(parent.toString()).append('/');
            if (name != null) {
                sb.append(name.replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(index);
            }
            t = sb.toString();
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointerPath p && toString().equals(p.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
