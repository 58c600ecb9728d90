package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/** A JSON array; elements may be Unknown individually. */
public record JArray(List<JNode> elements, SourceLocation location) implements JNode {

    public JArray {
        requireNonNull(location, "location is null");
        // The reader hands over a list it never touches again; anything else is copied.
        elements = elements instanceof Owned<JNode> owned ? java.util.Collections.unmodifiableList(owned)
                : List.copyOf(elements);
    }

    /** A list whose only reference the creator gives to the record, so it need not be copied. */
    static final class Owned<E> extends java.util.ArrayList<E> {
        private static final long serialVersionUID = 1L;
    }

    public int size() {
        return elements.size();
    }

    public JNode get(int index) {
        return elements.get(index);
    }

    @Override
    public String typeName() {
        return "Array";
    }

    @Override
    public boolean containsUnknown() {
        for (JNode n : elements) {
            if (n.containsUnknown()) {
                return true;
            }
        }
        return false;
    }
}
