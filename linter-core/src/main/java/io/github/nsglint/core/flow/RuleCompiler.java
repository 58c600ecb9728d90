package io.github.nsglint.core.flow;

import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compiles an NSG's rules for one direction and context, in processing order: custom rules by priority, then
 * the default rules. What the linter cannot know (an Unknown field, an invalid field, a rule list that is
 * unknown or incomplete) compiles to rules that match nothing for certain and everything they might, so it
 * shows up as uncertainty, never as a pass.
 */
final class RuleCompiler {

    private RuleCompiler() {
    }

    /** Rules whose priority is unknown go first: they may come before any other rule. */
    private static final long UNKNOWN_PRIORITY = 0;

    /**
     * Compiles from the rules' shapes ({@link #shapes}), which an engine keeps per NSG: an NSG is compiled for
     * each direction and context it is asked about, and the shapes hold all of a rule that does not depend on
     * the context, read and parsed once, in one array (the rules themselves are a deep graph of records).
     */
    static List<CompiledRule> compile(NetworkSecurityGroup nsg, RuleShape[] shapes, Direction direction,
            TagContext ctx) {
        return compile(nsg, shapes, direction, ctx, AsgView.ATOMS);
    }

    /**
     * How a compile reads application security groups: as the addresses of their members, as the NIC whose flows are
     * judged (its own side: is it a member?), or as atoms when neither is known.
     */
    interface AsgView {
        /** @param ownSide whether the field is the judged NIC's side (destination inbound, source outbound) */
        AddressMatch match(String asgId, boolean ownSide, TagContext ctx);

        AsgView ATOMS = (id, ownSide, ctx) -> ctx.applicationSecurityGroup(id);
    }

    static List<CompiledRule> compile(NetworkSecurityGroup nsg, RuleShape[] shapes, Direction direction,
            TagContext ctx, AsgView asgs) {
        List<CompiledRule> out = new ArrayList<>();
        String nsgName = nsg.name().known().orElse(nsg.id());
        FlowBox universe = universe(ctx);
        if (nsg.securityRules() instanceof Field.Unknown<?> u) {
            out.add(uncertainAll(nsg, nsgName, "the rules of NSG " + nsgName + " are not known: " + u.reason(),
                    u.location(), universe));
        } else if (nsg.securityRules() instanceof Field.Invalid<?> i) {
            out.add(uncertainAll(nsg, nsgName, "the rules of NSG " + nsgName + " are invalid: " + i.problem(),
                    i.location(), universe));
        }
        if (nsg.complete() instanceof Field.Unknown<Boolean> u) {
            out.add(uncertainAll(nsg, nsgName, u.reason(), u.location(), universe));
        }
        if (nsg.deployment().condition() instanceof Field.Unknown<Boolean> u) {
            out.add(uncertainAll(nsg, nsgName, "whether NSG " + nsgName + " is deployed is not known: " + u.reason(),
                    u.location(), universe));
        }
        for (RuleShape shape : shapes) {
            if (shape.direction() != null && shape.direction() != direction) {
                continue;
            }
            out.add(custom(shape, ctx, universe, asgs, direction));
        }
        out.sort(Comparator.comparingLong(CompiledRule::order));
        out.addAll(DefaultRules.compile(nsg, nsgName, direction, ctx));
        return out;
    }

    private static CompiledRule uncertainAll(NetworkSecurityGroup nsg, String nsgName, String reason,
            SourceLocation at, FlowBox universe) {
        DecidingRule d = new DecidingRule(nsg.id(), nsgName, "(unknown rules)", 0, DecidingRule.Kind.CUSTOM,
                Access.DENY, nsg.location());
        return new CompiledRule(d, null, -1, null, empty(universe), universe, reason, at);
    }

    /**
     * What compiling one rule needs that is the same in every context. {@code before} is the first reason found
     * in the fields compiled before the addresses (priority, access, direction, problems, protocol), {@code after}
     * that of the ports, compiled after them: so the reasons come out in the order they always have, the first
     * one winning. {@code invalid} is what Azure rejects in the rule's fields ({@link NsgHygiene#invalidRules}).
     */
    record RuleShape(SecurityRule rule, Direction direction, DecidingRule decides, long order, Access access,
            int protocols, boolean rejected, boolean fieldsUnknown, Side source, Side destination,
            IntervalSet sourcePorts, IntervalSet destinationPorts, Note before, Note after, List<String> invalid) {
    }

    /** A reason a rule is uncertain and where it comes from; both null when there is none. */
    record Note(String reason, SourceLocation at) {
        static Note of(Uncertainty u) {
            return new Note(u.reason, u.at);
        }
    }

    /**
     * One side's address fields. {@code parsed[i]} is the address set of {@code tokens[i]} when that token is
     * an IP address or prefix (which a context resolves again each time, see {@link TagContext#token}), else null.
     */
    record Side(Field<List<String>> prefixes, List<String> tokens, IntervalSet[] parsed,
            Field<List<String>> asgs, String what) {
    }

    /** The shapes of an NSG's rules, in the NSG's order. */
    static RuleShape[] shapes(NetworkSecurityGroup nsg) {
        String nsgName = nsg.name().known().orElse(nsg.id());
        List<SecurityRule> rules = nsg.securityRules().known().orElse(List.of());
        RuleShape[] out = new RuleShape[rules.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shape(nsg, nsgName, rules.get(i));
        }
        return out;
    }

    private static RuleShape shape(NetworkSecurityGroup nsg, String nsgName, SecurityRule r) {
        Uncertainty before = new Uncertainty();
        String name = r.name().known().orElse("{unknown name}");
        Integer priority = r.priority().known().orElse(null);
        if (priority == null) {
            before.note(r.priority(), "priority");
        }
        Access access = r.access().known().orElse(null);
        if (access == null) {
            before.note(r.access(), "access");
        }
        Direction direction = r.direction() instanceof Field.Known<Direction> k ? k.value() : null;
        if (direction == null) {
            before.note(r.direction(), "direction");
        }
        if (!r.problems().isEmpty()) {
            before.note(r.problems().get(0) + " (Azure rejects the rule)", r.location());
        }
        int protocols = r.protocol() instanceof Field.Known<io.github.nsglint.core.model.Protocol> p
                ? Protocols.of(p.value()) : -1;
        if (protocols < 0) {
            before.note(r.protocol(), "protocol");
        }
        Uncertainty after = new Uncertainty();
        IntervalSet sp = ports(r.sourcePortRanges(), after, "source port");
        IntervalSet dp = ports(r.destinationPortRanges(), after, "destination port");
        boolean fieldsUnknown = protocols < 0 || sp == null || dp == null || priority == null || direction == null
                || !r.problems().isEmpty();
        DecidingRule d = new DecidingRule(nsg.id(), nsgName, name, priority == null ? 0 : priority,
                DecidingRule.Kind.CUSTOM, access == null ? Access.DENY : access, r.location());
        return new RuleShape(r, direction, d, priority == null ? UNKNOWN_PRIORITY : priority, access, protocols,
                !r.problems().isEmpty(), fieldsUnknown, side(r.sourceAddressPrefixes(), r.sourceApplicationSecurityGroupIds(), "source"),
                side(r.destinationAddressPrefixes(), r.destinationApplicationSecurityGroupIds(), "destination"), sp,
                dp, Note.of(before), Note.of(after), NsgHygiene.invalidFieldsOf(r));
    }

    private static Side side(Field<List<String>> prefixes, Field<List<String>> asgs, String what) {
        List<String> tokens = prefixes.known().orElse(List.of());
        IntervalSet[] parsed = new IntervalSet[tokens.size()];
        for (int i = 0; i < parsed.length; i++) {
            String t = tokens.get(i);
            if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                parsed[i] = AddressSpace.cidr(t).orElse(null); // an invalid one is resolved (and explained) as before
            }
        }
        return new Side(prefixes, tokens, parsed, asgs, what);
    }

    private static CompiledRule custom(RuleShape shape, TagContext ctx, FlowBox universe, AsgView asgs,
            Direction direction) {
        Uncertainty why = new Uncertainty();
        why.note(shape.before().reason(), shape.before().at());
        AddressMatch src = addresses(shape.source(), ctx, why, asgs, direction == Direction.OUTBOUND);
        AddressMatch dst = addresses(shape.destination(), ctx, why, asgs, direction == Direction.INBOUND);
        why.note(shape.after().reason(), shape.after().at());
        IntervalSet sp = shape.sourcePorts();
        IntervalSet dp = shape.destinationPorts();
        int protocols = shape.protocols();
        // A rule Azure rejects fails the deployment: then nothing about this NSG is certain.
        FlowBox possible = shape.rejected() ? universe
                : new FlowBox(protocols < 0 ? Protocols.ALL : protocols, src.possible(),
                        sp == null ? FlowBox.ANY_PORT : sp, dst.possible(), dp == null ? FlowBox.ANY_PORT : dp);
        FlowBox definite = shape.fieldsUnknown() || shape.access() == null ? empty(universe)
                : new FlowBox(protocols, src.definite(), sp, dst.definite(), dp);
        if (why.reason == null && (!src.definite().equals(src.possible()) || !dst.definite().equals(dst.possible()))) {
            why.note(src.reason() != null ? src.reason() : dst.reason(), src.at() != null ? src.at() : dst.at());
        }
        // The rule's own location is its deciding rule's: read from the shape, not the rule (see compile).
        return new CompiledRule(shape.decides(), shape.rule(), shape.order(), shape.access(), definite, possible,
                why.reason, why.at == null ? shape.decides().location() : why.at);
    }

    static AddressMatch addresses(Side side, TagContext ctx, Uncertainty why) {
        return addresses(side, ctx, why, AsgView.ATOMS, false);
    }

    static AddressMatch addresses(Side side, TagContext ctx, Uncertainty why, AsgView asgs, boolean ownSide) {
        AddressMatch m = AddressMatch.exact(AddressSet.EMPTY);
        if (side.prefixes() instanceof Field.Known<java.util.List<String>>) {
            for (int i = 0; i < side.parsed().length; i++) {
                IntervalSet ips = side.parsed()[i];
                String t = side.tokens().get(i);
                m = m.union(ips != null ? ctx.concrete(ips, t.trim()) : ctx.token(t, null));
            }
        } else if (!(side.prefixes() instanceof Field.Absent)) {
            why.note(side.prefixes(), side.what() + " address");
            return ctx.unknown(why.reason, why.at);
        }
        if (side.asgs() instanceof Field.Known<java.util.List<String>> k) {
            for (String id : k.value()) {
                m = m.union(asgs.match(id, ownSide, ctx));
            }
        } else {
            why.note(side.asgs(), side.what() + " application security groups");
            return ctx.unknown(why.reason, why.at);
        }
        if (m.reason() != null && !m.definite().equals(m.possible())) {
            why.note(m.reason(), m.at());
        }
        return m;
    }

    /** The ports of a field; null when unknown or invalid (the reason is noted). */
    static IntervalSet ports(Field<java.util.List<String>> ranges, Uncertainty why, String what) {
        if (!(ranges instanceof Field.Known<java.util.List<String>> k)) {
            why.note(ranges, what);
            return null;
        }
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : k.value()) {
            IntervalSet p = PortRanges.parse(t);
            if (p == null) {
                why.note("'" + t + "' is not a valid " + what + " range", null);
                return null;
            }
            s = s.union(p);
        }
        return s;
    }

    static FlowBox universe(TagContext ctx) {
        return new FlowBox(Protocols.ALL, ctx.universe(), FlowBox.ANY_PORT, ctx.universe(), FlowBox.ANY_PORT);
    }

    private static FlowBox empty(FlowBox universe) {
        return new FlowBox(0, universe.sources(), universe.sourcePorts(), universe.destinations(),
                universe.destinationPorts());
    }

    /** The first reason a rule is uncertain, and where it comes from. */
    static final class Uncertainty {
        String reason;
        SourceLocation at;

        void note(Field<?> f, String what) {
            if (f instanceof Field.Unknown<?> u) {
                note(what + " is not known: " + u.reason(), u.location());
            } else if (f instanceof Field.Invalid<?> i) {
                note(what + " is invalid: " + i.problem() + " ('" + i.raw() + "')", i.location());
            } else if (f instanceof Field.Absent) {
                note(what + " is not set", null);
            }
        }

        void note(String r, SourceLocation location) {
            if (reason == null && r != null) {
                reason = r;
                at = location;
            }
        }
    }
}
