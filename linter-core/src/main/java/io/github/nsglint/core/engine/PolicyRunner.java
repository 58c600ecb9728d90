package io.github.nsglint.core.engine;

import io.github.nsglint.core.flow.AddressSet;
import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.flow.Decision;
import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.flow.FlowBox;
import io.github.nsglint.core.flow.FlowEngine;
import io.github.nsglint.core.flow.FlowSet;
import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.flow.PortRanges;
import io.github.nsglint.core.flow.Protocols;
import io.github.nsglint.core.flow.RuleProblem;
import io.github.nsglint.core.flow.TagContext;
import io.github.nsglint.core.flow.Verdict;
import io.github.nsglint.core.flow.Witness;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.ModelElement;
import io.github.nsglint.core.model.ModelGap;
import io.github.nsglint.core.model.NetworkInterface;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Remedy;
import io.github.nsglint.core.report.RuleEvaluation;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.topology.BastionEndpoint;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.grammar.ast.AddressSpec;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.Clause;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one policy over the model: every binding of its scopes, every assertion, one finding per failure. */
final class PolicyRunner {

    private final Policy policy;
    private final EvalContext context;
    private final Interpreter interpreter;
    private final List<Finding> findings = new ArrayList<>();
    /** Every resource the rule was checked against, once each, in order. */
    private final Map<String, RuleEvaluation.Subject> subjects = new LinkedHashMap<>();
    /** Unknowns already reported for the current binding: one unknown value is one finding, not one per check. */
    private final java.util.Set<String> reportedUnknowns = new java.util.HashSet<>();
    /** The expectation being checked: its message is the findings'. */
    private Policy.Check current;

    private PolicyRunner(Policy policy, EvalContext context) {
        this.policy = policy;
        this.context = context;
        this.interpreter = new Interpreter(context);
    }

    /** What one policy found, and what it was checked against. */
    record Outcome(List<Finding> findings, RuleEvaluation evaluation) {
    }

    static Outcome run(Policy policy, EvalContext context) {
        PolicyRunner r = new PolicyRunner(policy, context);
        r.scope(0, new LinkedHashMap<>(), null);
        return new Outcome(r.findings, new RuleEvaluation(policy.metadata(), List.copyOf(r.subjects.values())));
    }

    /** Why a binding only perhaps falls under the rule (its 'where' is unknown), or null. */
    private record Doubt(String reason, SourceLocation at) {
    }

    /** The severity of the finding being reported when it is not the rule's (an ANA001 gap that is only a note). */
    private Severity severityOverride;

    private void scope(int index, Map<String, Val> env, Doubt doubt) {
        if (index == policy.scopes().size()) {
            reportedUnknowns.clear();
            Val.Elem subject = innermostElement(env);
            String id = resource(env);
            subjects.putIfAbsent(id + "|" + subject.kind(),
                    new RuleEvaluation.Subject(id, subject.kind() + " " + subjectName(subject)));
            for (Policy.Check c : policy.checks()) {
                current = c;
                Doubt d = doubt;
                if (c.guardOrNull() != null) {
                    // 'when': checked only where it holds; where it is unknown, a failure cannot be a violation.
                    Val when = interpreter.eval(c.guardOrNull(), env);
                    if (when instanceof Val.Bool b && !b.value() || when instanceof Val.Absent) {
                        continue;
                    }
                    if (when instanceof Val.Unknown u && d == null) {
                        d = new Doubt("whether this expectation applies is not known: " + u.reason(), u.at());
                    }
                }
                check(c.assertion(), env, d);
            }
            return;
        }
        Clause.For f = policy.scopes().get(index);
        List<Val> items;
        Val.Items ranged = null;
        if (f.source().isPresent()) {
            Val source = interpreter.eval(f.source().get(), env);
            if (source instanceof Val.Unknown u) {
                report(Finding.Kind.INDETERMINATE, env, u.at(), "",
                        new Evidence.Unknown("what '" + f.variable() + "' ranges over is not known: " + u.reason(),
                                u.at(), null), null);
                return;
            }
            items = source instanceof Val.Items list ? list.items() : List.of();
            ranged = source instanceof Val.Items list ? list : null;
        } else {
            items = Schema.all(f.kind(), context);
        }
        for (Val item : items) {
            if (!(item instanceof Val.Elem)) {
                continue;
            }
            env.put(f.variable(), item);
            Doubt d = doubt;
            String perhaps = ranged == null ? null : ranged.doubtAbout(item);
            if (perhaps != null && d == null) {
                d = new Doubt(perhaps, item.at());
            }
            if (f.condition().isPresent()) {
                Val where = interpreter.eval(f.condition().get(), env);
                if (where instanceof Val.Bool b && !b.value()) {
                    continue;
                }
                if (where instanceof Val.Unknown u && d == null) {
                    d = new Doubt("whether the rule applies is not known: " + u.reason(), u.at());
                }
            }
            scope(index + 1, env, d);
        }
        env.remove(f.variable());
    }

    /** A subject's name; a subnet's with its VNet's, as two VNets often have subnets of one name. */
    private static String subjectName(Val.Elem e) {
        if (e.element() instanceof Subnet s) {
            String[] parts = s.id().split("/");
            return (parts.length >= 3 ? parts[parts.length - 3] + "/" : "") + Schema.nameOf(e);
        }
        return Schema.nameOf(e);
    }

    // ---- assertions --------------------------------------------------------------------------------------

    private void check(Assertion a, Map<String, Val> env, Doubt doubt) {
        if (a instanceof Assertion.Property p) {
            Val v = interpreter.eval(p.condition(), env);
            if (v instanceof Val.Bool b && b.value()) {
                return;
            }
            if (v instanceof Val.Unknown u) {
                report(Finding.Kind.INDETERMINATE, env, u.at(), "", new Evidence.Unknown(u.reason(), u.at(), null),
                        null);
                return;
            }
            String found = found(p.condition(), env);
            report(doubt == null ? Finding.Kind.VIOLATED : Finding.Kind.INDETERMINATE, env, v.at(),
                    "property@" + p.pos().line(), doubt == null ? new Evidence.Property(found)
                            : new Evidence.Unknown(doubt.reason(), doubt.at(), null), found);
        } else if (a instanceof Assertion.None n) {
            Val items = interpreter.eval(n.items(), env);
            if (items instanceof Val.Unknown u) {
                report(Finding.Kind.INDETERMINATE, env, u.at(), "", new Evidence.Unknown(u.reason(), u.at(), null),
                        null);
                return;
            }
            if (items instanceof Val.Items list) {
                for (Val item : list.items()) {
                    Map<String, Val> withItem = new LinkedHashMap<>(env);
                    withItem.put("item", item);
                    String anchor = item instanceof Val.Elem e ? anchor(e) : Val.display(item);
                    severityOverride = item instanceof Val.Elem e && e.element() instanceof ModelGap g
                            && onlyRuleLevel(g) ? Severity.NOTE : null;
                    report(doubt == null ? Finding.Kind.VIOLATED : Finding.Kind.INDETERMINATE, withItem, item.at(),
                            anchor, doubt == null ? new Evidence.Property(Val.display(item))
                                    : new Evidence.Unknown(doubt.reason(), doubt.at(), null), Val.display(item));
                    severityOverride = null;
                }
            }
        } else {
            flow((Assertion.Flow) a, env, doubt);
        }
    }

    /**
     * Whether a gap is an NSG declared outside the scanned files that no Bastion or spoke verdict depends on: its
     * added rules are judged for what they add, so the gap is a note, not an error. It is one when the NSG is on a
     * Bastion's subnet, a target subnet, or a NIC a Bastion reaches.
     */
    private boolean onlyRuleLevel(ModelGap gap) {
        for (NetworkSecurityGroup nsg : context.model().networkSecurityGroups()) {
            if (!nsg.declaredElsewhere() || !nsg.location().equals(gap.location())) {
                continue;
            }
            for (ModelElement attached : context.topology().attachmentsOf(nsg)) {
                for (var placement : context.topology().bastions()) {
                    boolean bastionSide = attached instanceof Subnet s && (s == placement.subnet()
                            || placement.targets().contains(s));
                    boolean endpoint = attached instanceof NetworkInterface nic && placement.endpoints().stream()
                            .anyMatch(e -> e.nicOrNull() == nic);
                    if (bastionSide || endpoint) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static String anchor(Val.Elem e) {
        if (e.element() instanceof RuleProblem p) {
            return p.kind() + "/" + p.rule().name().known().orElse("?");
        }
        if (e.element() instanceof ModelGap g) {
            return g.reason();
        }
        return Schema.nameOf(e);
    }

    /** What a failed property found: the left side of a comparison, else the condition's value. */
    private String found(Expr condition, Map<String, Val> env) {
        Expr e = condition;
        while (e instanceof Expr.Logical l) {
            Val left = interpreter.eval(l.left(), env);
            e = left instanceof Val.Bool b && !b.value() ? l.left() : l.right();
        }
        if (e instanceof Expr.Comparison c) {
            return Val.display(interpreter.eval(c.left(), env));
        }
        if (e instanceof Expr.In in) {
            return Val.display(interpreter.eval(in.value(), env));
        }
        if (e instanceof Expr.Not n && n.operand() instanceof Expr.Exists x) {
            return Val.display(interpreter.eval(x.operand(), env));
        }
        if (e instanceof Expr.Exists x) {
            return Val.display(interpreter.eval(x.operand(), env));
        }
        return Val.display(interpreter.eval(e, env));
    }

    // ---- flows -------------------------------------------------------------------------------------------

    private void flow(Assertion.Flow f, Map<String, Val> env, Doubt doubt) {
        Val target = interpreter.eval(f.target(), env);
        // A list of targets (the domain controllers of a VNet): each is judged, each failure is a finding.
        for (Val one : target instanceof Val.Items items ? items.items() : List.of(target)) {
            flowThrough(f, env, doubt, one);
        }
    }

    /** The ports a flow expectation asks about, in each world its values leave possible; or why they are unknown. */
    private record PortWorlds(List<List<IntervalSet>> worlds, String reason, SourceLocation at, Val.Unknown unknown) {
    }

    private void flowThrough(Assertion.Flow f, Map<String, Val> env, Doubt doubt, Val target) {
        if (target instanceof Val.Absent) {
            return; // nothing to check: another rule reports what is missing (e.g. BAS001 for the subnet)
        }
        if (target instanceof Val.Unknown u) {
            report(Finding.Kind.INDETERMINATE, env, u.at(), "", new Evidence.Unknown(u.reason(), u.at(), null), null);
            return;
        }
        Object element = ((Val.Elem) target).element();
        if (element instanceof NetworkSecurityGroup nsg && nsg.declaredElsewhere()) {
            // Rules added to an NSG declared elsewhere are judged for what they add (the message says the other
            // rules could take priority); a Bastion or spoke question about the NSG's subnet still sees them unknown.
            element = nsg.whatItAdds();
        }
        FlowEngine engine = context.engine();
        TagContext ctx = element instanceof Subnet s ? engine.contextOf(s)
                : element instanceof BastionEndpoint e ? engine.contextOf(e.subnet())
                : element instanceof NetworkInterface nic ? nicContext(nic) : engine.unattached();
        Addresses peers = f.peers().isEmpty() ? new Addresses(engine.addresses("*", ctx), null)
                : addresses(f.peers(), env, ctx);
        Addresses own = own(element, ctx);
        Val.Unknown unknownAddress = peers.unknown != null ? peers.unknown : own.unknown;
        if (unknownAddress != null) {
            report(Finding.Kind.INDETERMINATE, env, unknownAddress.at(), "",
                    new Evidence.Unknown(unknownAddress.reason(), unknownAddress.at(), null), null);
            return;
        }
        PortWorlds ports = portWorlds(f, env);
        if (ports.unknown() != null) {
            report(Finding.Kind.INDETERMINATE, env, ports.unknown().at(), "",
                    new Evidence.Unknown(ports.unknown().reason(), ports.unknown().at(), null), null);
            return;
        }
        int protocols = f.protocol().equals("*") ? Protocols.ALL
                : Protocols.of(Protocol.parse(f.protocol()).orElseThrow());
        boolean inbound = f.way() == Assertion.Way.INBOUND;
        Direction direction = inbound ? Direction.INBOUND : Direction.OUTBOUND;
        Addresses only = f.onlyFrom().isEmpty() ? null : addresses(f.onlyFrom(), env, ctx);
        if (only != null && only.unknown != null) {
            report(Finding.Kind.INDETERMINATE, env, only.unknown.at(), "",
                    new Evidence.Unknown(only.unknown.reason(), only.unknown.at(), null), null);
            return;
        }
        // Judged in each world the values leave possible: certain only when every world gives the same answer.
        List<Verdict> verdicts = new ArrayList<>();
        for (List<IntervalSet> choices : ports.worlds()) {
            verdicts.add(world(f, element, direction, ctx, peers.set, own.set, only, protocols, choices));
        }
        int firstViolated = -1;
        Verdict.Indeterminate firstUnknown = null;
        boolean anyHolds = false;
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict w = verdicts.get(i);
            anyHolds |= w instanceof Verdict.Holds;
            if (w instanceof Verdict.Violated && firstViolated < 0) {
                firstViolated = i;
            }
            if (w instanceof Verdict.Indeterminate u && firstUnknown == null) {
                firstUnknown = u;
            }
        }
        Verdict v;
        List<IntervalSet> violatedChoices = firstViolated < 0 ? null : ports.worlds().get(firstViolated);
        if (firstViolated >= 0 && !anyHolds && firstUnknown == null) {
            v = verdicts.get(firstViolated); // violated whatever the unknown value is
        } else if (firstViolated >= 0) {
            v = new Verdict.Indeterminate(ports.reason(), ports.at(),
                    ((Verdict.Violated) verdicts.get(firstViolated)).witness());
        } else if (firstUnknown != null) {
            v = firstUnknown;
        } else {
            v = new Verdict.Holds();
        }
        if (v instanceof Verdict.Violated violated) {
            Witness w = violated.witness();
            Evidence.Flow evidence = evidence(w);
            DecidingRule d = w.deciding();
            SourceLocation at = d.location();
            if (doubt != null) {
                report(Finding.Kind.INDETERMINATE, env, at, d.nsgName() + "/" + d.ruleName(),
                        new Evidence.Unknown(doubt.reason(), doubt.at(), evidence), null, evidence);
            } else {
                report(Finding.Kind.VIOLATED, env, at, d.nsgName() + "/" + d.ruleName(), evidence, null, evidence);
                if (f.verb() == Assertion.Verb.ALLOWS && only == null) {
                    Remedy remedy = remedy(f, element, d, env, remedyPorts(f, element, violatedChoices));
                    if (remedy != null) {
                        int last = findings.size() - 1;
                        findings.set(last, findings.get(last).withRemedy(remedy));
                    }
                }
            }
        } else if (v instanceof Verdict.Indeterminate i) {
            Evidence.Flow candidate = i.candidate() == null ? null : evidence(i.candidate());
            SourceLocation at = i.at() != null ? i.at() : ((Val.Elem) target).at();
            report(Finding.Kind.INDETERMINATE, env, at, candidate == null ? "" : candidate.deciding().ruleName(),
                    new Evidence.Unknown(i.reason(), i.at(), candidate), null, candidate);
        }
    }

    /** The verdict in one world: all of its ports, or with 'any of' one of its choices. */
    private Verdict world(Assertion.Flow f, Object element, Direction direction, TagContext ctx, AddressSet peers,
            AddressSet own, Addresses only, int protocols, List<IntervalSet> choices) {
        FlowEngine engine = context.engine();
        boolean inbound = direction == Direction.INBOUND;
        Verdict v = null;
        for (IntervalSet ports : choices) {
            FlowSet query = inbound
                    ? engine.flows(protocols, peers, FlowBox.ANY_PORT, own, ports)
                    : engine.flows(protocols, own, FlowBox.ANY_PORT, peers, ports);
            boolean mustAllow = f.verb() == Assertion.Verb.ALLOWS;
            if (only != null) {
                query = FlowEngine.fromOutside(query, only.set);
                mustAllow = false;
            }
            Verdict one = f.explicitly() ? explicit(element, direction, ctx, query)
                    : f.some() ? some(element, direction, ctx, query)
                    : f.breadth() != Assertion.Breadth.ANY ? breadth(element, direction, ctx, query, f.breadth())
                    : verdict(element, direction, ctx, query, mustAllow, false);
            // With 'any of', one port that holds is enough; else an unknown one might, else it is violated.
            if (v == null || one instanceof Verdict.Holds
                    || one instanceof Verdict.Indeterminate && v instanceof Verdict.Violated) {
                v = one;
            }
            if (v instanceof Verdict.Holds && f.anyOf()) {
                break;
            }
            if (!(v instanceof Verdict.Holds) && !f.anyOf()) {
                break;
            }
        }
        return v == null ? new Verdict.Holds() : v;
    }

    /**
     * The ports of an expectation. With 'any of', each port, range or item of a list is one choice; without, they
     * are one set. A value that is unknown but narrowed down to a few possibilities makes a world of each; any other
     * unknown or unreadable port makes the expectation's answer unknown.
     */
    private PortWorlds portWorlds(Assertion.Flow f, Map<String, Val> env) {
        List<List<List<IntervalSet>>> perSpec = new ArrayList<>(); // for each spec, its choices in each possibility
        String reason = null;
        SourceLocation at = null;
        for (PortSpec p : f.ports()) {
            if (p instanceof PortSpec.Any) {
                perSpec.add(List.of(List.of(FlowBox.ANY_PORT)));
                continue;
            }
            if (p instanceof PortSpec.Range r) {
                perSpec.add(List.of(List.of(IntervalSet.of(r.low(), r.high()))));
                continue;
            }
            Val v = interpreter.eval(((PortSpec.Of) p).value(), env);
            List<Val> possibilities = List.of(v);
            if (v instanceof Val.Unknown u) {
                if (u.possible().isEmpty()) {
                    return new PortWorlds(List.of(), null, null, u);
                }
                possibilities = u.possible();
                reason = reason == null ? u.reason() : reason;
                at = at == null ? u.at() : at;
            }
            List<List<IntervalSet>> options = new ArrayList<>();
            for (Val possibility : possibilities) {
                List<IntervalSet> choices = new ArrayList<>();
                for (Val x : possibility instanceof Val.Items items ? items.items() : List.of(possibility)) {
                    IntervalSet s = x instanceof Val.Int i ? IntervalSet.of(i.value(), i.value())
                            : x instanceof Val.Str str ? PortRanges.parse(str.value()) : null;
                    if (s == null) {
                        Val.Unknown why = x instanceof Val.Unknown u ? u : new Val.Unknown("'" + Val.display(x)
                                + "' is not a port or port range", x.at());
                        return new PortWorlds(List.of(), null, null, why);
                    }
                    choices.add(s);
                }
                options.add(choices);
            }
            perSpec.add(options);
        }
        List<List<IntervalSet>> worlds = new ArrayList<>();
        worlds.add(new ArrayList<>());
        for (List<List<IntervalSet>> options : perSpec) {
            List<List<IntervalSet>> next = new ArrayList<>();
            for (List<IntervalSet> world : worlds) {
                for (List<IntervalSet> option : options) {
                    List<IntervalSet> grown = new ArrayList<>(world);
                    grown.addAll(option);
                    next.add(grown);
                }
            }
            worlds = next;
        }
        if (!f.anyOf()) {
            List<List<IntervalSet>> unions = new ArrayList<>();
            for (List<IntervalSet> world : worlds) {
                IntervalSet all = IntervalSet.EMPTY;
                for (IntervalSet s : world) {
                    all = all.union(s);
                }
                unions.add(List.of(all));
            }
            worlds = unions;
        }
        return new PortWorlds(worlds, reason, at, null);
    }

    /**
     * The ports a fix allows for a failed 'allows': every port asked; with 'any of' on an endpoint whose port is
     * known (its OS is stated, or it declares custom ports), only the first choice, which is the one its Bastion uses
     * (the OS's own protocol comes first). Where that is not known, every choice is allowed.
     */
    private static List<String> remedyPorts(Assertion.Flow f, Object element, List<IntervalSet> choices) {
        if (choices == null || choices.isEmpty()) {
            return null;
        }
        boolean portKnown = element instanceof BastionEndpoint e
                && (e.vm().map(vm -> vm.os().isKnown()).orElse(false) || !e.customPorts().isEmpty());
        List<IntervalSet> allowed = f.anyOf() && portKnown ? List.of(choices.get(0)) : choices;
        List<String> out = new ArrayList<>();
        for (IntervalSet s : allowed) {
            for (int i = 0; i < s.intervalCount(); i++) {
                long low = s.low(i).longValueExact();
                long high = s.high(i).longValueExact();
                out.add(low == 0 && high == 65535 ? "*" : low == high ? Long.toString(low) : low + "-" + high);
            }
        }
        return out;
    }

    /**
     * The Allow rule that grants what a failed "allows" asks for, in the NSG whose rule (or default rule, or lack
     * of an explicit rule) decided, or null when the flows cannot be written as Azure prefixes.
     */
    private Remedy remedy(Assertion.Flow f, Object element, DecidingRule d, Map<String, Val> env,
            List<String> ports) {
        if (d.nsgId().isEmpty() || d.kind() == DecidingRule.Kind.NO_NSG) {
            return null;
        }
        List<String> peers = f.peers().isEmpty() ? List.of("*") : prefixes(f.peers(), env);
        Subnet ownSubnet = element instanceof Subnet s ? s : element instanceof BastionEndpoint e ? e.subnet() : null;
        List<String> own = ownSubnet != null ? ownSubnet.addressPrefixes().known().orElse(null) : List.of("*");
        if (peers == null || own == null || own.isEmpty() || ports == null) {
            return null;
        }
        boolean inbound = f.way() == Assertion.Way.INBOUND;
        int before = d.kind() == DecidingRule.Kind.CUSTOM ? d.priority() : 4097;
        String peerWords = f.peers().isEmpty() ? "Any" : peerWord(f.peers());
        String purpose = peerWords + "-" + String.join("-", ports).replace('*', 'A');
        return new Remedy(d.nsgId(), inbound ? Direction.INBOUND : Direction.OUTBOUND, f.protocol(),
                inbound ? peers : own, inbound ? own : peers, ports, before, purpose);
    }

    /** A short name for the peers, for the new rule's name: a tag, or the peer's own name. */
    private String peerWord(List<AddressSpec> specs) {
        AddressSpec first = specs.get(0);
        if (first instanceof AddressSpec.Of of) {
            String tag = PolicyCompiler.tagName(of.value(), policy.variables());
            if (tag != null) {
                return tag;
            }
            if (of.value() instanceof Expr.Field field) {
                return field.field().equals("subnet") || field.field().equals("source") ? "BastionSubnet"
                        : field.field();
            }
        }
        return "Peers";
    }

    /** Address specs as Azure prefixes (tags, CIDRs, subnet and VNet ranges), or null if one cannot be. */
    private List<String> prefixes(List<AddressSpec> specs, Map<String, Val> env) {
        List<String> out = new ArrayList<>();
        for (AddressSpec spec : specs) {
            if (spec instanceof AddressSpec.Any) {
                out.add("*");
                continue;
            }
            Expr e = ((AddressSpec.Of) spec).value();
            String tag = PolicyCompiler.tagName(e, policy.variables());
            if (tag != null) {
                out.add(tag);
                continue;
            }
            if (e instanceof Expr.Text t) {
                out.add(t.value());
                continue;
            }
            Val v = interpreter.eval(e, env);
            for (Val x : v instanceof Val.Items items ? items.items() : List.of(v)) {
                if (x instanceof Val.Str str) {
                    out.add(str.value());
                } else if (x instanceof Val.Elem el && el.element() instanceof Subnet s
                        && s.addressPrefixes().known().isPresent()) {
                    out.addAll(s.addressPrefixes().known().get());
                } else if (x instanceof Val.Elem el && el.element() instanceof VirtualNetwork vnet
                        && vnet.addressSpace().known().isPresent()) {
                    out.addAll(vnet.addressSpace().known().get());
                } else {
                    return null;
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Evidence.Flow evidence(Witness w) {
        return new Evidence.Flow(w.flow().toString(), w.path(), w.deciding());
    }

    private TagContext nicContext(NetworkInterface nic) {
        for (var ip : nic.ipConfigurations()) {
            var subnet = ip.subnetId().known().flatMap(id -> context.topology().subnet(id));
            if (subnet.isPresent()) {
                return context.engine().contextOf(subnet.get());
            }
        }
        return context.engine().unattached();
    }

    /**
     * The verdict for flows through a target. A subnet's flows go through its NSG and then each NIC's; when only
     * one level has an NSG the fast single-NSG check answers, else the chain is evaluated per NIC.
     */
    private Verdict verdict(Object element, Direction direction, TagContext ctx, FlowSet query, boolean mustAllow,
            boolean users) {
        FlowEngine engine = context.engine();
        if (element instanceof NetworkSecurityGroup nsg) {
            return mustAllow ? engine.mustAllow(nsg, direction, ctx, query) : engine.mustDeny(nsg, direction, ctx, query);
        }
        List<Subnet> subnets = new ArrayList<>();
        List<NetworkInterface> nics = new ArrayList<>();
        if (element instanceof Subnet s) {
            List<NetworkInterface> in = engine.nicsIn(s);
            if (in.isEmpty()) {
                subnets.add(s);
                nics.add(null);
            }
            for (NetworkInterface n : in) {
                subnets.add(s);
                nics.add(n);
            }
        } else if (element instanceof BastionEndpoint e) {
            subnets.add(e.subnet());
            nics.add(e.nicOrNull());
        } else {
            NetworkInterface nic = (NetworkInterface) element;
            for (var ip : nic.ipConfigurations()) {
                ip.subnetId().known().flatMap(id -> context.topology().subnet(id)).ifPresent(s -> {
                    subnets.add(s);
                    nics.add(nic);
                });
            }
        }
        Verdict worst = new Verdict.Holds();
        for (int i = 0; i < subnets.size(); i++) {
            Verdict v = path(subnets.get(i), nics.get(i), direction, query, mustAllow, users);
            if (v instanceof Verdict.Violated) {
                return v;
            }
            if (v instanceof Verdict.Indeterminate && worst instanceof Verdict.Holds) {
                worst = v;
            }
        }
        return worst;
    }

    private Verdict path(Subnet subnet, NetworkInterface nic, Direction direction, FlowSet query, boolean mustAllow,
            boolean users) {
        FlowEngine engine = context.engine();
        NsgAttachment subnetNsg = context.topology().nsgOf(subnet);
        NsgAttachment nicNsg = nic == null ? new NsgAttachment.None() : context.topology().nsgOf(nic);
        NetworkSecurityGroup only = null;
        if (subnetNsg instanceof NsgAttachment.Attached a && nicNsg instanceof NsgAttachment.None) {
            only = a.nsg();
        } else if (nicNsg instanceof NsgAttachment.Attached a && subnetNsg instanceof NsgAttachment.None) {
            only = a.nsg();
        }
        TagContext ctx = users ? engine.contextOf(subnet).forUsers() : engine.contextOf(subnet);
        if (only != null) {
            return mustAllow ? engine.mustAllow(only, direction, ctx, query, nic)
                    : engine.mustDeny(only, direction, ctx, query, nic);
        }
        List<Decision> decisions = engine.evaluate(subnet, nic, direction, query, ctx);
        return mustAllow ? engine.allAllowed(decisions, direction) : engine.allDenied(decisions, direction);
    }

    /**
     * Some flow of the query is allowed: the opposite of "all denied". When none is, a denied flow is the witness.
     * The question is about people reaching a service, so it asks about concrete addresses (a tag's atoms are not
     * users) in the context where a service tag's rule does not admit them.
     */
    private Verdict some(Object element, Direction direction, TagContext anyCtx, FlowSet anyQuery) {
        TagContext ctx = anyCtx.forUsers();
        FlowSet query = FlowSet.EMPTY;
        for (FlowBox b : anyQuery.boxes()) {
            query = query.union(FlowSet.of(new FlowBox(b.protocols(), AddressSet.ofIps(b.sources().ips()),
                    b.sourcePorts(), AddressSet.ofIps(b.destinations().ips()), b.destinationPorts())));
        }
        Verdict allDenied = verdict(element, direction, ctx, query, false, true);
        if (allDenied instanceof Verdict.Violated) {
            return new Verdict.Holds();
        }
        if (allDenied instanceof Verdict.Indeterminate i) {
            return i;
        }
        return verdict(element, direction, ctx, query, true, true);
    }

    /**
     * {@code denies ... from wide X} / {@code from narrow X}: which peer addresses get through, measured against the
     * project's Internet width. Wide: violated when the public peers let through are more than the width holds
     * (the Internet at large). Narrow: violated when some public peers get through but not that many (an allow
     * list), so one flow is never reported by both. Asked about people's addresses: a service tag's rule admits
     * the service, not users (see {@link #some}).
     */
    private Verdict breadth(Object element, Direction direction, TagContext anyCtx, FlowSet query,
            Assertion.Breadth breadth) {
        FlowEngine engine = context.engine();
        boolean inbound = direction == Direction.INBOUND;
        FlowSet concrete = FlowSet.EMPTY;
        for (FlowBox b : query.boxes()) {
            concrete = concrete.union(FlowSet.of(new FlowBox(b.protocols(),
                    inbound ? AddressSet.ofIps(b.sources().ips()) : b.sources(), b.sourcePorts(),
                    inbound ? b.destinations() : AddressSet.ofIps(b.destinations().ips()), b.destinationPorts())));
        }
        Verdict worst = new Verdict.Holds();
        for (List<Decision> decisions : decisionLists(element, direction, anyCtx.forUsers(), concrete)) {
            IntervalSet allowed = IntervalSet.EMPTY;
            IntervalSet perhaps = IntervalSet.EMPTY;
            Decision widest = null;
            Decision unknown = null;
            for (Decision d : decisions) {
                IntervalSet peers = (inbound ? d.flows().sources() : d.flows().destinations()).ips()
                        .intersect(AddressSpace.PUBLIC);
                if (peers.isEmpty()) {
                    continue;
                }
                if (d.outcome() == Decision.Outcome.ALLOWED) {
                    allowed = allowed.union(peers);
                    widest = widest == null ? d : widest;
                } else if (d.outcome() == Decision.Outcome.UNKNOWN) {
                    perhaps = perhaps.union(peers);
                    unknown = unknown == null ? d : unknown;
                }
            }
            InternetWidth width = context.internetWidth();
            Verdict v;
            boolean wide = width.wide(allowed);
            boolean perhapsWide = width.wide(allowed.union(perhaps));
            if (breadth == Assertion.Breadth.WIDE) {
                v = wide ? new Verdict.Violated(publicWitness(widest, direction))
                        : perhapsWide ? new Verdict.Indeterminate(reason(unknown), unknown.at(),
                                publicWitness(unknown, direction))
                        : new Verdict.Holds();
            } else {
                // What may be wide is the wide question's to call indeterminate: said once, not twice.
                v = wide ? new Verdict.Holds()
                        : !allowed.isEmpty() ? new Verdict.Violated(publicWitness(widest, direction))
                        : !perhaps.isEmpty() && !perhapsWide ? new Verdict.Indeterminate(reason(unknown),
                                unknown.at(), publicWitness(unknown, direction))
                        : new Verdict.Holds();
            }
            if (v instanceof Verdict.Violated) {
                return v;
            }
            if (v instanceof Verdict.Indeterminate && worst instanceof Verdict.Holds) {
                worst = v;
            }
        }
        return worst;
    }

    private static String reason(Decision d) {
        return d.reason() == null ? "not known" : d.reason();
    }

    /** A witness of a decision whose peer is a public address. */
    private Witness publicWitness(Decision d, Direction direction) {
        FlowBox b = d.flows();
        boolean inbound = direction == Direction.INBOUND;
        FlowBox open = new FlowBox(b.protocols(),
                inbound ? AddressSet.ofIps(b.sources().ips().intersect(AddressSpace.PUBLIC)) : b.sources(),
                b.sourcePorts(),
                inbound ? b.destinations() : AddressSet.ofIps(b.destinations().ips().intersect(AddressSpace.PUBLIC)),
                b.destinationPorts());
        return context.engine().witness(new Decision(open, d.outcome(), d.rules(), d.reason(), d.at()), direction);
    }

    /** The decisions on each path to the element: the NSG alone, or each subnet and NIC pair. */
    private List<List<Decision>> decisionLists(Object element, Direction direction, TagContext ctx, FlowSet query) {
        FlowEngine engine = context.engine();
        if (element instanceof NetworkSecurityGroup nsg) {
            return List.of(engine.evaluate(nsg, direction, ctx, query));
        }
        List<List<Decision>> out = new ArrayList<>();
        if (element instanceof Subnet s) {
            List<NetworkInterface> in = engine.nicsIn(s);
            if (in.isEmpty()) {
                out.add(engine.evaluate(s, null, direction, query, engine.contextOf(s).forUsers()));
            }
            for (NetworkInterface n : in) {
                out.add(engine.evaluate(s, n, direction, query, engine.contextOf(s).forUsers()));
            }
        } else if (element instanceof BastionEndpoint e) {
            out.add(engine.evaluate(e.subnet(), e.nicOrNull(), direction, query,
                    engine.contextOf(e.subnet()).forUsers()));
        } else {
            NetworkInterface nic = (NetworkInterface) element;
            for (var ip : nic.ipConfigurations()) {
                ip.subnetId().known().flatMap(id -> context.topology().subnet(id)).ifPresent(s ->
                        out.add(engine.evaluate(s, nic, direction, query, engine.contextOf(s).forUsers())));
            }
        }
        return out;
    }

    /** The presence check: explicit allow rules of the target's NSG cover the flows (no NSG: nothing to check). */
    private Verdict explicit(Object element, Direction direction, TagContext ctx, FlowSet query) {
        NsgAttachment a = element instanceof NetworkSecurityGroup n ? new NsgAttachment.Attached(n)
                : element instanceof Subnet s ? context.topology().nsgOf(s)
                : element instanceof BastionEndpoint e ? context.topology().nsgOf(e.subnet())
                : context.topology().nsgOf((NetworkInterface) element);
        if (a instanceof NsgAttachment.Attached at) {
            return context.engine().mustExplicitlyAllow(at.nsg(), direction, ctx, query);
        }
        if (a instanceof NsgAttachment.Unresolved u) {
            return new Verdict.Indeterminate(u.reason(), null, null);
        }
        return new Verdict.Holds();
    }

    /** An address set, or why it is unknown. */
    private record Addresses(AddressSet set, Val.Unknown unknown) {
    }

    private Addresses own(Object element, TagContext ctx) {
        FlowEngine engine = context.engine();
        if (element instanceof Subnet s) {
            AddressSet a = engine.addressesOf(s);
            return a.isEmpty() ? new Addresses(a, new Val.Unknown("the address prefix of subnet "
                    + s.name().known().orElse(s.id()) + " is not known", s.location())) : new Addresses(a, null);
        }
        if (element instanceof BastionEndpoint e) {
            return e.nic().isPresent() ? own(e.nicOrNull(), ctx) : own(e.subnet(), ctx);
        }
        if (element instanceof NetworkInterface nic) {
            AddressSet a = AddressSet.ofIps(IntervalSet.EMPTY);
            for (var ip : nic.ipConfigurations()) {
                var subnet = ip.subnetId().known().flatMap(id -> context.topology().subnet(id));
                if (subnet.isPresent()) {
                    AddressSet fixed = FlowEngine.privateAddresses(nic, subnet.get());
                    a = a.union(fixed.isEmpty() ? engine.addressesOf(subnet.get()) : fixed);
                }
            }
            return a.isEmpty() ? new Addresses(a, new Val.Unknown("the addresses of NIC " + nic.name().known()
                    .orElse(nic.id()) + " are not known", nic.location())) : new Addresses(a, null);
        }
        return new Addresses(engine.addresses("*", ctx), null);
    }

    private Addresses addresses(List<AddressSpec> specs, Map<String, Val> env, TagContext ctx) {
        FlowEngine engine = context.engine();
        AddressSet out = AddressSet.ofIps(IntervalSet.EMPTY);
        for (AddressSpec spec : specs) {
            if (spec instanceof AddressSpec.Any) {
                out = out.union(engine.addresses("*", ctx));
                continue;
            }
            Expr e = ((AddressSpec.Of) spec).value();
            String tag = PolicyCompiler.tagName(e, policy.variables());
            if (tag != null) {
                out = out.union(engine.addresses(tag, ctx));
                continue;
            }
            if (e instanceof Expr.Text t) {
                out = out.union(engine.addresses(t.value(), ctx));
                continue;
            }
            Val v = interpreter.eval(e, env);
            List<Val> values = v instanceof Val.Items items ? items.items() : List.of(v);
            for (Val x : values) {
                if (x instanceof Val.Unknown u) {
                    return new Addresses(out, u);
                }
                if (x instanceof Val.Str s) {
                    out = out.union(engine.addresses(s.value(), ctx));
                } else if (x instanceof Val.Elem el && el.element() instanceof Subnet s) {
                    AddressSet a = engine.addressesOf(s);
                    if (a.isEmpty()) {
                        return new Addresses(out, new Val.Unknown("the address prefix of subnet "
                                + s.name().known().orElse(s.id()) + " is not known", s.location()));
                    }
                    out = out.union(a);
                } else if (x instanceof Val.Elem el && el.element() instanceof VirtualNetwork vnet) {
                    out = out.union(AddressSet.ofIps(AddressSpace.prefixes(vnet.addressSpace().known()
                            .orElse(List.of()))));
                } else if (x instanceof Val.Elem el && el.element() instanceof NetworkInterface nic) {
                    AddressSet fixed = FlowEngine.privateAddresses(nic);
                    if (fixed.isEmpty()) {
                        return new Addresses(out, new Val.Unknown("the private address of NIC "
                                + nic.name().known().orElse(nic.id()) + " is not fixed in the template", nic.location()));
                    }
                    out = out.union(fixed);
                }
            }
        }
        return new Addresses(out, null);
    }

    // ---- findings ----------------------------------------------------------------------------------------

    private void report(Finding.Kind kind, Map<String, Val> env, SourceLocation at, String anchor, Evidence evidence,
            String found) {
        report(kind, env, at, anchor, evidence, found, null);
    }

    private void report(Finding.Kind kind, Map<String, Val> env, SourceLocation at, String anchor, Evidence evidence,
            String found, Evidence.Flow flow) {
        String resource = resource(env);
        SourceLocation where = at == null || at == SourceLocation.BUILT_IN ? innermost(env) : at;
        if (kind == Finding.Kind.INDETERMINATE && evidence instanceof Evidence.Unknown u
                && !reportedUnknowns.add(u.reason() + "|" + (u.at() == null ? where.display() : u.at().display()))) {
            return;
        }
        String message = message(env, kind, evidence, found, flow);
        if (kind == Finding.Kind.VIOLATED && innermostElement(env).element() instanceof NetworkSecurityGroup nsg
                && nsg.declaredElsewhere()) {
            message += " (NSG " + nsg.name().known().orElse(nsg.id()) + " is declared outside the scanned files: its"
                    + " other rules are not known and could take priority)";
        }
        findings.add(new Finding(policy.metadata(), severityOverride != null ? severityOverride
                : policy.metadata().severity(), kind, message, where, resource,
                anchor, evidence));
    }

    private static String resource(Map<String, Val> env) {
        List<Val> values = new ArrayList<>(env.values());
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) instanceof Val.Elem e) {
                Object o = e.element();
                if (o instanceof ModelElement m) {
                    return m.id();
                }
                if (o instanceof BastionEndpoint endpoint) {
                    return endpoint.id();
                }
                if (o instanceof SecurityRule r) {
                    return r.id();
                }
                if (o instanceof RuleProblem p) {
                    return p.rule().id();
                }
            }
        }
        return "";
    }

    private static Val.Elem innermostElement(Map<String, Val> env) {
        List<Val> values = new ArrayList<>(env.values());
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) instanceof Val.Elem e && !(e.element() instanceof RuleProblem)
                    && !(e.element() instanceof ModelGap)) {
                return e;
            }
        }
        return new Val.Elem("model", "the model", SourceLocation.BUILT_IN);
    }

    private static SourceLocation innermost(Map<String, Val> env) {
        List<Val> values = new ArrayList<>(env.values());
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i).at() != null && values.get(i).at() != SourceLocation.BUILT_IN) {
                return values.get(i).at();
            }
        }
        return SourceLocation.BUILT_IN;
    }

    private String message(Map<String, Val> env, Finding.Kind kind, Evidence evidence, String found,
            Evidence.Flow flow) {
        if (kind == Finding.Kind.INDETERMINATE && evidence instanceof Evidence.Unknown u) {
            // A violation's wording would state as fact what is not known: say what cannot be told, and why.
            String what = Schema.nameOf(innermostElement(env));
            return "cannot tell whether this holds for " + what + ": " + policy.metadata().summary() + " ("
                    + u.reason() + ")";
        }
        StringBuilder sb = new StringBuilder();
        boolean reasonShown = false;
        for (Object part : current == null ? policy.message() : current.message()) {
            if (part instanceof Expr e) {
                sb.append(Val.display(interpreter.eval(e, env)));
            } else if (part instanceof Policy.Special special) {
                switch (special.name()) {
                    case "witness" -> sb.append(flow == null ? "(no witness)" : flow.flow());
                    case "deciding" -> sb.append(flow == null ? "(no deciding rule)" : flow.deciding().describe());
                    case "reason" -> {
                        sb.append(evidence instanceof Evidence.Unknown u ? u.reason() : "");
                        reasonShown = true;
                    }
                    case "found" -> sb.append(found == null ? "" : found);
                    default -> sb.append(env.containsKey("item") ? Val.display(env.get("item")) : "");
                }
            } else {
                sb.append((String) part);
            }
        }
        if (kind == Finding.Kind.INDETERMINATE && !reasonShown && evidence instanceof Evidence.Unknown u) {
            sb.append(" (cannot tell: ").append(u.reason()).append(')');
        }
        return sb.toString();
    }
}
