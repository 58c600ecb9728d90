package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine against {@link NaiveReference}: random NSGs (priorities, protocols, CIDRs, port ranges, tags),
 * random concrete flows, and a random concrete assignment of service-tag prefixes consistent with the platform's
 * facts (tags are public, outside the VNet). Without a tag file the engine may answer UNKNOWN, but whatever it
 * answers for certain must hold for every assignment; with the tag file it must be exact.
 */
class FlowEnginePropertiesTest {

    private static final String VNET = "10.1.0.0/16";
    private static final String PEER = "10.2.0.0/16";
    private static final List<String> TAGS = List.of("GatewayManager", "AzureCloud", "Storage");
    /** Public /24s tags draw from, so tags overlap each other and the rules' CIDRs. */
    private static final List<String> TAG_POOL = List.of("20.0.0.0/24", "20.0.1.0/24", "20.0.2.0/24",
            "20.0.3.0/24", "52.1.0.0/24", "52.1.1.0/24");
    private static final List<String> CIDRS = List.of("10.1.0.0/16", "10.1.1.0/24", "10.1.1.0/26", "10.2.0.0/16",
            "10.3.0.0/16", "10.0.0.0/8", "0.0.0.0/0", "20.0.0.0/16", "20.0.1.0/24", "20.0.1.128/25", "52.1.0.0/23",
            "8.8.8.8", "168.63.129.16", "192.168.0.0/16");
    private static final List<String> KEYWORDS = List.of("*", "Internet", "VirtualNetwork", "AzureLoadBalancer");
    private static final List<Integer> PORTS = List.of(22, 80, 443, 3389, 5701, 8080);

    // ---- generators --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<SecurityRule>> rules = rule().list().ofMinSize(0).ofMaxSize(25).map(FlowEnginePropertiesTest::unique);
        Arbitrary<Map<String, List<String>>> tagFile = Arbitraries.of(TAG_POOL).set().ofMinSize(1).ofMaxSize(3)
                .list().ofSize(TAGS.size()).map(sets -> {
                    Map<String, List<String>> m = new HashMap<>();
                    for (int i = 0; i < TAGS.size(); i++) {
                        m.put(TAGS.get(i), new ArrayList<>(sets.get(i)));
                    }
                    return m;
                });
        Arbitrary<List<NaiveReference.Flow>> flows = flow().list().ofMinSize(20).ofMaxSize(40);
        return Combinators.combine(rules, tagFile, flows).as(Case::new);
    }

    record Case(List<SecurityRule> rules, Map<String, List<String>> tagFile, List<NaiveReference.Flow> flows) {
    }

    private Arbitrary<SecurityRule> rule() {
        Arbitrary<String> address = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(CIDRS)), net.jqwik.api.Tuple.of(2, Arbitraries.of(KEYWORDS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(TAGS)));
        Arbitrary<String> port = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just("*")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(PORTS).map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 9000),
                        Arbitraries.integers().between(0, 4000)).as((a, w) -> a + "-" + (a + w))));
        Arbitrary<Protocol> protocol = Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ANY);
        return Combinators.combine(Arbitraries.integers().between(100, 4096), Arbitraries.of(Direction.values()),
                Arbitraries.of(Access.values()), protocol, address.list().ofMinSize(1).ofMaxSize(2),
                port.list().ofMinSize(1).ofMaxSize(2), address.list().ofMinSize(1).ofMaxSize(2), port)
                .as((priority, dir, access, proto, src, dstPorts, dst, srcPort) -> new SecurityRule("r",
                        // unique per priority and direction, as unique() keeps them, so names identify rules
                        Field.known("r" + priority + (dir == Direction.INBOUND ? "in" : "out")), Field.known(priority), Field.known(dir), Field.known(access),
                        Field.known(proto), Field.known(src), Field.known(List.of(srcPort)), Field.known(dst),
                        Field.known(dstPorts), Field.known(List.of()), Field.known(List.of()), Field.absent(), List.of(),
                        SourceLocation.caret("random.json", priority, 1)));
    }

    /** Azure rejects two rules with one priority and direction; keep the first of each. */
    private static List<SecurityRule> unique(List<SecurityRule> rules) {
        Set<String> seen = new HashSet<>();
        List<SecurityRule> out = new ArrayList<>();
        for (SecurityRule r : rules) {
            if (seen.add(r.direction().known().orElseThrow() + "|" + r.priority().known().orElseThrow())) {
                out.add(r);
            }
        }
        return out;
    }

    private Arbitrary<NaiveReference.Flow> flow() {
        Arbitrary<BigInteger> ip = Arbitraries.of("10.1.1.4", "10.1.1.70", "10.1.200.9", "10.2.0.5", "10.3.1.1",
                "20.0.0.7", "20.0.1.200", "20.0.2.3", "20.0.3.9", "52.1.0.1", "52.1.1.250", "8.8.8.8",
                "168.63.129.16", "192.168.1.1", "99.1.2.3").map(s -> AddressSpace.cidr(s).orElseThrow().low(0));
        Arbitrary<Integer> port = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(PORTS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 65535)));
        return Combinators.combine(Arbitraries.of(Direction.values()),
                Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP), ip, port, ip, port)
                .as((dir, proto, src, sp, dst, dp) -> proto == Protocol.ICMP
                        ? new NaiveReference.Flow(dir, proto, src, -1, dst, -1)
                        : new NaiveReference.Flow(dir, proto, src, sp, dst, dp));
    }

    // ---- harness -----------------------------------------------------------------------------------------

    private static NaiveReference reference(Map<String, List<String>> tagFile) {
        Map<String, List<BigInteger[]>> tags = new HashMap<>();
        tagFile.forEach((k, v) -> tags.put(k.toLowerCase(Locale.ROOT), ranges(v)));
        return new NaiveReference(ranges(List.of(VNET, PEER)), tags);
    }

    private static List<BigInteger[]> ranges(List<String> cidrs) {
        List<BigInteger[]> out = new ArrayList<>();
        for (String c : cidrs) {
            IntervalSet s = AddressSpace.cidr(c).orElseThrow();
            out.add(new BigInteger[] {s.low(0), s.high(0)});
        }
        return out;
    }

    /** The engine's view: the NSG applied in VNet 10.1.0.0/16, peered both ways with 10.2.0.0/16. */
    private record Engine(FlowEngine engine, NetworkSecurityGroup nsg, TagContext ctx) {
        List<Decision> decide(NaiveReference.Flow f) {
            AddressSet src = AddressSet.ofIps(IntervalSet.of(f.source(), f.source()));
            AddressSet dst = AddressSet.ofIps(IntervalSet.of(f.destination(), f.destination()));
            FlowSet q = engine.flows(Protocols.of(f.protocol()), src, IntervalSet.of(f.sourcePort(), f.sourcePort()),
                    dst, IntervalSet.of(f.destinationPort(), f.destinationPort()));
            return engine.evaluate(nsg, f.direction(), ctx, q);
        }
    }

    private static Engine engine(List<SecurityRule> rules, ServiceTagPrefixes tags) {
        NetworkSecurityGroup nsg = Rules.nsg(rules);
        FlowEngine e = FlowEngine.of(io.github.nsglint.core.topology.Topology.of(
                new io.github.nsglint.core.model.NetworkModel(List.of(), List.of(nsg), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                io.github.nsglint.core.topology.TargetMode.SUBNETS_WITH_NICS), tags);
        IntervalSet vnet = AddressSpace.cidr(VNET).orElseThrow().union(AddressSpace.cidr(PEER).orElseThrow());
        TagContext ctx = new TagContext("in VNet test", vnet, vnet, null, null, false, tags, e.atoms());
        return new Engine(e, nsg, ctx);
    }

    // ---- properties --------------------------------------------------------------------------------------

    @Property(tries = 300)
    void certainAnswersAgreeWithTheReferenceForEveryTagAssignment(@ForAll("cases") Case c) {
        Engine e = engine(c.rules(), ServiceTagPrefixes.NONE);
        NaiveReference ref = reference(c.tagFile());
        for (NaiveReference.Flow f : c.flows()) {
            List<Decision> ds = e.decide(f);
            assertEquals(1, ds.size(), "one concrete flow is one decision: " + ds);
            Decision d = ds.get(0);
            NaiveReference.Match m = ref.decide(c.rules(), f);
            if (!usesTags(c.rules())) {
                // Without service tags nothing is unknown: the answer is certain and exact, deciding rule included.
                assertNotEquals(Decision.Outcome.UNKNOWN, d.outcome(), d.reason());
                assertEquals(m.ruleName(), d.deciding().ruleName(), f + " with " + c.rules());
            }
            if (d.outcome() == Decision.Outcome.UNKNOWN) {
                assertTrue(d.reason() != null && d.reason().contains("service tag"), "unknown only through tags: " + d);
                continue;
            }
            assertEquals(m.access() == Access.ALLOW ? Decision.Outcome.ALLOWED : Decision.Outcome.DENIED,
                    d.outcome(), f + " with " + c.rules());
            assertDecidedAsClaimed(c.rules(), f, d, ref);
        }
    }

    @Property(tries = 300)
    void withTheTagFileEveryAnswerIsCertainAndExact(@ForAll("cases") Case c) {
        Engine e = engine(c.rules(), ServiceTagPrefixes.of(c.tagFile(), "random"));
        NaiveReference ref = reference(c.tagFile());
        for (NaiveReference.Flow f : c.flows()) {
            Decision d = e.decide(f).get(0);
            NaiveReference.Match m = ref.decide(c.rules(), f);
            assertNotEquals(Decision.Outcome.UNKNOWN, d.outcome(), d.reason());
            assertEquals(m.access() == Access.ALLOW ? Decision.Outcome.ALLOWED : Decision.Outcome.DENIED,
                    d.outcome(), f + " with " + c.rules());
            assertEquals(m.ruleName(), d.deciding().ruleName(), f + " with " + c.rules());
        }
    }

    @Property(tries = 200)
    void setAnswersHoldOnEverySampledFlowAndWitnessesAreReal(@ForAll("cases") Case c) {
        Engine e = engine(c.rules(), ServiceTagPrefixes.of(c.tagFile(), "random"));
        NaiveReference ref = reference(c.tagFile());
        // Query: inbound TCP to the VNet on 22 and 3389 from every public address outside the VNet.
        AddressSet internet = e.engine().addresses("Internet", e.ctx());
        FlowSet q = e.engine().flows(Protocols.TCP, internet, FlowBox.ANY_PORT,
                AddressSet.ofIps(AddressSpace.cidr(VNET).orElseThrow()),
                IntervalSet.of(22, 22).union(IntervalSet.of(3389, 3389)));
        Verdict v = e.engine().allDenied(e.engine().evaluate(e.nsg(), Direction.INBOUND, e.ctx(), q), Direction.INBOUND);
        for (NaiveReference.Flow f : c.flows()) {
            boolean inQuery = f.direction() == Direction.INBOUND && f.protocol() == Protocol.TCP
                    && ref.isInternet(f.source()) && AddressSpace.cidr(VNET).orElseThrow().contains(f.destination())
                    && (f.destinationPort() == 22 || f.destinationPort() == 3389);
            if (inQuery && v instanceof Verdict.Holds) {
                assertEquals(Access.DENY, ref.decide(c.rules(), f).access(), f + " with " + c.rules());
            }
        }
        if (v instanceof Verdict.Violated violated) {
            ConcreteFlow w = violated.witness().flow();
            NaiveReference.Flow wf = new NaiveReference.Flow(Direction.INBOUND, Protocol.TCP,
                    AddressSpace.cidr(w.source()).orElseThrow().low(0), w.sourcePort(),
                    AddressSpace.cidr(w.destination()).orElseThrow().low(0), w.destinationPort());
            NaiveReference.Match m = ref.decide(c.rules(), wf);
            assertEquals(Access.ALLOW, m.access(), "witness " + w + " with " + c.rules());
            assertEquals(m.ruleName(), violated.witness().deciding().ruleName());
        }
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> address = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(CIDRS)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(KEYWORDS)), net.jqwik.api.Tuple.of(1, Arbitraries.of(TAGS)));
        Arbitrary<IntervalSet> ports = Combinators.combine(Arbitraries.integers().between(0, 9000),
                Arbitraries.integers().between(0, 3000)).as((a, w) -> IntervalSet.of(a, a + w));
        return Combinators.combine(cases(), Arbitraries.of(Direction.values()),
                Arbitraries.of(Protocols.TCP, Protocols.UDP, Protocols.ALL), address, address, ports,
                Arbitraries.of(true, false)).as(Query::new);
    }

    record Query(Case c, Direction direction, int protocols, String source, String destination, IntervalSet ports,
            boolean allow) {
    }

    @Property(tries = 400)
    void fastVerdictsAgreeWithEnumerationAndTheReference(@ForAll("queries") Query q) {
        for (boolean withTagFile : new boolean[] {true, false}) {
            Engine e = engine(q.c().rules(), withTagFile ? ServiceTagPrefixes.of(q.c().tagFile(), "random")
                    : ServiceTagPrefixes.NONE);
            FlowSet flows = e.engine().flows(q.protocols(), e.engine().addresses(q.source(), e.ctx()), FlowBox.ANY_PORT,
                    e.engine().addresses(q.destination(), e.ctx()), q.ports());
            Verdict fast = q.allow() ? e.engine().mustAllow(e.nsg(), q.direction(), e.ctx(), flows)
                    : e.engine().mustDeny(e.nsg(), q.direction(), e.ctx(), flows);
            List<Decision> all = e.engine().evaluate(e.nsg(), q.direction(), e.ctx(), flows);
            Verdict slow = q.allow() ? e.engine().allAllowed(all, q.direction()) : e.engine().allDenied(all, q.direction());
            if (withTagFile) {
                assertEquals(slow.getClass(), fast.getClass(), q + ": " + fast + " vs " + slow);
            } else {
                // Both are sound; neither may claim HOLDS where the other finds a certain violation.
                assertTrue(!(fast instanceof Verdict.Holds && slow instanceof Verdict.Violated), q + ": " + slow);
                assertTrue(!(slow instanceof Verdict.Holds && fast instanceof Verdict.Violated), q + ": " + fast);
            }
            if (fast instanceof Verdict.Violated v && withTagFile) {
                ConcreteFlow w = v.witness().flow();
                NaiveReference.Flow wf = new NaiveReference.Flow(q.direction(), Protocol.parse(w.protocol()).orElseThrow(),
                        AddressSpace.cidr(w.source()).orElseThrow().low(0), w.sourcePort(),
                        AddressSpace.cidr(w.destination()).orElseThrow().low(0), w.destinationPort());
                NaiveReference.Match m = reference(q.c().tagFile()).decide(q.c().rules(), wf);
                assertEquals(q.allow() ? Access.DENY : Access.ALLOW, m.access(), "witness " + w);
                assertEquals(m.ruleName(), v.witness().deciding().ruleName(), "witness " + w);
            }
        }
    }

    @Property(tries = 200)
    void shadowedRulesNeverDecideAFlow(@ForAll("cases") Case c) {
        Engine e = engine(c.rules(), ServiceTagPrefixes.of(c.tagFile(), "random"));
        NaiveReference ref = reference(c.tagFile());
        Set<String> shadowed = new HashSet<>();
        for (RuleProblem p : new NsgHygiene(e.engine()).shadowedRules(e.nsg(), e.ctx())) {
            shadowed.add(p.rule().name().known().orElseThrow());
        }
        for (NaiveReference.Flow f : c.flows()) {
            NaiveReference.Match m = ref.decide(c.rules(), f);
            assertTrue(!shadowed.contains(m.ruleName()), m.ruleName() + " is called shadowed but decides " + f);
        }
    }

    /** The deciding rule really matches the flow and says what the decision says. */
    private static void assertDecidedAsClaimed(List<SecurityRule> rules, NaiveReference.Flow f, Decision d,
            NaiveReference ref) {
        DecidingRule r = d.deciding();
        if (r.kind() == DecidingRule.Kind.DEFAULT) {
            return; // defaults are checked by the exact property
        }
        SecurityRule rule = rules.stream().filter(x -> x.name().known().orElseThrow().equals(r.ruleName()))
                .filter(x -> x.direction().known().orElseThrow() == f.direction()).findFirst().orElseThrow();
        assertTrue(ref.matches(rule, f), r.ruleName() + " does not match " + f);
        assertEquals(d.outcome() == Decision.Outcome.ALLOWED ? Access.ALLOW : Access.DENY,
                rule.access().known().orElseThrow());
    }

    private static boolean usesTags(List<SecurityRule> rules) {
        return rules.stream().anyMatch(r -> r.sourceAddressPrefixes().known().orElseThrow().stream().anyMatch(TAGS::contains)
                || r.destinationAddressPrefixes().known().orElseThrow().stream().anyMatch(TAGS::contains));
    }
}
