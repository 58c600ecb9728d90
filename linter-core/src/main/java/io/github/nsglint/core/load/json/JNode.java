package io.github.nsglint.core.load.json;

import io.github.nsglint.core.model.SourceLocation;

/**
 * A JSON value that remembers where it came from. The ARM evaluator produces the same kinds of value, plus
 * {@link JUnknown} for what cannot be known before deployment; an evaluated value keeps the location of the
 * literal it came from (a rule built from a variable points at the variable's definition).
 */
public sealed interface JNode permits JObject, JArray, JString, JNumber, JBool, JNull, JUnknown {

    SourceLocation location();

    /** ARM's name of the value's type, as used in error messages ({@code String}, {@code Array}, ...). */
    String typeName();

    /** True when this value or anything inside it is Unknown. */
    default boolean containsUnknown() {
        return false;
    }
}
