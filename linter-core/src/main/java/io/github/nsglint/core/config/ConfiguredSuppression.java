package io.github.nsglint.core.config;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.NamePattern;
import io.github.nsglint.core.model.SourceLocation;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A finding the project accepts, from the configuration file: a rule, the resources it covers (a
 * case-insensitive pattern where {@code *} is any text and {@code ?} one character, matched against the resource
 * ID, its name as in the ID, e.g. {@code hub/AzureBastionSubnet}, and its last name segment; a resource covers
 * its children, so {@code nsg-jump} also covers the findings about its security rules), why, and until when.
 *
 * @param expires the last day the suppression holds, or null for no end
 */
public record ConfiguredSuppression(String rule, String resource, String justification, LocalDate expires,
        SourceLocation location) {

    public ConfiguredSuppression {
        requireNonNull(rule, "rule is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(justification, "justification is null");
        requireNonNull(location, "location is null");
    }

    /** Whether this suppression covers {@code resourceId} (a full ARM resource ID) or one of its parents. */
    public boolean covers(String resourceId) {
        return new NamePattern(resource).matchesResource(resourceId);
    }

    /** Whether the suppression has ended by {@code today}: it holds through its {@code expires} day. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** For messages: {@code NSG001 for 'nsg-jump*'}. */
    public String describe() {
        return rule.toUpperCase(Locale.ROOT) + " for '" + resource + "'";
    }
}
