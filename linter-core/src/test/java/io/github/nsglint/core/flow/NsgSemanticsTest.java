package io.github.nsglint.core.flow;

import static io.github.nsglint.core.flow.Rules.ANY_PORT;
import static io.github.nsglint.core.flow.Rules.engine;
import static io.github.nsglint.core.flow.Rules.ips;
import static io.github.nsglint.core.flow.Rules.nsg;
import static io.github.nsglint.core.flow.Rules.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts of DESIGN section 3, one NSG at a time. */
class NsgSemanticsTest {

    private static Verdict allowed(NetworkSecurityGroup nsg, Direction dir, FlowSet q) {
        FlowEngine e = engine(nsg);
        return e.allAllowed(e.evaluate(nsg, dir, e.unattached(), q), dir);
    }

    private static Verdict denied(NetworkSecurityGroup nsg, Direction dir, FlowSet q) {
        FlowEngine e = engine(nsg);
        return e.allDenied(e.evaluate(nsg, dir, e.unattached(), q), dir);
    }

    /** Flows through an engine that knows no atoms beyond the usual: fine for the concrete sets of these tests. */
    private static final FlowEngine QUERIES = engine(nsg("X 100 in allow tcp GatewayManager,Storage * * 1"));

    private static FlowSet tcp(AddressSet src, AddressSet dst, int dstPort) {
        return QUERIES.flows(Protocols.TCP, src, ANY_PORT, dst, port(dstPort));
    }

    private static AddressSet token(FlowEngine e, String t) {
        return e.addresses(t, e.unattached());
    }

    @Test
    void denyAtHundredTakesTheFlowsOfALaterAllow() {
        NetworkSecurityGroup nsg = nsg("DenySsh 100 in deny tcp * * * 22", "AllowSsh 200 in allow tcp * * * 22");
        Verdict v = denied(nsg, Direction.INBOUND, tcp(ips("1.2.3.0/24"), ips("10.0.0.0/24"), 22));
        assertInstanceOf(Verdict.Holds.class, v);
        List<RuleProblem> shadowed = new NsgHygiene(engine(nsg)).shadowedRules(nsg, engine(nsg).unattached());
        assertEquals(1, shadowed.size());
        assertEquals(Field.known("AllowSsh"), shadowed.get(0).rule().name());
        assertEquals(List.of("DenySsh"), shadowed.get(0).related().stream().map(r -> r.name().known().orElseThrow())
                .toList());
    }

    @Test
    void portRangeCoversThePortsInside() {
        NetworkSecurityGroup nsg = nsg("AllowRange 100 in allow tcp 1.0.0.0/8 * * 20-25");
        Verdict v = allowed(nsg, Direction.INBOUND, tcp(ips("1.2.3.4"), ips("10.0.0.4"), 22));
        assertInstanceOf(Verdict.Holds.class, v);
        Verdict outside = allowed(nsg, Direction.INBOUND, tcp(ips("1.2.3.4"), ips("10.0.0.4"), 26));
        Verdict.Violated violated = assertInstanceOf(Verdict.Violated.class, outside);
        assertEquals("DenyAllInBound", violated.witness().deciding().ruleName());
    }

    @Test
    void zeroSlashZeroCoversTheIpv4Internet() {
        NetworkSecurityGroup nsg = nsg("AllowAll 100 in allow tcp 0.0.0.0/0 * * 22");
        FlowEngine e = engine(nsg);
        AddressSet internet = token(e, "Internet");
        FlowSet q = tcp(internet.intersect(AddressSet.ofIps(AddressSpace.ALL_V4).union(withAtoms(e, false))),
                ips("10.0.0.4"), 22);
        Verdict v = e.allAllowed(e.evaluate(nsg, Direction.INBOUND, e.unattached(), q), Direction.INBOUND);
        assertInstanceOf(Verdict.Holds.class, v);
        // and the IPv6 Internet is not matched by a v4 rule
        FlowSet v6 = tcp(internet.intersect(AddressSet.ofIps(AddressSpace.ALL_V6)), ips("10.0.0.4"), 22);
        assertInstanceOf(Verdict.Holds.class,
                e.allDenied(e.evaluate(nsg, Direction.INBOUND, e.unattached(), v6), Direction.INBOUND));
    }

    /** The IPv4 (or v6) atoms of service tags. */
    private static AddressSet withAtoms(FlowEngine e, boolean v6) {
        java.util.BitSet b = new java.util.BitSet();
        e.atoms().all().stream().filter(a -> a.v6() == v6 && a.kind() == Atoms.Kind.SERVICE_TAG)
                .forEach(a -> b.set(a.id()));
        return AddressSet.of(IntervalSet.EMPTY, b);
    }

    @Test
    void denyInternetAboveAllowGatewayManagerTakesGatewayManagersFlows() {
        NetworkSecurityGroup nsg = nsg("DenyInternet 100 in deny * Internet * * *",
                "AllowGatewayManager 110 in allow tcp GatewayManager * * 443");
        FlowEngine e = engine(nsg);
        FlowSet q = tcp(token(e, "GatewayManager"), ips("10.0.1.0/26"), 443);
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class,
                e.allAllowed(e.evaluate(nsg, Direction.INBOUND, e.unattached(), q), Direction.INBOUND));
        assertEquals("DenyInternet", v.witness().deciding().ruleName());
        assertEquals("Tcp GatewayManager (an IPv4 address of the tag):49152 \u2192 10.0.1.4:443",
                v.witness().flow().toString());
    }

    @Test
    void gatewayManagerIsAllowedWhenOnlyItsOwnRuleMatches() {
        NetworkSecurityGroup nsg = nsg("AllowGatewayManager 110 in allow tcp GatewayManager * * 443",
                "DenyAll 1000 in deny * * * * *");
        FlowEngine e = engine(nsg);
        FlowSet q = tcp(token(e, "GatewayManager"), ips("10.0.1.0/26"), 443);
        assertInstanceOf(Verdict.Holds.class,
                e.allAllowed(e.evaluate(nsg, Direction.INBOUND, e.unattached(), q), Direction.INBOUND));
    }

    @Test
    void anotherTagAboveMakesTheAnswerIndeterminateNotAGuess() {
        NetworkSecurityGroup nsg = nsg("DenyStorage 100 in deny * Storage * * *",
                "AllowGatewayManager 110 in allow tcp GatewayManager * * 443");
        FlowEngine e = engine(nsg);
        FlowSet q = tcp(token(e, "GatewayManager"), ips("10.0.1.0/26"), 443);
        Verdict.Indeterminate v = assertInstanceOf(Verdict.Indeterminate.class,
                e.allAllowed(e.evaluate(nsg, Direction.INBOUND, e.unattached(), q), Direction.INBOUND));
        assertTrue(v.reason().contains("service tag 'Storage' has no known prefixes"), v.reason());
    }

    @Test
    void azureLoadBalancerIsInStarAndZeroSlashZeroButNotInternet() {
        FlowEngine e = engine(nsg());
        AddressSet lb = token(e, "AzureLoadBalancer");
        assertEquals(ips("168.63.129.16"), lb);
        assertTrue(token(e, "*").containsAll(lb));
        assertTrue(token(e, "0.0.0.0/0").containsAll(lb));
        assertTrue(!token(e, "Internet").intersects(lb));
        NetworkSecurityGroup denyInternet = nsg("DenyInternet 100 in deny * Internet * * *");
        // the default AllowAzureLoadBalancerInBound still lets health probes in
        assertInstanceOf(Verdict.Holds.class, allowed(denyInternet, Direction.INBOUND, tcp(lb, ips("10.0.0.4"), 80)));
    }

    @Test
    void defaultRulesAllowVnetAndInternetOutboundAndDenyTheRest() {
        NetworkSecurityGroup empty = nsg();
        FlowEngine e = engine(empty);
        FlowSet toInternet = tcp(ips("10.0.0.4"), token(e, "Internet"), 443);
        assertInstanceOf(Verdict.Holds.class, allowed(empty, Direction.OUTBOUND, toInternet));
        Verdict.Violated in = assertInstanceOf(Verdict.Violated.class,
                allowed(empty, Direction.INBOUND, tcp(ips("8.8.8.0/24"), ips("10.0.0.4"), 22)));
        assertEquals("DenyAllInBound", in.witness().deciding().ruleName());
        assertEquals(65500, in.witness().deciding().priority());
        assertEquals(DecidingRule.Kind.DEFAULT, in.witness().deciding().kind());
    }

    @Test
    void protocolStarCoversProtocolsWithoutPortsButAPortRuleDoesNot() {
        NetworkSecurityGroup nsg = nsg("AllowAny 100 in allow * 1.0.0.0/8 * * *",
                "DenySsh 90 in deny * 1.0.0.0/8 * * 22");
        FlowSet icmp = QUERIES.flows(Protocols.ICMP, ips("1.1.1.1"), ANY_PORT, ips("10.0.0.4"), ANY_PORT);
        Verdict v = allowed(nsg, Direction.INBOUND, icmp);
        assertInstanceOf(Verdict.Holds.class, v, String.valueOf(v));
    }

    @Test
    void unknownFieldIsIndeterminateWithItsReasonNeverHolds() {
        SecurityRule r = Rules.rule("AllowSsh 100 in allow tcp * * * 22");
        SecurityRule unknownSource = new SecurityRule(r.id(), r.name(), r.priority(), r.direction(), r.access(),
                r.protocol(), Field.unknown("parameter 'adminSource' has no value",
                        io.github.nsglint.core.model.SourceLocation.caret("t.json", 7, 3)), r.sourcePortRanges(),
                r.destinationAddressPrefixes(), r.destinationPortRanges(), r.sourceApplicationSecurityGroupIds(),
                r.destinationApplicationSecurityGroupIds(), r.description(), List.of(), r.location());
        NetworkSecurityGroup nsg = nsg(List.of(unknownSource));
        Verdict.Indeterminate v = assertInstanceOf(Verdict.Indeterminate.class,
                denied(nsg, Direction.INBOUND, tcp(ips("8.8.8.8"), ips("10.0.0.4"), 22)));
        assertTrue(v.reason().contains("parameter 'adminSource' has no value"), v.reason());
        assertEquals(7, v.at().line());
        // A different port is not affected by the unknown source: the answer there is known.
        assertInstanceOf(Verdict.Holds.class, denied(nsg, Direction.INBOUND, tcp(ips("8.8.8.8"), ips("10.0.0.4"), 23)));
    }

    @Test
    void applicationSecurityGroupMembershipIsNotGuessed() {
        SecurityRule r = Rules.rule("AllowWebFromAsg 100 in allow tcp 10.9.9.9 * * 443");
        SecurityRule fromAsg = new SecurityRule(r.id(), r.name(), r.priority(), r.direction(), r.access(), r.protocol(),
                Field.absent(), r.sourcePortRanges(), r.destinationAddressPrefixes(), r.destinationPortRanges(),
                Field.known(List.of("/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/"
                        + "applicationSecurityGroups/web")), Field.known(List.of()), r.description(), List.of(),
                r.location());
        NetworkSecurityGroup nsg = nsg(List.of(fromAsg));
        FlowEngine e = engine(nsg);
        // From some address of the VNet: it may or may not be a member of the ASG.
        Verdict.Indeterminate v = assertInstanceOf(Verdict.Indeterminate.class, e.mustDeny(nsg, Direction.INBOUND,
                e.unattached(), tcp(ips("10.1.0.0/16"), ips("10.1.2.4"), 443)));
        assertTrue(v.reason().contains("application security group 'web' is not declared in the scanned files, so NICs"
                + " deployed elsewhere may be members"), v.reason());
        // From the ASG itself: certainly allowed.
        FlowSet fromMembers = tcp(e.unattached().applicationSecurityGroup("/subscriptions/s/resourceGroups/r/providers/"
                + "Microsoft.Network/applicationSecurityGroups/web").definite(), ips("10.1.2.4"), 443);
        assertInstanceOf(Verdict.Holds.class, e.mustAllow(nsg, Direction.INBOUND, e.unattached(), fromMembers));
    }

    @Test
    void onlyFromQuestionsAndTheAllowedSet() {
        NetworkSecurityGroup nsg = nsg("AllowSshFromBastion 100 in allow tcp 10.0.1.0/26 * * 22",
                "AllowSshFromJump 110 in allow tcp 10.0.2.4 * * 22");
        FlowEngine e = engine(nsg);
        FlowSet ssh = tcp(token(e, "*"), ips("10.1.1.0/24"), 22);
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, e.mustDeny(nsg, Direction.INBOUND,
                e.unattached(), FlowEngine.fromOutside(ssh, ips("10.0.1.0/26"))));
        assertEquals("AllowSshFromJump", v.witness().deciding().ruleName());
        assertEquals("Tcp 10.0.2.4:49152 → 10.1.1.4:22", v.witness().flow().toString());
        FlowSet allowed = FlowEngine.allowed(e.evaluate(nsg, Direction.INBOUND, e.unattached(), ssh));
        // the two rules' sources, and the platform address through the default AllowAzureLoadBalancerInBound
        assertEquals(List.of(ips("10.0.1.0/26"), ips("10.0.2.4"), ips("168.63.129.16")),
                allowed.boxes().stream().map(FlowBox::sources).sorted(java.util.Comparator.comparing(
                        (AddressSet a) -> a.ips().first())).toList());
    }

    @Test
    void witnessIsAConcreteFlowWithTheDecidingRule() {
        NetworkSecurityGroup nsg = nsg("AllowSshFromVnet 300 in allow tcp 10.1.0.0/16 * * 22");
        FlowEngine e = engine(nsg);
        Verdict.Violated v = assertInstanceOf(Verdict.Violated.class, e.allDenied(e.evaluate(nsg, Direction.INBOUND,
                e.unattached(), tcp(ips("10.1.0.0/16"), ips("10.2.1.0/24"), 22)), Direction.INBOUND));
        assertEquals("Tcp 10.1.0.4:49152 \u2192 10.2.1.4:22", v.witness().flow().toString());
        assertEquals("rule AllowSshFromVnet (priority 300) of NSG test-nsg", v.witness().deciding().describe());
    }

    @Test
    void duplicatePrioritiesAndInvalidFieldsAreNamed() {
        NetworkSecurityGroup nsg = nsg("A 100 in allow tcp * * * 22", "B 100 in deny tcp * * * 23",
                "C 100 out allow tcp * * * 22", "D 5000 in allow tcp 10.0.0.300/24 * * 70000",
                "E 200 in allow tcp Internet,10.0.0.0/8 * VirtualNetwork,Storage 25-20");
        List<RuleProblem> dup = NsgHygiene.duplicatePriorities(nsg);
        assertEquals(1, dup.size());
        assertEquals("rules A and B both have priority 100 inbound; Azure rejects the deployment", dup.get(0).message());
        assertEquals(List.of("A"), dup.get(0).related().stream().map(r -> r.name().known().orElseThrow()).toList());
        List<String> invalid = NsgHygiene.invalidFields(nsg).stream().map(RuleProblem::message).toList();
        assertEquals(NsgHygiene.invalidFields(nsg), new NsgHygiene(Rules.engine(nsg)).invalidRules(nsg),
                "the engine's rule shapes give the same problems");
        assertEquals(List.of("rule D: priority 5000 is outside 100-4096",
                "rule D: source '10.0.0.300/24' is not a valid IP address or CIDR",
                "rule D: destination port range '70000' is not a port, a range a-b within 0-65535, or *",
                "rule E: source mixes a service tag with addresses in one field",
                "rule E: destination names 2 service tags in one field; a rule takes one tag per field",
                "rule E: destination port range '25-20' is not a port, a range a-b within 0-65535, or *"), invalid);
    }

    @Test
    void everyLaterDuplicateNamesTheFirstRuleInAndOutOfRange() {
        NetworkSecurityGroup nsg = nsg("A 4096 in allow tcp * * * 22", "B 4096 out deny tcp * * * 23",
                "C 4096 in deny tcp * * * 24", "D 5000 in allow tcp * * * 25", "E 4096 in deny tcp * * * 26",
                "F 5000 in deny tcp * * * 27", "G 5000 out deny tcp * * * 28");
        List<String> dup = NsgHygiene.duplicatePriorities(nsg).stream()
                .map(p -> p.rule().name().known().orElseThrow() + "<" + p.related().get(0).name().known().orElseThrow())
                .toList();
        assertEquals(List.of("C<A", "E<A", "F<D"), dup);
    }

    @Test
    void withoutAGatewayNoOnPremisesAddressIsInAnySetOfTheVnet() {
        // The sample jqwik shrank a failure to: with no gateway, the on-premises atom lay in no prefix but was still
        // a source of '*', so "allow from 0.0.0.0/0" seemed to leave an on-premises address denied.
        NetworkSecurityGroup nsg = nsg("AllowUdp 100 in allow udp 0.0.0.0/0 * 10.2.0.0/16 *");
        FlowEngine e = engine(nsg);
        IntervalSet vnet = AddressSpace.cidr("10.2.0.0/16").orElseThrow();
        for (Boolean gateway : new Boolean[] {false, true}) {
            TagContext ctx = new TagContext("in VNet test", vnet, vnet, null, null, gateway, ServiceTagPrefixes.NONE,
                    e.atoms());
            FlowSet q = e.flows(Protocols.UDP, e.addresses("*", ctx), ANY_PORT, ips("10.2.0.0/16"), port(53));
            // With a gateway, on-premises space lies inside 0.0.0.0/0; without one, there is no on-premises source.
            assertInstanceOf(Verdict.Holds.class, e.mustAllow(nsg, Direction.INBOUND, ctx, q), "gateway " + gateway);
        }
    }
}
