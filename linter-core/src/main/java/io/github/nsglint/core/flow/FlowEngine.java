package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.IpConfiguration;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.ResourceIds;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.topology.AsgMembership;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.core.topology.PeeringLink;
import io.github.nsglint.core.topology.Topology;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The questions rules ask about flows, answered with Azure's NSG semantics (DESIGN section 3): first match in
 * priority order with the default rules, {@code VirtualNetwork} relative to the VNet where the NSG is applied,
 * inbound through the subnet's NSG then the NIC's, outbound the other way, no NSG = allow. Every answer that
 * depends on something unknown is UNKNOWN, with its reason.
 */
public final class FlowEngine {

    /** Tags the catalog asks about even when no rule names them, so their atoms exist before rules compile. */
    private static final List<String> WELL_KNOWN_TAGS = List.of("GatewayManager", "AzureCloud");

    private final Topology topology;
    private final ServiceTagPrefixes tags;
    private final Atoms atoms = new Atoms();
    private final Map<String, TagContext> contexts = new ConcurrentHashMap<>();
    private final Map<CompileKey, List<CompiledRule>> compiled = new ConcurrentHashMap<>();
    private volatile int atomsWhenCompiled = -1;
    private final TagContext unattached;

    private FlowEngine(Topology topology, ServiceTagPrefixes tags) {
        this.topology = topology;
        this.tags = tags;
        this.unattached = TagContext.unattached(tags, atoms);
        registerAtoms();
    }

    public static FlowEngine of(Topology topology, ServiceTagPrefixes tags) {
        return new FlowEngine(topology, tags);
    }

    public Topology topology() {
        return topology;
    }

    public Atoms atoms() {
        return atoms;
    }

    /**
     * Every tag and ASG the model names gets its atoms now, so every compiled rule relates to all of them. They
     * are read from the rules' shapes, made here for every NSG (each is compiled later): one pass over the rules
     * serves both, where two cost twice the misses of walking an estate's rules (see {@link RuleCompiler}).
     */
    private void registerAtoms() {
        for (boolean v6 : new boolean[] {false, true}) {
            atoms.atom("on-premises", Atoms.Kind.ON_PREMISES, v6);
        }
        for (String tag : WELL_KNOWN_TAGS) {
            unattached.registerAtoms(tag);
        }
        for (NetworkSecurityGroup nsg : topology.model().networkSecurityGroups()) {
            RuleCompiler.RuleShape[] rules = RuleCompiler.shapes(nsg);
            shapes.put(nsg, rules);
            for (RuleCompiler.RuleShape r : rules) {
                for (RuleCompiler.Side side : new RuleCompiler.Side[] {r.source(), r.destination()}) {
                    side.tokens().forEach(unattached::registerAtoms);
                    // An ASG whose members are all known is their addresses, not an atom.
                    side.asgs().known().ifPresent(ids -> ids.forEach(id -> {
                        if (needsAtom(membersOf(id))) {
                            unattached.registerApplicationSecurityGroup(id);
                        }
                    }));
                }
            }
        }
    }

    // ---- application security groups ---------------------------------------------------------------------

    private final Map<String, AsgMembership> memberships = new ConcurrentHashMap<>();

    private AsgMembership membersOf(String asgId) {
        return memberships.computeIfAbsent(ResourceIds.key(asgId), k -> topology.membersOf(asgId));
    }

    /**
     * How rules read ASGs when judging flows of {@code own} (or of no one NIC, when null): on the NIC's own side,
     * whether it is a member; on the other side, the members' addresses when every member is known, else an atom
     * whose uncertainty says why the membership is open.
     */
    private RuleCompiler.AsgView asgView(NetworkInterface own) {
        return (id, ownSide, ctx) -> {
            if (ownSide && own != null) {
                Boolean member = topology.isMember(own, id);
                if (member != null) {
                    return AddressMatch.exact(member ? ctx.universe() : AddressSet.EMPTY);
                }
            }
            AsgMembership m = membersOf(id);
            if (m instanceof AsgMembership.Known known && !needsAtom(known)) {
                return fixedMembers(known, id, ctx);
            }
            if (m instanceof AsgMembership.Known known) {
                // Members whose address Azure picks stay an atom (some NIC of the ASG), beside the fixed ones.
                AddressMatch atom = ctx.applicationSecurityGroup(id);
                AddressMatch fixed = fixedMembers(known, id, ctx);
                return new AddressMatch(fixed.definite().union(atom.definite()), fixed.possible().union(atom.possible()),
                        atom.reason(), atom.at());
            }
            AsgMembership.Open open = (AsgMembership.Open) m;
            AddressMatch atom = ctx.applicationSecurityGroup(id);
            return new AddressMatch(atom.definite(), atom.possible(), open.reason(), open.at());
        };
    }

    /**
     * Whether an ASG needs an atom: its membership is open, or a member's address is picked by Azure (dynamic, or a
     * scale set's instances), so which address it is is not in the template.
     */
    private static boolean needsAtom(AsgMembership m) {
        if (m instanceof AsgMembership.Known known) {
            return known.members().stream().anyMatch(x -> fixedAddress(x).isEmpty());
        }
        return true;
    }

    private static Optional<IntervalSet> fixedAddress(AsgMembership.Member m) {
        return m.nic().kind() == NetworkInterface.Kind.NETWORK_INTERFACE ? fixedAddress(m.ipConfiguration())
                : Optional.empty();
    }

    /** An ASG as the fixed private addresses of its members: exact, when every member's address is fixed. */
    private static AddressMatch fixedMembers(AsgMembership.Known known, String id, TagContext ctx) {
        IntervalSet fixed = IntervalSet.EMPTY;
        for (AsgMembership.Member m : known.members()) {
            fixed = fixed.union(fixedAddress(m).orElse(IntervalSet.EMPTY));
        }
        return ctx.concrete(fixed, "ASG " + ResourceIds.name(id));
    }

    // ---- contexts ----------------------------------------------------------------------------------------

    /** An NSG judged on its own, attached nowhere. */
    public TagContext unattached() {
        return unattached;
    }

    /** The context of NSGs applied in {@code vnet}: what VirtualNetwork and Internet mean there. */
    public TagContext contextOf(VirtualNetwork vnet) {
        return contexts.computeIfAbsent(ResourceIds.key(vnet.id()), k -> buildContext(vnet));
    }

    /** The context of a subnet's VNet; an unattached-like context when the VNet is not known. */
    public TagContext contextOf(Subnet subnet) {
        return topology.virtualNetworkOf(subnet).map(this::contextOf).orElse(unattached);
    }

    private TagContext buildContext(VirtualNetwork vnet) {
        String name = vnet.name().known().orElse(vnet.id());
        Space own = space(vnet);
        IntervalSet definite = own.ips;
        IntervalSet possible = own.possible;
        String reason = own.reason;
        SourceLocation at = own.at;
        boolean gateway = hasGateway(vnet);
        for (PeeringLink l : topology.linksOf(vnet.id())) {
            String otherId = ResourceIds.same(l.vnetA(), vnet.id()) ? l.vnetB() : l.vnetA();
            Optional<VirtualNetwork> other = topology.model().virtualNetwork(otherId);
            if (l.state() == PeeringLink.State.CONNECTED || l.state() == PeeringLink.State.UNKNOWN) {
                Space s = other.map(FlowEngine::space).orElse(new Space(IntervalSet.EMPTY, AddressSpace.NOT_PUBLIC,
                        "peered VNet '" + otherId + "' is not declared in the scanned files", vnet.location()));
                if (l.state() == PeeringLink.State.CONNECTED) {
                    definite = definite.union(s.ips);
                } else if (reason == null) {
                    reason = "whether the peering with '" + otherId + "' carries traffic is not known: " + l.reason();
                    at = vnet.location();
                }
                possible = possible.union(s.possible);
                if (reason == null && s.reason != null) {
                    reason = s.reason;
                    at = s.at;
                }
                gateway |= l.state() == PeeringLink.State.CONNECTED && other.map(this::hasGateway).orElse(false);
            }
        }
        return new TagContext("in VNet " + name, definite, possible, reason, at, gateway, tags, atoms);
    }

    /** A VNet's address space: known addresses, possible addresses, and why they differ. */
    private record Space(IntervalSet ips, IntervalSet possible, String reason, SourceLocation at) {
    }

    private static Space space(VirtualNetwork vnet) {
        String name = vnet.name().known().orElse(vnet.id());
        if (vnet.addressSpace() instanceof Field.Known<List<String>> k) {
            IntervalSet s = IntervalSet.EMPTY;
            for (String p : k.value()) {
                Optional<IntervalSet> c = AddressSpace.cidr(p);
                if (c.isEmpty()) {
                    return new Space(s, AddressSpace.NOT_PUBLIC, "address space '" + p + "' of VNet " + name
                            + " is not a valid CIDR", vnet.location());
                }
                s = s.union(c.get());
            }
            return new Space(s, s, null, null);
        }
        String why = vnet.addressSpace() instanceof Field.Unknown<List<String>> u ? u.reason() : "it is not set";
        SourceLocation at = vnet.addressSpace() instanceof Field.Unknown<List<String>> u ? u.location() : vnet.location();
        // Assumed private, as VNets are in practice; see TagContext.
        return new Space(IntervalSet.EMPTY, AddressSpace.NOT_PUBLIC, "the address space of VNet " + name
                + " is not known: " + why, at);
    }

    private boolean hasGateway(VirtualNetwork vnet) {
        boolean gatewaySubnet = vnet.subnets().stream()
                .anyMatch(s -> s.name().known().filter("GatewaySubnet"::equalsIgnoreCase).isPresent());
        boolean hub = topology.model().virtualHubConnections().stream()
                .anyMatch(c -> c.remoteVirtualNetworkId().known().filter(id -> ResourceIds.same(id, vnet.id()))
                        .isPresent());
        return gatewaySubnet || hub;
    }

    // ---- building queries ---------------------------------------------------------------------------------

    /** The addresses a token certainly stands for in a context ({@code Internet}, {@code 10.0.1.0/26}, a tag). */
    public AddressSet addresses(String token, TagContext ctx) {
        return ctx.token(token, null).definite();
    }

    /** The addresses of a subnet; empty when its prefixes are not known. */
    public AddressSet addressesOf(Subnet subnet) {
        return AddressSet.ofIps(AddressSpace.prefixes(subnet.addressPrefixes().known().orElse(List.of())));
    }

    /**
     * The flows of a query that can exist: ports only for TCP and UDP, and source and destination of one address
     * family (an IPv6 source never sends to an IPv4 destination). Atoms count in the family they stand for.
     */
    public FlowSet flows(int protocols, AddressSet sources, IntervalSet sourcePorts, AddressSet destinations,
            IntervalSet destinationPorts) {
        FlowSet out = FlowSet.EMPTY;
        for (boolean v6 : new boolean[] {false, true}) {
            AddressSet family = family(v6);
            out = out.union(FlowSet.real(new FlowBox(protocols, sources.intersect(family), sourcePorts,
                    destinations.intersect(family), destinationPorts)));
        }
        return out;
    }

    /** Every address of one family: its IP range and the atoms that stand for addresses of it. */
    private AddressSet family(boolean v6) {
        java.util.BitSet b = new java.util.BitSet();
        for (Atoms.Atom a : atoms.all()) {
            if (a.v6() == v6) {
                b.set(a.id());
            }
        }
        return AddressSet.of(v6 ? AddressSpace.ALL_V6 : AddressSpace.ALL_V4, b);
    }

    // ---- evaluation ---------------------------------------------------------------------------------------

    /** One NSG on its own (its rules in priority order, then the defaults), in a context. */
    public List<Decision> evaluate(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query) {
        return FirstMatch.evaluate(query, rules(nsg, direction, ctx));
    }

    /**
     * Flows through a subnet and, when given, one of its NICs: inbound the subnet's NSG then the NIC's,
     * outbound the NIC's then the subnet's. A flow is allowed only if every level allows it.
     */
    public List<Decision> evaluate(Subnet subnet, NetworkInterface nic, Direction direction, FlowSet query) {
        return evaluate(subnet, nic, direction, query, contextOf(subnet));
    }

    /** {@link #evaluate(Subnet, NetworkInterface, Direction, FlowSet)} in a given context of the subnet's VNet. */
    public List<Decision> evaluate(Subnet subnet, NetworkInterface nic, Direction direction, FlowSet query,
            TagContext ctx) {
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(topology.nsgOf(subnet), "subnet " + subnet.name().known().orElse(subnet.id()),
                subnet.location()));
        if (nic != null) {
            levels.add(new Level(topology.nsgOf(nic), "NIC " + nic.name().known().orElse(nic.id()), nic.location()));
        }
        if (direction == Direction.OUTBOUND) {
            java.util.Collections.reverse(levels);
        }
        List<Decision> decisions = new ArrayList<>();
        for (FlowBox b : query.boxes()) {
            decisions.add(new Decision(b, Decision.Outcome.ALLOWED, List.of(), null, null));
        }
        for (Level level : levels) {
            List<Decision> next = new ArrayList<>();
            for (Decision d : decisions) {
                if (d.outcome() == Decision.Outcome.DENIED) {
                    next.add(d);
                    continue;
                }
                for (Decision s : level(level, direction, ctx, FlowSet.of(d.flows()), nic)) {
                    List<DecidingRule> path = new ArrayList<>(d.rules());
                    path.addAll(s.rules());
                    if (d.outcome() == Decision.Outcome.ALLOWED || s.outcome() == Decision.Outcome.DENIED) {
                        next.add(new Decision(s.flows(), s.outcome(), path, s.reason(), s.at()));
                    } else {
                        next.add(new Decision(s.flows(), Decision.Outcome.UNKNOWN, path, d.reason(), d.at()));
                    }
                }
            }
            decisions = next;
        }
        return decisions;
    }

    /** The NSG at one level of the chain, named for messages. */
    private record Level(NsgAttachment attachment, String where, SourceLocation location) {
    }

    private List<Decision> level(Level level, Direction direction, TagContext ctx, FlowSet flows,
            NetworkInterface own) {
        NsgAttachment a = level.attachment();
        if (a instanceof NsgAttachment.Attached at) {
            return FirstMatch.evaluate(flows, rules(at.nsg(), direction, ctx, own));
        }
        List<Decision> out = new ArrayList<>();
        for (FlowBox b : flows.boxes()) {
            if (a instanceof NsgAttachment.None) {
                DecidingRule none = new DecidingRule("", "", "no NSG on " + level.where() + " (allows everything)", 0,
                        DecidingRule.Kind.NO_NSG, io.github.nsglint.core.model.Access.ALLOW, level.location());
                out.add(new Decision(b, Decision.Outcome.ALLOWED, List.of(none), null, null));
            } else {
                NsgAttachment.Unresolved u = (NsgAttachment.Unresolved) a;
                DecidingRule unknown = new DecidingRule("", "", "unknown NSG on " + level.where(), 0,
                        DecidingRule.Kind.CUSTOM, io.github.nsglint.core.model.Access.DENY, level.location());
                SourceLocation where = u.reference() instanceof Field.Unknown<String> f ? f.location() : level.location();
                out.add(new Decision(b, Decision.Outcome.UNKNOWN, List.of(unknown),
                        "the NSG on " + level.where() + " is not known: " + u.reason(), where));
            }
        }
        return out;
    }

    List<CompiledRule> rules(NetworkSecurityGroup nsg, Direction direction, TagContext ctx) {
        return rules(nsg, direction, ctx, null);
    }

    /**
     * The NSG's rules compiled for flows of one NIC ({@code own}; null for flows of no one NIC): its ASG membership
     * decides the rules that name an ASG on its side. An NSG that names no ASG compiles once for every NIC; one that
     * does, once per membership ({@link #binding}).
     */
    List<CompiledRule> rules(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, NetworkInterface own) {
        int atomCount = atoms.size();
        if (atomCount != atomsWhenCompiled) {
            // A query named a tag no rule names: its atom is new, so compiled rules must relate to it too.
            compiled.clear();
            atomsWhenCompiled = atomCount;
        }
        String binding = own == null ? null : binding(nsg, own);
        NetworkInterface bound = binding == null ? null : own;
        return compiled.computeIfAbsent(new CompileKey(nsg, direction, ctx, binding),
                k -> RuleCompiler.compile(nsg, shapes(nsg), direction, ctx, asgView(bound)));
    }

    /**
     * What an NSG's compiled rules depend on of the NIC whose flows are judged: for each ASG the NSG names, whether
     * the NIC is a member (+), is not (-), or that is not known (?). Null when the NSG names no ASG. NICs of one
     * membership share their compilation: a subnet of a thousand NICs in two ASGs compiles its NSG a few times.
     */
    private String binding(NetworkSecurityGroup nsg, NetworkInterface own) {
        List<String> named = asgsNamedBy.computeIfAbsent(nsg, this::asgsNamed);
        if (named.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (String id : named) {
            Boolean member = id.isEmpty() ? null : topology.isMember(own, id);
            key.append(member == null ? '?' : member ? '+' : '-');
        }
        return key.toString();
    }

    /** The ASGs an NSG's rules name (sorted, case-folded), with "" for a field whose ASGs are unknown. */
    private List<String> asgsNamed(NetworkSecurityGroup nsg) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (RuleCompiler.RuleShape r : shapes(nsg)) {
            for (RuleCompiler.Side side : new RuleCompiler.Side[] {r.source(), r.destination()}) {
                if (side.asgs() instanceof Field.Known<List<String>> k) {
                    k.value().forEach(id -> ids.add(ResourceIds.key(id)));
                } else if (!(side.asgs() instanceof Field.Absent)) {
                    ids.add("");
                }
            }
        }
        return List.copyOf(ids);
    }

    private final Map<NetworkSecurityGroup, List<String>> asgsNamedBy =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The shapes of an NSG's rules: made with the atoms for the model's NSGs, on demand for any other. */
    RuleCompiler.RuleShape[] shapes(NetworkSecurityGroup nsg) {
        return shapes.computeIfAbsent(nsg, RuleCompiler::shapes);
    }

    /**
     * Each NSG's rules read once for all its compilations (see {@link RuleCompiler#compile}), made with the atoms
     * (see {@link #registerAtoms}); atoms do not enter them. By identity, as {@link CompileKey} is.
     */
    private final Map<NetworkSecurityGroup, RuleCompiler.RuleShape[]> shapes =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Compiled rules depend on the NSG, the direction and the context (compared by identity). */
    /**
     * An NSG of this model in a direction and context. Compared by identity: the NSG is a deep record (hundreds of
     * rules), and hashing it on every lookup cost more than compiling.
     */
    private record CompileKey(NetworkSecurityGroup nsg, Direction direction, TagContext context, String binding) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CompileKey k && k.nsg == nsg && k.direction == direction && k.context == context
                    && java.util.Objects.equals(k.binding, binding);
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(nsg) * 31 + direction.hashCode()) * 31 + System.identityHashCode(context))
                    * 31 + java.util.Objects.hashCode(binding);
        }
    }

    /** The flows of the decisions that are certainly allowed. */
    public static FlowSet allowed(List<Decision> decisions) {
        FlowSet s = FlowSet.EMPTY;
        for (Decision d : decisions) {
            if (d.outcome() == Decision.Outcome.ALLOWED) {
                s = s.union(FlowSet.of(d.flows()));
            }
        }
        return s;
    }

    /**
     * The flows of a query whose source is not in {@code from}: for "only from" questions, these must all be
     * denied ({@code only 22 from the Bastion subnet} = every other source denied on 22).
     */
    public static FlowSet fromOutside(FlowSet query, AddressSet from) {
        // Subtracting sources keeps each box within its family.
        FlowSet out = FlowSet.EMPTY;
        for (FlowBox b : query.boxes()) {
            FlowBox rest = new FlowBox(b.protocols(), b.sources().subtract(from), b.sourcePorts(), b.destinations(),
                    b.destinationPorts());
            out = out.union(FlowSet.of(rest));
        }
        return out;
    }

    // ---- verdicts -----------------------------------------------------------------------------------------

    /**
     * Whether one NSG on its own (its rules, then the defaults) allows every flow of {@code query}: HOLDS,
     * VIOLATED with a denied flow and the rule that denies it, or INDETERMINATE with the reason. Answered
     * without enumerating every region of the query, so it stays fast on NSGs of 1,000 rules.
     */
    public Verdict mustAllow(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query) {
        return mustAllow(nsg, direction, ctx, query, null);
    }

    /** {@link #mustAllow} for the flows of one NIC, whose ASG membership decides the rules on its side. */
    public Verdict mustAllow(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query,
            NetworkInterface own) {
        return check(rules(nsg, direction, ctx, own), query, io.github.nsglint.core.model.Access.DENY, direction);
    }

    /**
     * Whether the NSG has explicit allow rules that together cover every flow of {@code query}, whatever the
     * rules before them do: the presence check Azure's deployment validation makes for AzureBastionSubnet.
     */
    public Verdict mustExplicitlyAllow(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query) {
        List<CompiledRule> rules = rules(nsg, direction, ctx);
        List<IntervalSet[]> definite = new ArrayList<>();
        List<CompiledRule> maybe = new ArrayList<>();
        for (CompiledRule r : rules) {
            boolean custom = r.decides().kind() == DecidingRule.Kind.CUSTOM;
            if (!custom || r.access() == io.github.nsglint.core.model.Access.DENY) {
                continue;
            }
            if (r.access() != null) {
                definite.add(r.definite().lines());
            }
            if (r.access() == null || !r.isCertain()) {
                maybe.add(r); // an allow rule that perhaps covers more than it certainly does
            }
        }
        String nsgName = nsg.name().known().orElse(nsg.id());
        DecidingRule missing = new DecidingRule(nsg.id(), nsgName, "no explicit allow rule in NSG " + nsgName, 0,
                DecidingRule.Kind.MISSING, io.github.nsglint.core.model.Access.DENY, nsg.location());
        Verdict.Indeterminate unknown = null;
        for (FlowBox b : query.boxes()) {
            IntervalSet[] target = b.lines();
            if (BoxCover.uncovered(target, definite) == null) {
                continue;
            }
            List<IntervalSet[]> possible = new ArrayList<>(definite);
            maybe.forEach(r -> possible.add(r.possible().lines()));
            BigInteger[] surely = BoxCover.uncovered(target, possible);
            if (surely != null) {
                return new Verdict.Violated(witness(new Decision(FlowBox.point(surely), Decision.Outcome.DENIED,
                        List.of(missing), null, null), direction));
            }
            if (unknown == null) {
                BigInteger[] p = BoxCover.uncovered(target, definite);
                CompiledRule why = maybe.stream().filter(r -> r.possible().contains(p)).findFirst()
                        .orElse(maybe.get(0));
                unknown = new Verdict.Indeterminate(why.uncertainty() == null ? "an allow rule perhaps covers it"
                        : why.uncertainty(), why.uncertainAt(), witness(new Decision(FlowBox.point(p),
                        Decision.Outcome.UNKNOWN, List.of(missing), null, null), direction));
            }
        }
        return unknown != null ? unknown : new Verdict.Holds();
    }

    /** Whether one NSG on its own denies every flow of {@code query}; see {@link #mustAllow}. */
    public Verdict mustDeny(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query) {
        return mustDeny(nsg, direction, ctx, query, null);
    }

    /** {@link #mustDeny} for the flows of one NIC; see {@link #mustAllow(NetworkSecurityGroup, Direction, TagContext,
     * FlowSet, NetworkInterface)}. */
    public Verdict mustDeny(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet query,
            NetworkInterface own) {
        return check(rules(nsg, direction, ctx, own), query, io.github.nsglint.core.model.Access.ALLOW, direction);
    }

    /**
     * A flow is certainly decided {@code wrong} by rule i when i certainly matches it and no earlier rule that
     * could decide otherwise perhaps matches it; it is perhaps decided so when i (or a rule of unknown access)
     * perhaps matches it and no earlier rule certainly takes it.
     */
    private Verdict check(List<CompiledRule> rules, FlowSet query, io.github.nsglint.core.model.Access wrong,
            Direction direction) {
        // Each box of the query keeps its own lists of earlier rules, holding only those that reach it: a rule
        // that misses the box cannot cover any part of it, and most rules miss a narrow query.
        List<FlowBox> boxes = query.boxes();
        List<List<IntervalSet[]>> possibleBefore = new ArrayList<>();
        List<List<IntervalSet[]>> possibleOtherAccessBefore = new ArrayList<>();
        List<List<IntervalSet[]>> definiteBefore = new ArrayList<>();
        for (int k = 0; k < boxes.size(); k++) {
            possibleBefore.add(new ArrayList<>());
            possibleOtherAccessBefore.add(new ArrayList<>());
            definiteBefore.add(new ArrayList<>());
        }
        Verdict.Indeterminate unknown = null;
        for (CompiledRule r : rules) {
            if (r.access() == wrong) {
                for (int k = 0; k < boxes.size(); k++) {
                    // Most rules miss a narrow query: asked first, without making the intersection.
                    if (!boxes.get(k).intersects(r.definite())) {
                        continue;
                    }
                    FlowBox hit = boxes.get(k).intersect(r.definite());
                    IntervalSet[] target = hit.lines();
                    List<IntervalSet[]> covers = possibleBefore.get(k);
                    BigInteger[] p = BoxCover.uncovered(target, covers);
                    if (p == null) {
                        covers = possibleOtherAccessBefore.get(k);
                        p = BoxCover.uncovered(target, covers);
                    }
                    if (p != null) {
                        p = distinctEnds(target, p, covers);
                        return new Verdict.Violated(witness(new Decision(FlowBox.point(p),
                                FirstMatch.outcome(wrong), List.of(r.decides()), null, null), direction));
                    }
                }
            }
            if (unknown == null && (r.access() == wrong || r.access() == null)) {
                for (int k = 0; k < boxes.size(); k++) {
                    if (!boxes.get(k).intersects(r.possible())) {
                        continue;
                    }
                    FlowBox hit = boxes.get(k).intersect(r.possible());
                    BigInteger[] p = BoxCover.uncovered(hit.lines(), definiteBefore.get(k));
                    if (p != null) {
                        unknown = indeterminate(rules, r, p, direction);
                        break;
                    }
                }
            }
            for (int k = 0; k < boxes.size(); k++) {
                FlowBox b = boxes.get(k);
                if (r.possible().intersects(b)) {
                    IntervalSet[] possible = r.possible().lines();
                    possibleBefore.get(k).add(possible);
                    if (r.access() != wrong) {
                        possibleOtherAccessBefore.get(k).add(possible);
                    }
                    if (r.definite().intersects(b)) {
                        definiteBefore.get(k).add(r.definite().lines());
                    }
                }
            }
        }
        return unknown != null ? unknown : new Verdict.Holds();
    }

    /**
     * A witness whose source is not its destination, when the flows allow one: a VM talking to itself convinces
     * nobody, though it is a flow like any other.
     */
    private static BigInteger[] distinctEnds(IntervalSet[] target, BigInteger[] p, List<IntervalSet[]> covers) {
        if (!p[1].equals(p[3])) {
            return p;
        }
        IntervalSet[] other = target.clone();
        other[1] = target[1].subtract(IntervalSet.of(p[3], p[3]));
        BigInteger[] q = other[1].isEmpty() ? null : BoxCover.uncovered(other, covers);
        return q != null ? q : p;
    }

    /** Why a flow's fate is unknown: the first rule on its way that only perhaps matches it. */
    private Verdict.Indeterminate indeterminate(List<CompiledRule> rules, CompiledRule at, BigInteger[] p,
            Direction direction) {
        CompiledRule why = at;
        for (CompiledRule r : rules) {
            if (r == at) {
                break;
            }
            if (r.possible().contains(p)) {
                why = r;
                break;
            }
        }
        Witness candidate = witness(new Decision(FlowBox.point(p), Decision.Outcome.UNKNOWN,
                why == at ? List.of(at.decides()) : List.of(why.decides(), at.decides()), null, null), direction);
        return new Verdict.Indeterminate(why.uncertainty() == null ? "not known" : why.uncertainty(),
                why.uncertainAt(), candidate);
    }

    /** HOLDS when every flow is allowed; VIOLATED with a denied flow; INDETERMINATE when some is unknown. */
    public Verdict allAllowed(List<Decision> decisions, Direction direction) {
        return verdict(decisions, direction, Decision.Outcome.DENIED);
    }

    /** HOLDS when every flow is denied; VIOLATED with an allowed flow; INDETERMINATE when some is unknown. */
    public Verdict allDenied(List<Decision> decisions, Direction direction) {
        return verdict(decisions, direction, Decision.Outcome.ALLOWED);
    }

    private Verdict verdict(List<Decision> decisions, Direction direction, Decision.Outcome wrong) {
        Decision unknown = null;
        for (Decision d : decisions) {
            if (d.outcome() == wrong) {
                return new Verdict.Violated(witness(d, direction));
            }
            if (d.outcome() == Decision.Outcome.UNKNOWN && unknown == null) {
                unknown = d;
            }
        }
        if (unknown != null) {
            return new Verdict.Indeterminate(unknown.reason() == null ? "not known" : unknown.reason(), unknown.at(),
                    witness(unknown, direction));
        }
        return new Verdict.Holds();
    }

    /** One concrete flow of a decision's flows, with the rules that decide it. */
    public Witness witness(Decision d, Direction direction) {
        FlowBox b = d.flows();
        int protocol = Integer.lowestOneBit(b.protocols() & Protocols.TCP) != 0 ? Protocols.TCP
                : Integer.lowestOneBit(b.protocols());
        int sourcePort = port(b.sourcePorts(), 49152);
        int destinationPort = port(b.destinationPorts(), -2);
        ConcreteFlow flow = new ConcreteFlow(direction, Protocols.name(protocol), address(b.sources()), sourcePort,
                address(b.destinations()), destinationPort);
        return new Witness(flow, d.rules());
    }

    private static int port(IntervalSet ports, int preferred) {
        if (preferred >= 0 && ports.contains(BigInteger.valueOf(preferred))) {
            return preferred;
        }
        for (int i = 0; i < ports.intervalCount(); i++) {
            if (ports.high(i).signum() >= 0) {
                return ports.low(i).max(BigInteger.ZERO).intValue();
            }
        }
        return Protocols.NO_PORT;
    }

    /** A readable address of a set: private space first, then public, a range's fifth address; or a tag. */
    private String address(AddressSet s) {
        IntervalSet ips = s.ips();
        if (!ips.isEmpty()) {
            return AddressSpace.format(AddressSpace.representative(ips));
        }
        int atom = s.firstAtom();
        return atom < 0 ? "(no address)" : atoms.get(atom).display();
    }

    // ---- convenience for NIC targets ----------------------------------------------------------------------

    /** The NICs of a subnet that have an IP configuration in it. */
    public List<NetworkInterface> nicsIn(Subnet subnet) {
        return topology.nicsIn(subnet);
    }

    /** A NIC's private addresses in a subnet, when the template fixes them. */
    public static AddressSet privateAddresses(NetworkInterface nic, Subnet subnet) {
        return privateAddresses(nic, ip -> ip.subnetId().known().filter(id -> ResourceIds.same(id, subnet.id()))
                .isPresent());
    }

    /** A NIC's private addresses in every subnet, when the template fixes them. */
    public static AddressSet privateAddresses(NetworkInterface nic) {
        return privateAddresses(nic, ip -> true);
    }

    private static AddressSet privateAddresses(NetworkInterface nic,
            java.util.function.Predicate<IpConfiguration> which) {
        IntervalSet s = IntervalSet.EMPTY;
        for (IpConfiguration ip : nic.ipConfigurations()) {
            if (which.test(ip)) {
                s = s.union(fixedAddress(ip).orElse(IntervalSet.EMPTY));
            }
        }
        return AddressSet.ofIps(s);
    }

    /** The private address an IP configuration fixes, if it does. */
    private static Optional<IntervalSet> fixedAddress(IpConfiguration ip) {
        return ip.privateIpAddress().known().flatMap(AddressSpace::cidr);
    }
}
