package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.SourceLocation;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the address tokens of NSG rules mean where an NSG is applied. {@code VirtualNetwork} is relative to the
 * VNet: its address space, the spaces of VNets peered with it in both directions, the on-premises space behind a
 * gateway, and the platform address 168.63.129.16. {@code Internet} is the public address space outside it.
 * {@code AzureLoadBalancer} is 168.63.129.16. Other service tags are atoms inside Internet (or exact prefixes from
 * a tag file); application security groups are atoms inside the VNet.
 *
 * <p>Stated assumptions: a VNet's and on-premises address spaces are private, so public addresses are Internet;
 * without a tag file, two different service tags may overlap, and a regional tag ({@code Storage.WestEurope})
 * lies inside its parent ({@code Storage}).
 */
public final class TagContext {

    private static final byte NEITHER = 1;
    private static final byte POSSIBLE = 2;
    private static final byte DEFINITE = 3;
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*");

    private final String description;
    private final IntervalSet vnetDefinite;
    private final IntervalSet vnetPossible;
    private final String vnetUnknownReason;
    private final SourceLocation vnetUnknownAt;
    /** Whether on-premises space is part of VirtualNetwork here: true, false, or null when not known. */
    private final Boolean onPremises;
    private final ServiceTagPrefixes tags;
    private final Atoms atoms;
    /** When true, a service tag's rule matches only the tag's atoms, never a concrete address (see {@link #forUsers()}). */
    private final boolean usersAreNotTags;
    private TagContext forUsers;

    /**
     * @param vnetDefinite addresses certainly in VirtualNetwork (VNet, connected peers, platform address)
     * @param vnetPossible addresses perhaps in it (a superset): when an address space or a peering is unknown
     */
    TagContext(String description, IntervalSet vnetDefinite, IntervalSet vnetPossible, String vnetUnknownReason,
            SourceLocation vnetUnknownAt, Boolean onPremises, ServiceTagPrefixes tags, Atoms atoms) {
        this(description, vnetDefinite, vnetPossible, vnetUnknownReason, vnetUnknownAt, onPremises, tags, atoms, false);
    }

    private TagContext(String description, IntervalSet vnetDefinite, IntervalSet vnetPossible, String vnetUnknownReason,
            SourceLocation vnetUnknownAt, Boolean onPremises, ServiceTagPrefixes tags, Atoms atoms,
            boolean usersAreNotTags) {
        this.usersAreNotTags = usersAreNotTags;
        this.description = description;
        this.vnetDefinite = vnetDefinite.union(AddressSpace.AZURE_PLATFORM);
        this.vnetPossible = vnetPossible.union(this.vnetDefinite);
        this.vnetUnknownReason = vnetUnknownReason;
        this.vnetUnknownAt = vnetUnknownAt;
        this.onPremises = onPremises;
        this.tags = tags;
        this.atoms = atoms;
        this.hulls = new IntervalSet[Atoms.Kind.values().length * 2];
        for (Atoms.Kind kind : Atoms.Kind.values()) {
            for (boolean v6 : new boolean[] {false, true}) {
                hulls[slot(kind, v6)] = computeHull(kind, v6);
            }
        }
    }

    /**
     * An NSG judged on its own, attached nowhere: VirtualNetwork is some private space (which one is not known)
     * plus the platform address.
     */
    static TagContext unattached(ServiceTagPrefixes tags, Atoms atoms) {
        return new TagContext("not attached to any VNet", IntervalSet.EMPTY, AddressSpace.NOT_PUBLIC,
                "the NSG is judged on its own, so which VNet 'VirtualNetwork' means is not known", null, null, tags,
                atoms);
    }

    public String description() {
        return description;
    }

    /**
     * The same context for questions about people: a user's public address is not an address of an Azure
     * service, so a rule that allows a service tag does not admit users. Without the tag file such a rule would
     * otherwise perhaps match every public address, and "can users get in?" would never have an answer.
     */
    public synchronized TagContext forUsers() {
        if (usersAreNotTags) {
            return this;
        }
        if (forUsers == null) {
            forUsers = new TagContext(description, vnetDefinite, vnetPossible, vnetUnknownReason, vnetUnknownAt,
                    onPremises, tags, atoms, true);
        }
        return forUsers;
    }

    Atoms atoms() {
        return atoms;
    }

    /** Every address: all IPs and every atom known so far. */
    AddressSet universe() {
        BitSet all = new BitSet();
        all.set(0, atoms.size());
        if (Boolean.FALSE.equals(onPremises)) {
            // No gateway here or in a connected peer: no on-premises address can send or receive here at all.
            for (Atoms.Atom a : atoms.all()) {
                if (a.kind() == Atoms.Kind.ON_PREMISES) {
                    all.clear(a.id());
                }
            }
        }
        return AddressSet.of(AddressSpace.ALL, all);
    }

    /**
     * Hulls by an atom's kind and family, which are all they depend on: every concrete prefix of every rule is
     * compared with them, so each is made once, with the context, and compared once per prefix.
     */
    private final IntervalSet[] hulls;

    private static int slot(Atoms.Atom a) {
        return slot(a.kind(), a.v6());
    }

    private static int slot(Atoms.Kind kind, boolean v6) {
        return kind.ordinal() * 2 + (v6 ? 1 : 0);
    }

    /** The addresses an atom can stand for, here (an over-approximation). */
    IntervalSet hull(Atoms.Atom a) {
        return hulls[slot(a)];
    }

    private IntervalSet computeHull(Atoms.Kind kind, boolean v6) {
        IntervalSet family = v6 ? AddressSpace.ALL_V6 : AddressSpace.ALL_V4;
        return switch (kind) {
            case SERVICE_TAG -> AddressSpace.PUBLIC.intersect(family).subtract(vnetDefinite);
            case APPLICATION_SECURITY_GROUP -> vnetPossible.subtract(AddressSpace.AZURE_PLATFORM).intersect(family);
            // No gateway here or in a connected peer: no on-premises address can reach this VNet, so none lies in
            // any prefix its rules name (a private range outside VirtualNetwork is an unconnected network), and none
            // is in the universe either (see universe()): the atom appears in no set of this context.
            case ON_PREMISES -> Boolean.FALSE.equals(onPremises) ? IntervalSet.EMPTY
                    : AddressSpace.NOT_PUBLIC.intersect(family).subtract(vnetDefinite);
        };
    }

    /** The concrete Internet: public space outside VirtualNetwork; definite and possible. */
    IntervalSet internetDefinite() {
        return AddressSpace.PUBLIC.subtract(vnetPossible);
    }

    IntervalSet internetPossible() {
        return AddressSpace.PUBLIC.subtract(vnetDefinite);
    }

    /**
     * Tokens already resolved, by text and by the number of atoms known then (a new atom changes what a prefix
     * may contain). An answer that carries the location of the field it was read from is not kept.
     */
    private volatile Tokens tokens = new Tokens(0, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

    /**
     * Resolved tokens while the atoms numbered {@code atomCount}, and the atom sets of concrete prefixes by how they
     * relate to the hulls (see {@link #concrete}): a handful of patterns serve every prefix of an estate.
     */
    private record Tokens(int atomCount, Map<String, AddressMatch> byText, Map<Integer, BitSet[]> byPattern) {
    }

    private Tokens currentTokens() {
        Tokens known = tokens;
        int atomCount = atoms.size();
        if (known.atomCount() != atomCount) {
            known = new Tokens(atomCount, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            tokens = known;
        }
        return known;
    }

    /** What one address token matches here: {@code *}, an IP or CIDR, or a tag. */
    AddressMatch token(String raw, SourceLocation at) {
        if (!raw.isEmpty() && Character.isDigit(raw.charAt(0))) {
            // An IPv4 address or prefix: quicker to resolve again (parsing and six bound checks) than to keep in
            // a map, as most appear once.
            return resolve(raw, at);
        }
        Tokens known = currentTokens();
        AddressMatch m = known.byText().get(raw);
        if (m != null) {
            return m;
        }
        m = resolve(raw, at);
        if (m.at() == null) {
            known.byText().put(raw, m);
        }
        return m;
    }

    /**
     * Makes the atoms a token stands for, without resolving it: so that every rule compiled later relates to all
     * of them. Only service tags without known prefixes have atoms.
     */
    void registerAtoms(String raw) {
        String t = raw.trim();
        if (t.isEmpty() || Character.isDigit(t.charAt(0)) || t.indexOf(':') >= 0 || t.equals("*")
                || !registered.add(t)) {
            return; // an address, or a name seen before: an estate names the same few tags over and over
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("any") || lower.equals("virtualnetwork") || lower.equals("internet")
                || lower.equals("azureloadbalancer") || !TAG.matcher(t).matches() || tags.prefixes(t).isPresent()) {
            return;
        }
        for (boolean v6 : new boolean[] {false, true}) {
            atoms.atom(t, Atoms.Kind.SERVICE_TAG, v6);
        }
    }

    /** Names {@link #registerAtoms(String)} has already looked at. */
    private final java.util.Set<String> registered = ConcurrentHashMap.newKeySet();

    /** Makes the atoms of an application security group; see {@link #registerAtoms(String)}. */
    void registerApplicationSecurityGroup(String id) {
        for (boolean v6 : new boolean[] {false, true}) {
            atoms.atom(id, Atoms.Kind.APPLICATION_SECURITY_GROUP, v6);
        }
    }

    private AddressMatch resolve(String raw, SourceLocation at) {
        String t = raw.trim();
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.indexOf(':') >= 0)) {
            Optional<IntervalSet> ips = AddressSpace.cidr(t);
            return ips.isPresent() ? concrete(ips.get(), t)
                    : unknown("'" + t + "' is not a valid IP address or CIDR", at);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("*") || lower.equals("any")) {
            return AddressMatch.exact(universe());
        }
        switch (lower) {
            case "virtualnetwork":
                return virtualNetwork();
            case "internet":
                return internet();
            case "azureloadbalancer":
                return concrete(AddressSpace.AZURE_PLATFORM, t);
            default:
                break;
        }
        if (!TAG.matcher(t).matches()) {
            return unknown("'" + t + "' is neither an address nor a service tag", at);
        }
        Optional<IntervalSet> prefixes = tags.prefixes(t);
        return prefixes.isPresent() ? concrete(prefixes.get(), t) : serviceTag(t);
    }

    /** The members of an application security group. */
    AddressMatch applicationSecurityGroup(String id) {
        Atoms.Atom v4 = atoms.atom(id, Atoms.Kind.APPLICATION_SECURITY_GROUP, false);
        Atoms.Atom v6 = atoms.atom(id, Atoms.Kind.APPLICATION_SECURITY_GROUP, true);
        AddressSet definite = AddressSet.ofAtom(v4.id()).union(AddressSet.ofAtom(v6.id()));
        BitSet others = new BitSet();
        IntervalSet hulls = IntervalSet.EMPTY;
        for (Atoms.Atom a : atoms.all()) {
            if (a.kind() == Atoms.Kind.APPLICATION_SECURITY_GROUP) {
                others.set(a.id());
                hulls = hulls.union(hull(a));
            }
        }
        // A NIC can belong to several ASGs, and which addresses are members is not in the template.
        return new AddressMatch(definite, definite.union(AddressSet.of(hulls, others)),
                "membership of application security group '" + id.substring(id.lastIndexOf('/') + 1)
                        + "' is not known from the template", null);
    }

    /** A field the linter cannot read: it matches nothing for certain and everything perhaps. */
    AddressMatch unknown(String reason, SourceLocation at) {
        return new AddressMatch(AddressSet.EMPTY, universe(), reason, at);
    }

    /**
     * A concrete set: atoms certainly inside it are matched, atoms that may overlap it possibly. {@code token} is
     * the text the rule gave, named in the reason (formatting the set for every rule cost more than the rest).
     */
    AddressMatch concrete(IntervalSet ips, String token) {
        // Atoms of one kind and family share a hull, so they share the answer: one per hull, six in all.
        int pattern = 0;
        for (IntervalSet h : hulls) {
            int answer = !h.isEmpty() && ips.containsAll(h) ? DEFINITE : h.intersects(ips) ? POSSIBLE : NEITHER;
            pattern = pattern * 4 + answer;
        }
        BitSet[] bits = atomsOf(pattern);
        BitSet definite = bits[0];
        BitSet possible = bits[1];
        if (possible.equals(definite)) {
            AddressSet exact = AddressSet.shared(ips, definite);
            return new AddressMatch(exact, exact, null, null);
        }
        return new AddressMatch(AddressSet.shared(ips, definite), AddressSet.shared(ips, possible),
                "whether the addresses of a service tag, ASG or on-premises network fall in " + token
                        + " is not known without their prefixes", null);
    }

    /** The atoms a prefix certainly and perhaps holds, given its answer for each hull; shared, never changed. */
    private BitSet[] atomsOf(int pattern) {
        return currentTokens().byPattern().computeIfAbsent(pattern, p -> {
            BitSet definite = new BitSet();
            BitSet possible = new BitSet();
            for (Atoms.Atom a : atoms.all()) {
                int answer = (p >> (2 * (hulls.length - 1 - slot(a)))) & 3;
                if (answer == DEFINITE) {
                    definite.set(a.id());
                    possible.set(a.id());
                } else if (answer == POSSIBLE) {
                    possible.set(a.id());
                }
            }
            return new BitSet[] {definite, possible};
        });
    }

    private AddressMatch virtualNetwork() {
        BitSet definite = new BitSet();
        BitSet possible = new BitSet();
        for (Atoms.Atom a : atoms.all()) {
            IntervalSet h = hull(a);
            if (a.kind() == Atoms.Kind.ON_PREMISES) {
                if (onPremises == null) {
                    possible.set(a.id());
                } else if (onPremises) {
                    definite.set(a.id());
                }
                continue;
            } else if (!h.isEmpty() && vnetDefinite.containsAll(h)) {
                definite.set(a.id());
            }
            if (h.intersects(vnetPossible)) {
                possible.set(a.id());
            }
        }
        possible.or(definite);
        String reason = vnetUnknownReason != null ? vnetUnknownReason
                : possible.equals(definite) ? null : "which addresses 'VirtualNetwork' covers " + description
                        + " is not fully known";
        return new AddressMatch(AddressSet.of(vnetDefinite, definite), AddressSet.of(vnetPossible, possible), reason,
                vnetUnknownAt);
    }

    private AddressMatch internet() {
        IntervalSet def = internetDefinite();
        IntervalSet pos = internetPossible();
        BitSet definite = new BitSet();
        BitSet possible = new BitSet();
        for (Atoms.Atom a : atoms.all()) {
            if (a.kind() == Atoms.Kind.ON_PREMISES) {
                continue; // on-premises space is part of VirtualNetwork, never Internet
            }
            IntervalSet h = hull(a);
            if (!h.isEmpty() && def.containsAll(h)) {
                definite.set(a.id());
            }
            if (h.intersects(pos)) {
                possible.set(a.id());
            }
        }
        possible.or(definite);
        String reason = def.equals(pos) && possible.equals(definite) ? null
                : vnetUnknownReason != null ? vnetUnknownReason : "which addresses 'Internet' covers is not fully known";
        return new AddressMatch(AddressSet.of(def, definite), AddressSet.of(pos, possible), reason, vnetUnknownAt);
    }

    private AddressMatch serviceTag(String name) {
        BitSet definite = new BitSet();
        for (boolean v6 : new boolean[] {false, true}) {
            definite.set(atoms.atom(name, Atoms.Kind.SERVICE_TAG, v6).id());
        }
        String prefix = name.toLowerCase(Locale.ROOT) + ".";
        BitSet possible = new BitSet();
        IntervalSet hulls = IntervalSet.EMPTY;
        for (Atoms.Atom a : atoms.all()) {
            if (a.kind() != Atoms.Kind.SERVICE_TAG) {
                continue;
            }
            if (a.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                definite.set(a.id()); // a regional tag lies inside its parent
            }
            // Without the tag file, two tags may share addresses, and any public address may be the tag's.
            possible.set(a.id());
            if (definite.get(a.id())) {
                hulls = hulls.union(hull(a));
            }
        }
        if (usersAreNotTags) {
            possible.clear();
            possible.or(definite);
            hulls = IntervalSet.EMPTY;
        }
        return new AddressMatch(AddressSet.of(IntervalSet.EMPTY, definite), AddressSet.of(hulls, possible),
                "service tag '" + name + "' has no known prefixes (supply the ServiceTags_Public file to make them"
                        + " exact)", null);
    }
}
