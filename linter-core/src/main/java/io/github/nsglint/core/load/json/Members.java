package io.github.nsglint.core.load.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of a JSON object: an immutable map in declaration order, on two arrays. A template has hundreds of
 * thousands of small objects whose members are looked up by name, mostly names they do not have (a security rule
 * is asked for both the singular and the plural of every field); arrays scanned once, for the exact name and
 * the first that differs only in case, do that with no hashing and no wrapper objects, and take less memory than
 * a linked hash map.
 * Objects with many members get a hash index as well.
 */
final class Members extends AbstractMap<String, JNode> {

    static final Members EMPTY = new Members(new String[0], new JNode[0], 0);

    /** Above this many members, exact lookups go through a hash index. */
    private static final int INDEX_ABOVE = 12;

    private final String[] keys;
    private final JNode[] values;
    private final Map<String, Integer> index;

    private Members(String[] keys, JNode[] values, int size) {
        this.keys = keys.length == size ? keys : copy(keys, new String[size]);
        this.values = values.length == size ? values : copy(values, new JNode[size]);
        if (size > INDEX_ABOVE) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(this.keys[i], i);
            }
        } else {
            index = null;
        }
    }

    /**
     * Copies into a typed array allocated here: Arrays.copyOf on a String[] or JNode[] allocates reflectively,
     * which the interpreter and C1 (what a short lint run mostly runs on) do through a slow native call.
     */
    private static <T> T[] copy(T[] from, T[] to) {
        System.arraycopy(from, 0, to, 0, Math.min(from.length, to.length));
        return to;
    }

    static Members copyOf(Map<String, JNode> map) {
        if (map instanceof Members m) {
            return m;
        }
        Builder b = new Builder();
        map.forEach(b::put);
        return b.build();
    }

    /** The member with exactly this name, else the first whose name differs only in case, else null. */
    JNode find(String name) {
        int caseless = -1;
        if (index != null) {
            Integer exact = index.get(name);
            if (exact != null) {
                return values[exact];
            }
        } else {
            // One pass for both the exact name and the first caseless match (names are not interned, so a scan
            // by identity never found one).
            for (int i = 0; i < keys.length; i++) {
                String k = keys[i];
                if (k.equals(name)) {
                    return values[i];
                }
                if (caseless < 0 && k.equalsIgnoreCase(name)) {
                    caseless = i;
                }
            }
            return caseless < 0 ? null : values[caseless];
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    private int indexOf(Object name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Collection<JNode> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JNode> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, JNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JNode>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, JNode> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, JNode> e = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /**
     * Collects members in order; a repeated name keeps its first position and takes the last value, as JSON readers
     * do. {@link #put} returns what the new member repeats, so the reader can report it.
     */
    static final class Builder {
        private String[] keys = new String[8];
        private JNode[] values = new JNode[8];
        private int size;
        private Map<String, Integer> index;
        private Map<String, Integer> caseless;
        /** The name of the member the last {@link #put} repeated, or null. */
        private String repeatedName;

        /**
         * Adds a member; returns the earlier value of a member with the same name, or with a name that differs only
         * in case (a second property to JSON, the same one to Azure), else null.
         */
        JNode put(String key, JNode value) {
            int at;
            int other = -1;
            if (index != null) {
                at = find(key);
                if (at < 0) {
                    other = findIgnoringCase(key);
                }
            } else {
                // One pass for the exact name and the first that differs only in case.
                at = -1;
                for (int i = 0; i < size; i++) {
                    String k = keys[i];
                    if (k.equals(key)) {
                        at = i;
                        break;
                    }
                    if (other < 0 && k.length() == key.length() && mayFold(k, key) && k.equalsIgnoreCase(key)) {
                        other = i;
                    }
                }
            }
            if (at >= 0) {
                JNode earlier = values[at];
                values[at] = value;
                repeatedName = key;
                return earlier;
            }
            repeatedName = other >= 0 ? keys[other] : null;
            if (size == keys.length) {
                keys = copy(keys, new String[size * 2]);
                values = copy(values, new JNode[size * 2]);
            }
            keys[size] = key;
            values[size] = value;
            if (index != null) {
                index.put(key, size);
                caseless.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), size);
            } else if (size == INDEX_ABOVE) {
                index = new HashMap<>();
                caseless = new HashMap<>();
                for (int i = 0; i <= size; i++) {
                    index.put(keys[i], i);
                    caseless.putIfAbsent(keys[i].toLowerCase(java.util.Locale.ROOT), i);
                }
            }
            size++;
            return other >= 0 ? values[other] : null;
        }

        private int findIgnoringCase(String key) {
            Integer i = caseless.get(key.toLowerCase(java.util.Locale.ROOT));
            return i == null ? -1 : i;
        }

        /**
         * Whether two names of one length may differ only in case, judged by their first character: ASCII letters
         * that differ only in case differ only in bit 0x20; anything beyond ASCII is left to equalsIgnoreCase.
         */
        private static boolean mayFold(String a, String b) {
            if (a.isEmpty()) {
                return true;
            }
            char x = a.charAt(0);
            char y = b.charAt(0);
            return ((x ^ y) & ~0x20) == 0 || x > 0x7f || y > 0x7f;
        }

        private int find(String key) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }

        /** The name the last {@link #put} repeated (the same, or differing in case), or null. */
        String repeatedName() {
            return repeatedName;
        }

        Members build() {
            return size == 0 ? EMPTY : new Members(keys, values, size);
        }
    }
}
