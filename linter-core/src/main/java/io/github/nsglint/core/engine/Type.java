package io.github.nsglint.core.engine;

import static java.util.Objects.requireNonNull;

/** The static type of an expression: a primitive, a kind of model element, or a list of one of those. */
record Type(String name, Type element) {

    static final Type STRING = new Type("string", null);
    static final Type INT = new Type("int", null);
    static final Type BOOL = new Type("bool", null);
    /** An address in a flow assertion: a service tag, a CIDR, a subnet's or VNet's addresses. */
    static final Type ADDRESS = new Type("address", null);

    public Type {
        requireNonNull(name, "name is null");
    }

    static Type kind(String kind) {
        return new Type(kind, null);
    }

    static Type listOf(Type element) {
        return new Type("list", element);
    }

    /** A list; its element type is null when not known (an empty list literal, any list). */
    boolean isList() {
        return name.equals("list");
    }

    boolean isElement() {
        return Schema.KINDS.containsKey(name);
    }

    // equals and hashCode are written out, with the record's meaning (every component): the generated ones are
    // linked through invokedynamic on first use, which cost a cold run ~14 ms (ObjectMethods bootstrap, profiled).
    @Override
    public boolean equals(Object o) {
        return o instanceof Type t && name.equals(t.name) && java.util.Objects.equals(element, t.element);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Objects.hashCode(element);
    }

    @Override
    public String toString() {
        return isList() ? "list" + (element == null ? "" : " of " + element) : name;
    }
}
