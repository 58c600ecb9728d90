package io.github.nsglint.core.load.json;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import java.util.List;

/** A JSON array; elements may be Unknown individually. */
public record JArray(List<JNode> elements, SourceLocation location) implements JNode {

    public JArray {
        requireNonNull(location, "location is null");
        elements = List.copyOf(elements);
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
