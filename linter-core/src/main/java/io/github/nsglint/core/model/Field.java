package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * A property of a model element as the linter knows it. A template can leave a value unset
 * ({@link Absent}), pin it down ({@link Known}), make it depend on something only known at deployment
 * ({@link Unknown}: a {@code reference()}, a parameter without a value) or give something Azure would reject
 * ({@link Invalid}). Rules must handle all four: an Unknown is never read as a pass.
 */
public sealed interface Field<T> permits Field.Known, Field.Absent, Field.Unknown, Field.Invalid {

    static <T> Field<T> known(T value) {
        return new Known<>(value);
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> absent() {
        return (Field<T>) Absent.INSTANCE;
    }

    static <T> Field<T> unknown(String reason, SourceLocation location) {
        return new Unknown<>(reason, location);
    }

    static <T> Field<T> invalid(String raw, String problem, SourceLocation location) {
        return new Invalid<>(raw, problem, location);
    }

    /** The value when known. */
    default Optional<T> known() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    /** The value when known, else {@code fallback} (for Absent only: Unknown and Invalid stay visible). */
    default T orDefault(T fallback) {
        if (this instanceof Known<T> k) {
            return k.value();
        }
        if (this instanceof Absent) {
            return fallback;
        }
        throw new IllegalStateException("value is not known: " + this);
    }

    /** Maps a known value; the other states carry over unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Field<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Known<T> k) {
            return new Known<>(mapper.apply(k.value()));
        }
        return (Field<R>) this;
    }

    /** A value the template pins down. */
    record Known<T>(T value) implements Field<T> {
        public Known {
            requireNonNull(value, "value is null");
        }
    }

    /** The template does not set the property; Azure's default applies. */
    record Absent<T>() implements Field<T> {
        private static final Absent<Object> INSTANCE = new Absent<>();
    }

    /** A value that depends on something only known at deployment; {@code location} is where it comes from. */
    record Unknown<T>(String reason, SourceLocation location) implements Field<T> {
        public Unknown {
            requireNonNull(reason, "reason is null");
            requireNonNull(location, "location is null");
        }
    }

    /** A value Azure would reject, kept as written so a rule can say what is wrong with it. */
    record Invalid<T>(String raw, String problem, SourceLocation location) implements Field<T> {
        public Invalid {
            requireNonNull(raw, "raw is null");
            requireNonNull(problem, "problem is null");
            requireNonNull(location, "location is null");
        }
    }
}
