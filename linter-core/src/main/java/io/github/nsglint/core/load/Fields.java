package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JBool;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JNumber;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.load.json.OpaqueSymbols;
import io.github.nsglint.core.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads evaluated JSON values into model {@link Field}s: Absent, Known, Unknown or Invalid. */
final class Fields {

    private Fields() {
    }

    /**
     * The property bag of a resource or sub-resource: its {@code properties} object in templates and REST
     * exports, or the object itself in Azure CLI output, which flattens {@code properties}.
     */
    static JNode props(JNode node) {
        if (node instanceof JObject o) {
            JNode p = o.getOrNull("properties");
            if (p instanceof JObject || p instanceof JUnknown) {
                return p;
            }
            return o;
        }
        return node;
    }

    static JNode member(JNode owner, String name) {
        return owner instanceof JObject o ? o.getOrNull(name) : null;
    }

    static Field<String> string(JNode owner, String name) {
        return string(member(owner, name), owner, name);
    }

    static Field<String> string(JNode v, JNode owner, String name) {
        return read(v, owner, name, false);
    }

    /**
     * A name: a required parameter with no value ({@link OpaqueSymbols}) is read as the expression that names it,
     * {@code [parameters('nsgName')]}, since whatever its value, everything that names it names the same thing.
     */
    static Field<String> name(JNode owner, String name) {
        return read(member(owner, name), owner, name, true);
    }

    /** A resource ID, read like {@link #name} so that IDs built from the same parameters are equal. */
    static Field<String> identifier(JNode v, JNode owner, String name) {
        return read(v, owner, name, true);
    }

    private static Field<String> read(JNode v, JNode owner, String name, boolean symbolsAsNames) {
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.absent();
        }
        if (v instanceof JString s) {
            if (OpaqueSymbols.in(s.value())) {
                return symbolsAsNames ? Field.known(OpaqueSymbols.readable(s.value()))
                        : Field.unknown(OpaqueSymbols.reason(s.value()), s.location());
            }
            return Field.known(s.value());
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v instanceof JNumber n) {
            return Field.known(n.value().toPlainString());
        }
        return Field.invalid(text(v), name + " must be a string", v.location());
    }

    static Field<Boolean> bool(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.absent();
        }
        if (v instanceof JBool b) {
            return Field.known(b.value());
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v instanceof JString s && OpaqueSymbols.in(s.value())) {
            return Field.unknown(OpaqueSymbols.reason(s.value()), s.location());
        }
        if (v instanceof JString s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Field.known(Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT)));
        }
        return Field.invalid(text(v), name + " must be true or false", v.location());
    }

    static Field<Integer> integer(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.absent();
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        try {
            if (v instanceof JNumber n) {
                return Field.known(n.value().intValueExact());
            }
            if (v instanceof JString s && OpaqueSymbols.in(s.value())) {
                return Field.unknown(OpaqueSymbols.reason(s.value()), s.location());
            }
            if (v instanceof JString s) {
                return Field.known(Integer.parseInt(s.value().trim()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to Invalid
        }
        return Field.invalid(text(v), name + " must be an integer", v.location());
    }

    /** An enumeration parsed case-insensitively, as ARM does. */
    static <E> Field<E> enumeration(JNode owner, String name, Function<String, Optional<E>> parse, String allowed) {
        Field<String> raw = string(owner, name);
        if (raw instanceof Field.Known<String> k) {
            Optional<E> parsed = parse.apply(k.value());
            JNode v = member(owner, name);
            return parsed.map(Field::known).orElseGet(() ->
                    Field.invalid(k.value(), name + " must be one of " + allowed, v.location()));
        }
        @SuppressWarnings("unchecked")
        Field<E> other = (Field<E>) raw;
        return other;
    }

    /** A list of strings; a single string is taken as a list of one. */
    static Field<List<String>> strings(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.absent();
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v instanceof JString s) {
            return string(s, owner, name).map(List::of);
        }
        if (!(v instanceof JArray a)) {
            return Field.invalid(text(v), name + " must be an array of strings", v.location());
        }
        List<String> out = new ArrayList<>(a.size());
        for (JNode e : a.elements()) {
            if (e instanceof JUnknown u) {
                return Field.unknown(u.reason(), u.location());
            }
            if (e instanceof JString s && OpaqueSymbols.in(s.value())) {
                return Field.unknown(OpaqueSymbols.reason(s.value()), s.location());
            } else if (e instanceof JString s) {
                out.add(s.value());
            } else if (e instanceof JNumber n) {
                out.add(n.value().toPlainString());
            } else {
                return Field.invalid(text(v), name + " must be an array of strings", e.location());
            }
        }
        return Field.known(List.copyOf(out));
    }

    /** The ID of a sub-resource reference {@code {"id": "..."}}. */
    static Field<String> reference(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.absent();
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v instanceof JObject o) {
            if (o.getOrNull("id") == null) {
                // Azure links a sub-resource by its ID; what is written inline (an NSG's rules under a subnet, as
                // three real samples do) is not a resource of its own, and is never dropped without a word.
                return Field.invalid(text(v), name + " has no 'id'" + (o.members().isEmpty() ? ""
                        : ", only properties written inline") + ": Azure links it by resource ID, so which one this"
                        + " is is not known (declare it as its own resource and refer to its id)", v.location());
            }
            return identifier(o.getOrNull("id"), o, name + ".id");
        }
        return Field.invalid(text(v), name + " must be an object with an id", v.location());
    }

    /** The IDs of a list of sub-resource references {@code [{"id": ...}, ...]}. */
    static Field<List<String>> references(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.known(List.of());
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (!(v instanceof JArray a)) {
            return Field.invalid(text(v), name + " must be an array of references", v.location());
        }
        List<String> out = new ArrayList<>();
        for (JNode e : a.elements()) {
            Field<String> id = e instanceof JObject o ? identifier(o.getOrNull("id"), o, name + ".id")
                    : e instanceof JUnknown u ? Field.unknown(u.reason(), u.location())
                    : Field.invalid(text(e), name + " must hold references", e.location());
            if (!(id instanceof Field.Known<String> k)) {
                @SuppressWarnings("unchecked")
                Field<List<String>> other = (Field<List<String>>) (Field<?>) id;
                return other;
            }
            out.add(k.value());
        }
        return Field.known(List.copyOf(out));
    }

    /** The elements of an array member: Absent/null is an empty list; Unknown stays Unknown. */
    static Field<List<JNode>> elements(JNode owner, String name) {
        JNode v = member(owner, name);
        if (owner instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v == null || v instanceof JNull) {
            return Field.known(List.of());
        }
        if (v instanceof JUnknown u) {
            return Field.unknown(u.reason(), u.location());
        }
        if (v instanceof JArray a) {
            for (JNode e : a.elements()) {
                if (e instanceof JUnknown u) {
                    return Field.unknown(u.reason(), u.location());
                }
            }
            return Field.known(a.elements());
        }
        return Field.invalid(text(v), name + " must be an array", v.location());
    }

    static String text(JNode v) {
        if (v instanceof JString s) {
            return OpaqueSymbols.readable(s.value());
        }
        if (v instanceof JNumber n) {
            return n.value().toPlainString();
        }
        if (v instanceof JBool b) {
            return String.valueOf(b.value());
        }
        return v.typeName();
    }
}
