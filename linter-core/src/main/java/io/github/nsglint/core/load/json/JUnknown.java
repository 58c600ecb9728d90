package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/**
 * A value that is only known at deployment (a {@code reference()}, a {@code list*()} call, a parameter with no
 * value) or that the evaluator cannot compute. It propagates through every function that uses it and is
 * never replaced by a guess.
 *
 * @param reason   why it is unknown, for the user
 * @param location the expression that made it unknown
 */
public record JUnknown(String reason, SourceLocation location) implements JNode {

    public JUnknown {
        requireNonNull(reason, "reason is null");
        requireNonNull(location, "location is null");
    }

    @Override
    public String typeName() {
        return "Unknown";
    }

    @Override
    public boolean containsUnknown() {
        return true;
    }
}
