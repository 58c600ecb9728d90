package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object. Member lookup is case-insensitive, as ARM property names are ({@code SourceAddressPrefixes}
 * and {@code sourceAddressPrefixes} are the same property); the original spelling and order are kept.
 */
public record JObject(Map<String, JNode> members, SourceLocation location) implements JNode {

    public JObject {
        requireNonNull(location, "location is null");
        members = Members.copyOf(members); // the reader's own map is taken as it is; anything else is copied
    }

    /** The member named {@code name}, compared case-insensitively; an exact match is preferred. */
    public Optional<JNode> get(String name) {
        return Optional.ofNullable(getOrNull(name));
    }

    /** The member, or null when absent; for hot paths that would otherwise allocate an Optional. */
    public JNode getOrNull(String name) {
        return ((Members) members).find(name);
    }

    /** The member as an object when it is one. */
    public Optional<JObject> object(String name) {
        return get(name).filter(JObject.class::isInstance).map(JObject.class::cast);
    }

    /** The member as a string value when it is one. */
    public Optional<String> string(String name) {
        return get(name).filter(JString.class::isInstance).map(n -> ((JString) n).value());
    }

    public boolean has(String name) {
        return getOrNull(name) != null;
    }

    @Override
    public String typeName() {
        return "Object";
    }

    @Override
    public boolean containsUnknown() {
        for (JNode n : members.values()) {
            if (n.containsUnknown()) {
                return true;
            }
        }
        return false;
    }
}
