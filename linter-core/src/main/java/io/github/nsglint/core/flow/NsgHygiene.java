package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rule-level answers about one NSG: shadowed rules, duplicate priorities, fields Azure rejects. */
public final class NsgHygiene {

    public static final int MIN_PRIORITY = 100;
    public static final int MAX_PRIORITY = 4096;

    private final FlowEngine engine;

    public NsgHygiene(FlowEngine engine) {
        this.engine = engine;
    }

    /**
     * Rules that no flow can reach in a context: every flow they could match is certainly taken by rules of
     * higher priority (named in {@link RuleProblem#related()}). A rule that is only perhaps shadowed (an unknown
     * field on the way) is not reported: a warning must not be a guess.
     */
    public List<RuleProblem> shadowedRules(NetworkSecurityGroup nsg, TagContext ctx) {
        return shadowedRules(nsg, ctx, Map.of());
    }

    /**
     * {@link #shadowedRules(NetworkSecurityGroup, TagContext)}, leaving out allow rules that serve a required flow
     * ({@code required}, per direction): rules another check demands be present, which must not be advised away.
     */
    public List<RuleProblem> shadowedRules(NetworkSecurityGroup nsg, TagContext ctx, Map<Direction, FlowSet> required) {
        List<RuleProblem> out = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<CompiledRule> rules = engine.rules(nsg, direction, ctx);
            FlowSet keep = required.getOrDefault(direction, FlowSet.EMPTY);
            for (int i = 0; i < rules.size(); i++) {
                List<SecurityRule> takers = takers(rules, i);
                if (takers != null && serves(rules.get(i), keep)) {
                    continue;
                }
                if (takers != null) {
                    CompiledRule r = rules.get(i);
                    out.add(new RuleProblem(RuleProblem.Kind.SHADOWED, r.source(), takers, "rule "
                            + r.decides().ruleName() + " (priority " + r.decides().priority() + ") can never match: "
                            + names(takers) + " take every flow it matches", r.source().location()));
                }
            }
        }
        return out;
    }

    /** Whether an allow rule matches some of the required flows. */
    private static boolean serves(CompiledRule r, FlowSet required) {
        if (r.access() != io.github.nsglint.core.model.Access.ALLOW) {
            return false;
        }
        for (FlowBox b : required.boxes()) {
            if (b.intersects(r.possible())) {
                return true;
            }
        }
        return false;
    }

    /** The earlier rules that certainly take every flow rule i could match, or null when some flow reaches it. */
    private static List<SecurityRule> takers(List<CompiledRule> rules, int i) {
        CompiledRule r = rules.get(i);
        if (r.source() == null || !r.isCertain() || r.definite().isEmpty()) {
            return null;
        }
        FlowSet flows = FlowSet.real(r.possible());
        if (flows.isEmpty()) {
            return null;
        }
        // Most rules are not shadowed: a corner of the rule that no earlier rule takes shows it without a search.
        for (FlowBox b : flows.boxes()) {
            if (!taken(rules, i, b.corner(false)) || !taken(rules, i, b.corner(true))) {
                return null;
            }
        }
        List<SecurityRule> takers = new ArrayList<>();
        List<IntervalSet[]> earlier = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            CompiledRule e = rules.get(j);
            if (canTake(e) && e.definite().intersects(r.possible())) {
                takers.add(e.source());
                earlier.add(e.definite().lines());
            }
        }
        for (FlowBox b : flows.boxes()) {
            if (BoxCover.uncovered(b.lines(), earlier) != null) {
                return null;
            }
        }
        return takers;
    }

    /** Whether a rule can shadow others: a rule of the template (not a default one) whose access is known. */
    private static boolean canTake(CompiledRule e) {
        return e.access() != null && e.source() != null;
    }

    /** Whether a rule before rule i certainly takes the flow at point {@code p} (see {@link FlowBox#lines()}). */
    private static boolean taken(List<CompiledRule> rules, int i, java.math.BigInteger[] p) {
        for (int j = 0; j < i; j++) {
            CompiledRule e = rules.get(j);
            if (canTake(e) && e.definite().contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@link #openToInternet} found: the allow rules that together let every port in from the Internet at
     * large, or why that is not known (both empty when it holds).
     */
    public record Openness(List<RuleProblem> problems, String unknownReason,
            io.github.nsglint.core.model.SourceLocation unknownAt) {
        public Openness {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Whether the NSG on its own (its rules in priority order, then the defaults) lets every TCP or UDP port in
     * from the Internet at large to some address: there is a source, wider together than {@code width}, and a
     * destination and protocol for which no port 0..65535 is denied. A flow question, not a match on tokens: rules
     * and ranges that together cover every port count (0-30000 and 30001-65535), a deny above takes its share, and
     * an ICMP-only allow opens no port.
     *
     * <p>Ports are taken segment by segment (the segments between the rules' port boundaries): the flows allowed on
     * the first segment are asked about on the next, and so on; what is left at the end is allowed on every port.
     */
    public Openness openToInternet(NetworkSecurityGroup nsg, InternetWidth width) {
        // The Internet at large is people's addresses: a rule for a service tag admits the service, not them, so
        // without the tag file it does not make every public address perhaps open (TagContext.forUsers).
        TagContext ctx = engine.unattached().forUsers();
        FlowSet all = engine.flows(Protocols.WITH_PORTS, AddressSet.ofIps(engine.addresses("Internet", ctx).ips()),
                FlowBox.ANY_PORT, engine.addresses("*", ctx), FlowBox.ANY_PORT);
        Open open = everyPort(nsg, Direction.INBOUND, ctx, all, false);
        if (wide(open.certain(), width, true)) {
            return new Openness(List.of(problem(nsg, open.certain(), width)), null, null);
        }
        if (wide(open.possible(), width, true)) {
            return new Openness(List.of(), "whether every port is open from the Internet is not known: "
                    + (open.reason() == null ? "a rule's fields are not known" : open.reason()), open.at());
        }
        return new Openness(List.of(), null, null);
    }

    /**
     * Whether the NSG's own rules (not the default AllowInternetOutBound) let every TCP and every UDP port out to
     * the Internet at large from some address: the same flow question as {@link #openToInternet}, outbound, asked
     * of TCP and UDP apart and met only where both are open; a flow the default rule allows does not count.
     */
    public Openness egressToInternet(NetworkSecurityGroup nsg, InternetWidth width) {
        TagContext ctx = engine.unattached().forUsers();
        AddressSet internet = AddressSet.ofIps(engine.addresses("Internet", ctx).ips());
        AddressSet any = engine.addresses("*", ctx);
        Open tcp = everyPort(nsg, Direction.OUTBOUND, ctx,
                engine.flows(Protocols.TCP, any, FlowBox.ANY_PORT, internet, FlowBox.ANY_PORT), true);
        Open udp = everyPort(nsg, Direction.OUTBOUND, ctx,
                engine.flows(Protocols.UDP, any, FlowBox.ANY_PORT, internet, FlowBox.ANY_PORT), true);
        FlowSet certain = both(tcp.certain(), udp.certain());
        if (wide(certain, width, false)) {
            return new Openness(List.of(egressProblem(nsg, certain, width)), null, null);
        }
        if (wide(both(tcp.possible(), udp.possible()), width, false)) {
            String reason = tcp.reason() != null ? tcp.reason() : udp.reason();
            return new Openness(List.of(), "whether every port is open to the Internet is not known: "
                    + (reason == null ? "a rule's fields are not known" : reason), tcp.reason() != null ? tcp.at()
                    : udp.at());
        }
        return new Openness(List.of(), null, null);
    }

    /** The flows allowed on every port, certainly and perhaps, and why some are only perhaps. */
    private record Open(FlowSet certain, FlowSet possible, String reason,
            io.github.nsglint.core.model.SourceLocation at) {
    }

    /**
     * The flows of {@code all} that the NSG in priority order allows on every destination port (with
     * {@code customOnly}, allowed by one of its own rules, not a default one). Ports are taken segment by segment
     * (the segments between the rules' port boundaries): the flows allowed on the first segment are asked about on
     * the next, and so on; what is left at the end is allowed on every port.
     */
    private Open everyPort(NetworkSecurityGroup nsg, Direction direction, TagContext ctx, FlowSet all,
            boolean customOnly) {
        List<Decision> whole = engine.evaluate(nsg, direction, ctx, all);
        java.util.TreeSet<Long> cuts = new java.util.TreeSet<>(List.of(0L, 65536L));
        for (Decision d : whole) {
            IntervalSet ports = d.flows().destinationPorts();
            for (int i = 0; i < ports.intervalCount(); i++) {
                cuts.add(Math.max(0L, ports.low(i).longValue()));
                cuts.add(Math.min(65536L, ports.high(i).longValue() + 1));
            }
        }
        FlowSet certain = all;
        FlowSet possible = all;
        String reason = null;
        io.github.nsglint.core.model.SourceLocation reasonAt = null;
        Long previous = null;
        for (long cut : cuts) {
            if (previous != null && !possible.isEmpty()) {
                IntervalSet port = IntervalSet.of(previous, previous); // one port stands for its segment
                List<Decision> onCertain = engine.evaluate(nsg, direction, ctx, atPort(certain, port));
                List<Decision> onPossible = engine.evaluate(nsg, direction, ctx, atPort(possible, port));
                certain = anyPort(onCertain, false, customOnly);
                possible = anyPort(onPossible, true, customOnly);
                for (Decision d : onPossible) {
                    if (d.outcome() == Decision.Outcome.UNKNOWN && reason == null) {
                        reason = d.reason();
                        reasonAt = d.at();
                    }
                }
            }
            previous = cut;
        }
        return new Open(certain, possible, reason, reasonAt);
    }

    /** The sources and destinations open in both sets (TCP's and UDP's), as one box each. */
    private static FlowSet both(FlowSet a, FlowSet b) {
        FlowSet out = FlowSet.EMPTY;
        for (FlowBox x : a.boxes()) {
            for (FlowBox y : b.boxes()) {
                FlowBox meet = new FlowBox(x.protocols() | y.protocols(), x.sources().intersect(y.sources()),
                        FlowBox.ANY_PORT, x.destinations().intersect(y.destinations()), FlowBox.ANY_PORT);
                if (!meet.sources().isEmpty() && !meet.destinations().isEmpty()) {
                    out = out.union(FlowSet.of(meet));
                }
            }
        }
        return out;
    }

    /** The finding for {@link #egressToInternet}: one open flow and the NSG's rules that allow it. */
    private RuleProblem egressProblem(NetworkSecurityGroup nsg, FlowSet open, InternetWidth width) {
        FlowBox widest = open.boxes().stream()
                .filter(b -> !b.destinations().ips().intersect(AddressSpace.PUBLIC).isEmpty()
                        && !b.sources().ips().isEmpty())
                .findFirst().orElseThrow(() -> new IllegalStateException("wide but no public destination in " + open));
        java.math.BigInteger source = AddressSpace.representative(widest.sources().ips());
        java.math.BigInteger destination = AddressSpace.representative(
                widest.destinations().ips().intersect(AddressSpace.PUBLIC));
        List<SecurityRule> rules = new ArrayList<>();
        for (int protocol : new int[] {Protocols.TCP, Protocols.UDP}) {
            FlowSet point = FlowSet.of(new FlowBox(protocol, AddressSet.ofIps(IntervalSet.of(source, source)),
                    FlowBox.REAL_PORTS, AddressSet.ofIps(IntervalSet.of(destination, destination)),
                    FlowBox.REAL_PORTS));
            for (Decision d : engine.evaluate(nsg, Direction.OUTBOUND, engine.unattached().forUsers(), point)) {
                addRule(nsg, d.deciding(), rules);
            }
        }
        rules.sort(java.util.Comparator.comparing(r -> r.priority().known().orElse(Integer.MAX_VALUE)));
        if (rules.isEmpty()) {
            throw new IllegalStateException("every port allowed out without an allow rule of " + nsg.id());
        }
        String what = describe(rules) + " every TCP and UDP port out to the Internet (more public addresses"
                + " than a " + width.describe() + " holds) before the default rules, e.g. from "
                + AddressSpace.format(source) + " to " + AddressSpace.format(destination);
        return new RuleProblem(RuleProblem.Kind.INVALID, rules.get(0), rules.subList(1, rules.size()), what,
                rules.get(0).location());
    }

    /** The NSG's own rule a decision names, added once. */
    private static void addRule(NetworkSecurityGroup nsg, DecidingRule r, List<SecurityRule> rules) {
        for (SecurityRule candidate : nsg.securityRules().known().orElse(List.of())) {
            if (candidate.name().known().filter(n -> n.equals(r.ruleName())).isPresent()
                    && candidate.priority().known().filter(p -> p == r.priority()).isPresent()
                    && !rules.contains(candidate)) {
                rules.add(candidate);
            }
        }
    }

    /** {@code rule A (priority 100) allows} or {@code rules A (priority 100) and B (priority 110) together allow}. */
    private static String describe(List<SecurityRule> rules) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            SecurityRule r = rules.get(i);
            names.append(i == 0 ? "" : i == rules.size() - 1 ? " and " : ", ").append(name(r)).append(" (priority ")
                    .append(r.priority().known().map(String::valueOf).orElse("?")).append(')');
        }
        return (rules.size() == 1 ? "rule " : "rules ") + names + (rules.size() == 1 ? " allows" : " together allow");
    }

    /** The flows with their destination port set to {@code port}. */
    private static FlowSet atPort(FlowSet flows, IntervalSet port) {
        FlowSet out = FlowSet.EMPTY;
        for (FlowBox b : flows.boxes()) {
            out = out.union(FlowSet.of(new FlowBox(b.protocols(), b.sources(), b.sourcePorts(), b.destinations(),
                    port)));
        }
        return out;
    }

    /** The allowed (and, when asked, perhaps allowed) flows of decisions, on every port again. */
    private static FlowSet anyPort(List<Decision> decisions, boolean perhapsToo, boolean customOnly) {
        FlowSet out = FlowSet.EMPTY;
        for (Decision d : decisions) {
            boolean byOwnRule = !customOnly || d.deciding().kind() == DecidingRule.Kind.CUSTOM;
            if (byOwnRule && (d.outcome() == Decision.Outcome.ALLOWED
                    || perhapsToo && d.outcome() == Decision.Outcome.UNKNOWN)) {
                FlowBox b = d.flows();
                out = out.union(FlowSet.of(new FlowBox(b.protocols(), b.sources(), b.sourcePorts(), b.destinations(),
                        FlowBox.ANY_PORT)));
            }
        }
        return out;
    }

    /** Whether the sources (or destinations) of the flows are the Internet at large. */
    private static boolean wide(FlowSet flows, InternetWidth width, boolean sources) {
        IntervalSet peers = IntervalSet.EMPTY;
        for (FlowBox b : flows.boxes()) {
            peers = peers.union((sources ? b.sources() : b.destinations()).ips());
        }
        return width.wide(peers);
    }

    /**
     * The finding: one flow allowed on every port (the widest box's first public source), the rules that allow it
     * on each segment, and the first of them as the rule at fault.
     */
    private RuleProblem problem(NetworkSecurityGroup nsg, FlowSet open, InternetWidth width) {
        FlowBox widest = open.boxes().stream()
                .filter(b -> !b.sources().ips().intersect(AddressSpace.PUBLIC).isEmpty()
                        && !b.destinations().ips().isEmpty())
                .findFirst().orElseThrow(() -> new IllegalStateException("wide but no public source in " + open));
        java.math.BigInteger source = AddressSpace.representative(widest.sources().ips().intersect(AddressSpace.PUBLIC));
        java.math.BigInteger destination = AddressSpace.representative(widest.destinations().ips());
        int protocol = (widest.protocols() & Protocols.TCP) != 0 ? Protocols.TCP : Protocols.UDP;
        FlowSet point = FlowSet.of(new FlowBox(protocol, AddressSet.ofIps(IntervalSet.of(source, source)),
                widest.sourcePorts(), AddressSet.ofIps(IntervalSet.of(destination, destination)), FlowBox.REAL_PORTS));
        List<SecurityRule> rules = new ArrayList<>();
        for (Decision d : engine.evaluate(nsg, Direction.INBOUND, engine.unattached().forUsers(), point)) {
            addRule(nsg, d.deciding(), rules);
        }
        rules.sort(java.util.Comparator.comparing(r -> r.priority().known().orElse(Integer.MAX_VALUE)));
        if (rules.isEmpty()) {
            throw new IllegalStateException("every port allowed without an allow rule of " + nsg.id());
        }
        String what = describe(rules) + " every " + (protocol == Protocols.TCP ? "TCP" : "UDP") + " port inbound from"
                + " the Internet (more public addresses than a " + width.describe() + " holds), e.g. from "
                + AddressSpace.format(source) + " to " + AddressSpace.format(destination);
        SecurityRule first = rules.get(0);
        return new RuleProblem(RuleProblem.Kind.INVALID, first, rules.subList(1, rules.size()), what,
                first.location());
    }

    /** Whether a known list field holds one of {@code tokens}, ignoring case and surrounding spaces. */
    private static boolean anyOf(Field<List<String>> field, String... tokens) {
        if (!(field instanceof Field.Known<List<String>> k)) {
            return false;
        }
        for (String v : k.value()) {
            String t = v.trim();
            for (String token : tokens) {
                if (t.equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean shadowed(List<CompiledRule> rules, SecurityRule rule) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).source() == rule) {
                return takers(rules, i) != null;
            }
        }
        return false;
    }

    /** Rules of one direction that share a priority; Azure rejects the deployment. */
    public static List<RuleProblem> duplicatePriorities(NetworkSecurityGroup nsg) {
        List<RuleProblem> out = new ArrayList<>();
        List<SecurityRule> rules = nsg.securityRules().known().orElse(List.of());
        // Priorities Azure accepts, one bit per direction and priority: no boxing for the common case. Others
        // (out of range, reported as invalid too) are kept in a map.
        java.util.BitSet seen = new java.util.BitSet(2 * (MAX_PRIORITY + 1));
        Map<Long, SecurityRule> outOfRange = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            SecurityRule r = rules.get(i);
            if (r.priority() instanceof Field.Known<Integer> p && r.direction() instanceof Field.Known<Direction> d) {
                SecurityRule earlier;
                int priority = p.value();
                if (priority >= 0 && priority <= MAX_PRIORITY) {
                    int bit = d.value().ordinal() * (MAX_PRIORITY + 1) + priority;
                    earlier = seen.get(bit) ? firstWith(rules, i, d.value(), priority) : null;
                    seen.set(bit);
                } else {
                    long key = ((long) d.value().ordinal() << 32) | (priority & 0xffffffffL);
                    earlier = outOfRange.putIfAbsent(key, r);
                }
                if (earlier != null) {
                    out.add(new RuleProblem(RuleProblem.Kind.DUPLICATE_PRIORITY, r, List.of(earlier), "rules "
                            + name(earlier) + " and " + name(r) + " both have priority " + priority + " "
                            + d.value().armName().toLowerCase(Locale.ROOT) + "; Azure rejects the deployment",
                            r.location()));
                }
            }
        }
        return out;
    }

    /** The first of {@code rules[0, before)} with this direction and priority. */
    private static SecurityRule firstWith(List<SecurityRule> rules, int before, Direction direction, int priority) {
        for (int j = 0; j < before; j++) {
            SecurityRule e = rules.get(j);
            if (e.priority() instanceof Field.Known<Integer> p && p.value() == priority
                    && e.direction() instanceof Field.Known<Direction> d && d.value() == direction) {
                return e;
            }
        }
        throw new IllegalStateException("a priority seen before has no earlier rule");
    }

    /** Fields Azure rejects: priority out of range, malformed CIDR or port range, bad enumerations, mixed tags. */
    public static List<RuleProblem> invalidFields(NetworkSecurityGroup nsg) {
        List<RuleProblem> out = new ArrayList<>();
        for (SecurityRule r : nsg.securityRules().known().orElse(List.of())) {
            addInvalid(r, invalidFieldsOf(r), out);
        }
        return out;
    }

    /**
     * {@link #invalidFields} from the engine's rule shapes, where each rule's problems were found when its shape
     * was made (the same {@link #invalidFieldsOf}): no second walk over the NSG's rules.
     */
    public List<RuleProblem> invalidRules(NetworkSecurityGroup nsg) {
        List<RuleProblem> out = new ArrayList<>();
        for (RuleCompiler.RuleShape shape : engine.shapes(nsg)) {
            addInvalid(shape.rule(), shape.invalid(), out);
        }
        return out;
    }

    private static void addInvalid(SecurityRule r, List<String> problems, List<RuleProblem> out) {
        for (String p : problems) {
            out.add(new RuleProblem(RuleProblem.Kind.INVALID, r, List.of(), "rule " + name(r) + ": " + p,
                    r.location()));
        }
    }

    /** What Azure rejects in one rule's fields, in a fixed order; an empty list, not a new one, when nothing. */
    static List<String> invalidFieldsOf(SecurityRule r) {
        List<String> problems = new ArrayList<>(r.problems());
        if (r.priority() instanceof Field.Known<Integer> p && (p.value() < MIN_PRIORITY || p.value() > MAX_PRIORITY)) {
            problems.add("priority " + p.value() + " is outside " + MIN_PRIORITY + "-" + MAX_PRIORITY);
        }
        invalid(r.priority(), problems);
        invalid(r.direction(), problems);
        invalid(r.access(), problems);
        invalid(r.protocol(), problems);
        addresses(r.sourceAddressPrefixes(), "source", problems);
        addresses(r.destinationAddressPrefixes(), "destination", problems);
        ports(r.sourcePortRanges(), "source port", problems);
        ports(r.destinationPortRanges(), "destination port", problems);
        return problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    private static void invalid(Field<?> f, List<String> problems) {
        if (f instanceof Field.Invalid<?> i) {
            problems.add(i.problem() + " ('" + i.raw() + "')");
        }
    }

    private static void addresses(Field<List<String>> f, String what, List<String> problems) {
        if (!(f instanceof Field.Known<List<String>> k)) {
            return;
        }
        int tags = 0;
        int cidrs = 0;
        for (String t : k.value()) {
            String s = t.trim();
            if (s.equals("*")) {
                cidrs++;
            } else if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.indexOf(':') >= 0)) {
                cidrs++;
                if (!AddressSpace.isAddress(s)) {
                    problems.add(what + " '" + s + "' is not a valid IP address or CIDR");
                }
            } else {
                tags++;
            }
        }
        if (tags > 1) {
            problems.add(what + " names " + tags + " service tags in one field; a rule takes one tag per field");
        } else if (tags == 1 && cidrs > 0) {
            problems.add(what + " mixes a service tag with addresses in one field");
        }
    }

    private static void ports(Field<List<String>> f, String what, List<String> problems) {
        for (String t : f.known().orElse(List.of())) {
            if (!PortRanges.isValid(t)) {
                problems.add(what + " range '" + t + "' is not a port, a range a-b within 0-65535, or *");
            }
        }
    }

    private static String name(SecurityRule r) {
        return r.name().known().orElse("{unknown name}");
    }

    private static String names(List<SecurityRule> rules) {
        List<String> n = new ArrayList<>();
        rules.forEach(r -> n.add(name(r) + " (" + r.priority().known().map(String::valueOf).orElse("?") + ")"));
        return String.join(", ", n);
    }

}
