package io.github.nsglint.core.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The named address sets whose exact addresses the templates do not give: a service tag without a tag file
 * (one atom per address family, so a v4 rule relates exactly to the tag's v4 part), an application security
 * group, the on-premises space behind a gateway. Ids are dense and stable for one engine.
 */
public final class Atoms {

    /** What an atom stands for. */
    public enum Kind {
        SERVICE_TAG,
        APPLICATION_SECURITY_GROUP,
        ON_PREMISES
    }

    /** One atom: {@code name} as users write it, its kind, and whether it is the IPv6 part. */
    public record Atom(int id, String name, Kind kind, boolean v6) {
        /** How a witness names an address of this atom. */
        public String display() {
            return switch (kind) {
                case SERVICE_TAG -> name + (v6 ? " (an IPv6 address of the tag)" : " (an IPv4 address of the tag)");
                case APPLICATION_SECURITY_GROUP -> "a NIC of ASG " + name.substring(name.lastIndexOf('/') + 1);
                case ON_PREMISES -> "an on-premises address";
            };
        }
    }

    private final Map<String, Atom> byKey = new HashMap<>();
    /** Copied on write: atoms are made while rules compile, and read on every address a rule names. */
    private volatile List<Atom> all = List.of();

    /** The atom for {@code name} of this kind and family, made on first use. */
    public synchronized Atom atom(String name, Kind kind, boolean v6) {
        String key = kind + "|" + name.toLowerCase(Locale.ROOT) + "|" + v6;
        Atom known = byKey.get(key);
        if (known != null) {
            return known;
        }
        Atom a = new Atom(all.size(), name, kind, v6);
        byKey.put(key, a);
        List<Atom> grown = new ArrayList<>(all);
        grown.add(a);
        all = List.copyOf(grown);
        return a;
    }

    public Atom get(int id) {
        return all.get(id);
    }

    /** Every atom made so far, in id order (an immutable snapshot). */
    public List<Atom> all() {
        return all;
    }

    /** How many atoms there are; grows as rules and queries name new tags. */
    public int size() {
        return all.size();
    }
}
