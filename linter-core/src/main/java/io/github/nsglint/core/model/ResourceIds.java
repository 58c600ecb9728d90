package io.github.nsglint.core.model;

import java.util.Locale;

/** Resource ID helpers. ARM compares IDs case-insensitively; so does everything here. */
public final class ResourceIds {

    private ResourceIds() {
    }

    /** The form used as a key in maps: lower case, no trailing slash. */
    public static String key(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    /** The ID of the parent resource ({@code .../virtualNetworks/hub/subnets/a} gives {@code .../virtualNetworks/hub}). */
    public static String parent(String id) {
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        int last = trimmed.lastIndexOf('/');
        if (last <= 0) {
            return "";
        }
        int typeSlash = trimmed.lastIndexOf('/', last - 1);
        return typeSlash <= 0 ? "" : trimmed.substring(0, typeSlash);
    }

    /** The last name segment. */
    public static String name(String id) {
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
