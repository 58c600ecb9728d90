package io.github.nsglint.core.flow;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;

/**
 * What a rule's address field matches: {@code definite} flows certainly, {@code possible} flows perhaps
 * (a superset). Where they differ, {@code reason} says why the linter cannot tell and {@code at} where that
 * comes from.
 */
record AddressMatch(AddressSet definite, AddressSet possible, String reason, SourceLocation at) {

    AddressMatch {
        requireNonNull(definite, "definite is null");
        requireNonNull(possible, "possible is null");
    }

    static AddressMatch exact(AddressSet s) {
        return new AddressMatch(s, s, null, null);
    }

    AddressMatch union(AddressMatch o) {
        if (definite.isEmpty() && possible.isEmpty() && reason == null) {
            return o; // the empty start of a field's union: keeps the token's shared sets
        }
        return new AddressMatch(definite.union(o.definite), possible.union(o.possible),
                reason != null ? reason : o.reason, at != null ? at : o.at);
    }
}
