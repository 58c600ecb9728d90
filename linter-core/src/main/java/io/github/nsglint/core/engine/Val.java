package io.github.nsglint.core.engine;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.SourceLocation;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value in a rule's evaluation. Every value carries {@code at}: where it is in the user's template, so a
 * finding about it points there. Absent and Unknown are values too: {@code exists} tells absent from present,
 * and anything that touches an Unknown is Unknown.
 */
sealed interface Val permits Val.Str, Val.Int, Val.Bool, Val.Items, Val.Elem, Val.Absent, Val.Unknown {

    SourceLocation at();

    record Str(String value, SourceLocation at) implements Val {
        public Str {
            requireNonNull(value, "value is null");
        }
    }

    record Int(long value, SourceLocation at) implements Val {
    }

    record Bool(boolean value, SourceLocation at) implements Val {
    }

    /**
     * A list. {@code doubts} names the elements only perhaps in it (by the model object, with why): a rule that
     * ranges over the list judges them too, but at most as indeterminate.
     */
    record Items(List<Val> items, SourceLocation at, Map<Object, String> doubts) implements Val {
        public Items {
            items = List.copyOf(items);
            doubts = doubts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new IdentityHashMap<>(doubts));
        }

        Items(List<Val> items, SourceLocation at) {
            this(items, at, Map.of());
        }

        /** Why {@code item} is only perhaps in the list, or null. */
        String doubtAbout(Val item) {
            return item instanceof Elem e ? doubts.get(e.element()) : null;
        }
    }

    /** A model element of a kind of the schema ({@code subnet}, {@code nsg}, ...). */
    record Elem(String kind, Object element, SourceLocation at) implements Val {
        public Elem {
            requireNonNull(kind, "kind is null");
            requireNonNull(element, "element is null");
        }
    }

    /** Not set in the template. */
    record Absent(SourceLocation at) implements Val {
    }

    /**
     * Known only at deployment, or not in the scanned files: {@code reason} says which. {@code possible} lists the
     * values it can take when the template narrows them down (the ports a VM needs are 22 or 3389 by its unknown
     * OS), else it is empty: any value. A flow expectation is judged in each possible value, and is certain when
     * every one gives the same answer.
     */
    record Unknown(String reason, SourceLocation at, List<Val> possible) implements Val {
        public Unknown {
            requireNonNull(reason, "reason is null");
            possible = List.copyOf(possible);
        }

        Unknown(String reason, SourceLocation at) {
            this(reason, at, List.of());
        }
    }

    /** A model field as a value; {@code fallback} is Azure's default when the template leaves it unset. */
    static <T> Val of(Field<T> f, Val fallback, SourceLocation at, java.util.function.Function<T, Val> known) {
        if (f instanceof Field.Known<T> k) {
            return known.apply(k.value());
        }
        if (f instanceof Field.Unknown<T> u) {
            return new Unknown(u.reason(), u.location());
        }
        if (f instanceof Field.Invalid<T> i) {
            return new Unknown("the value '" + i.raw() + "' is invalid: " + i.problem(), i.location());
        }
        return fallback != null ? fallback : new Absent(at);
    }

    static Val str(Field<String> f, String fallback, SourceLocation at) {
        return of(f, fallback == null ? null : new Str(fallback, at), at, v -> new Str(v, at));
    }

    static Val bool(Field<Boolean> f, boolean fallback, SourceLocation at) {
        return of(f, new Bool(fallback, at), at, v -> new Bool(v, at));
    }

    static Val strings(Field<List<String>> f, SourceLocation at) {
        return of(f, new Items(List.of(), at), at,
                v -> new Items(v.stream().map(s -> (Val) new Str(s, at)).toList(), at));
    }

    /** How the value reads in a message. */
    static String display(Val v) {
        if (v instanceof Str s) {
            return s.value();
        }
        if (v instanceof Int i) {
            return String.valueOf(i.value());
        }
        if (v instanceof Bool b) {
            return String.valueOf(b.value());
        }
        if (v instanceof Items l) {
            return l.items().stream().map(Val::display).toList().toString();
        }
        if (v instanceof Elem e) {
            return Schema.nameOf(e);
        }
        if (v instanceof Absent) {
            return "(not set)";
        }
        return "(unknown: " + ((Unknown) v).reason() + ")";
    }
}
