package io.github.nsglint.core.config;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

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
        Pattern p = glob(resource);
        for (String id = resourceId; id != null; id = parent(id)) {
            for (String candidate : names(id)) {
                if (p.matcher(candidate).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The parent resource of a child's ID ({@code .../nsg/securityRules/r} → {@code .../nsg}), or null. */
    static String parent(String id) {
        String[] segments = id.split("/");
        int providers = lastProviders(segments);
        // providers/<namespace>/<type>/<name> is a top-level resource; each further type/name pair is a child.
        if (providers < 0 || segments.length - providers <= 4) {
            return null;
        }
        return String.join("/", java.util.Arrays.copyOf(segments, segments.length - 2));
    }

    /** The ID, the name as written in the ID ({@code hub/AzureBastionSubnet}) and the last segment. */
    static String[] names(String id) {
        String[] segments = id.split("/");
        int providers = lastProviders(segments);
        StringBuilder name = new StringBuilder();
        // After "providers/<namespace>": type, name, child type, child name, ...
        for (int i = providers + 3; providers >= 0 && i < segments.length; i += 2) {
            name.append(name.isEmpty() ? "" : "/").append(segments[i]);
        }
        String last = segments.length == 0 ? id : segments[segments.length - 1];
        return new String[] {id, name.toString(), last};
    }

    /** Where the last {@code providers} segment is (an extension resource's ID has two), or -1. */
    private static int lastProviders(String[] segments) {
        for (int i = segments.length - 1; i >= 0; i--) {
            if (segments[i].equalsIgnoreCase("providers")) {
                return i;
            }
        }
        return -1;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
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
