package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The exact prefixes of service tags, from Microsoft's weekly ServiceTags_Public file, when the user supplies
 * it. Without it, tags are atoms whose relations follow the platform's documented facts.
 */
public final class ServiceTagPrefixes {

    public static final ServiceTagPrefixes NONE = new ServiceTagPrefixes(Map.of(), "");

    private final Map<String, IntervalSet> byName;
    private final String source;

    private ServiceTagPrefixes(Map<String, IntervalSet> byName, String source) {
        this.byName = byName;
        this.source = source;
    }

    /**
     * @param prefixes tag name to its address prefixes; a prefix that does not parse is an error
     * @param source   where they come from (the file), for messages
     */
    public static ServiceTagPrefixes of(Map<String, List<String>> prefixes, String source) {
        Map<String, IntervalSet> m = new HashMap<>();
        prefixes.forEach((name, list) -> {
            IntervalSet s = IntervalSet.EMPTY;
            for (String p : list) {
                s = s.union(AddressSpace.cidr(p).orElseThrow(() ->
                        new IllegalArgumentException("service tag " + name + " has an invalid prefix " + p)));
            }
            m.put(name.toLowerCase(Locale.ROOT), s);
        });
        return new ServiceTagPrefixes(Map.copyOf(m), source);
    }

    public Optional<IntervalSet> prefixes(String tag) {
        return Optional.ofNullable(byName.get(tag.toLowerCase(Locale.ROOT)));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public String source() {
        return source;
    }
}
