package io.github.nsglint.core.fix;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;

/** Resolves RFC 6901 JSON pointers in the position-keeping tree. */
final class Pointers {

    private Pointers() {
    }

    /** The node at {@code pointer}, or null when there is none. */
    static JNode at(JNode root, String pointer) {
        JNode node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (node instanceof JObject o) {
                node = o.getOrNull(name);
            } else if (node instanceof JArray a && name.matches("\\d+") && Integer.parseInt(name) < a.size()) {
                node = a.get(Integer.parseInt(name));
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
