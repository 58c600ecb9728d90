package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

/**
 * How an element gets into Azure: declared by the scanned template (possibly under a {@code condition} the
 * linter cannot decide), read from a live resource export, or only referenced (an {@code existing}
 * resource, or an ID pointing outside the scanned files), in which case its properties are not known.
 *
 * @param condition the template's {@code condition}; Known(true) when there is none
 */
public record Deployment(Origin origin, Field<Boolean> condition) {

    public static final Deployment DECLARED = new Deployment(Origin.TEMPLATE, Field.known(true));
    public static final Deployment LIVE = new Deployment(Origin.LIVE, Field.known(true));
    public static final Deployment REFERENCED = new Deployment(Origin.REFERENCED, Field.known(true));

    public Deployment {
        requireNonNull(origin, "origin is null");
        requireNonNull(condition, "condition is null");
    }

    /** Where the element's description comes from. */
    public enum Origin {
        /** Declared in a scanned template (top level, child or nested deployment). */
        TEMPLATE,
        /** Read from a live resource export ({@code az ... show}, {@code az resource list}, Resource Graph). */
        LIVE,
        /** Not declared in the scanned files; only referenced, so its properties are unknown. */
        REFERENCED
    }
}
