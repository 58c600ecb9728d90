package io.github.nsglint.core.flow;

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

    static List<CompiledRule> compile(NetworkSecurityGroup nsg, Direction direction, TagContext ctx) {
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
        for (SecurityRule r : nsg.securityRules().known().orElse(List.of())) {
            Field<Direction> d = r.direction();
            if (d instanceof Field.Known<Direction> k && k.value() != direction) {
                continue;
            }
            out.add(custom(nsg, nsgName, r, ctx, universe));
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

    private static CompiledRule custom(NetworkSecurityGroup nsg, String nsgName, SecurityRule r, TagContext ctx,
            FlowBox universe) {
        Uncertainty why = new Uncertainty();
        String name = r.name().known().orElse("{unknown name}");
        Integer priority = r.priority().known().orElse(null);
        if (priority == null) {
            why.note(r.priority(), "priority");
        }
        Access access = r.access().known().orElse(null);
        if (access == null) {
            why.note(r.access(), "access");
        }
        if (!(r.direction() instanceof Field.Known)) {
            why.note(r.direction(), "direction");
        }
        if (!r.problems().isEmpty()) {
            why.note(r.problems().get(0) + " (Azure rejects the rule)", r.location());
        }
        int protocols = r.protocol() instanceof Field.Known<io.github.nsglint.core.model.Protocol> p
                ? Protocols.of(p.value()) : -1;
        if (protocols < 0) {
            why.note(r.protocol(), "protocol");
        }
        AddressMatch src = addresses(r.sourceAddressPrefixes(), r.sourceApplicationSecurityGroupIds(), ctx, why,
                "source");
        AddressMatch dst = addresses(r.destinationAddressPrefixes(), r.destinationApplicationSecurityGroupIds(), ctx,
                why, "destination");
        IntervalSet sp = ports(r.sourcePortRanges(), why, "source port");
        IntervalSet dp = ports(r.destinationPortRanges(), why, "destination port");
        // A rule Azure rejects fails the deployment: then nothing about this NSG is certain.
        FlowBox possible = !r.problems().isEmpty() ? universe
                : new FlowBox(protocols < 0 ? Protocols.ALL : protocols, src.possible(),
                        sp == null ? FlowBox.ANY_PORT : sp, dst.possible(), dp == null ? FlowBox.ANY_PORT : dp);
        boolean fieldsUnknown = protocols < 0 || sp == null || dp == null || priority == null
                || !(r.direction() instanceof Field.Known) || !r.problems().isEmpty();
        FlowBox definite = fieldsUnknown || access == null ? empty(universe)
                : new FlowBox(protocols, src.definite(), sp, dst.definite(), dp);
        if (why.reason == null && (!src.definite().equals(src.possible()) || !dst.definite().equals(dst.possible()))) {
            why.note(src.reason() != null ? src.reason() : dst.reason(), src.at() != null ? src.at() : dst.at());
        }
        DecidingRule d = new DecidingRule(nsg.id(), nsgName, name, priority == null ? 0 : priority,
                DecidingRule.Kind.CUSTOM, access == null ? Access.DENY : access, r.location());
        return new CompiledRule(d, r, priority == null ? UNKNOWN_PRIORITY : priority, access, definite, possible,
                why.reason, why.at == null ? r.location() : why.at);
    }

    static AddressMatch addresses(Field<java.util.List<String>> prefixes, Field<java.util.List<String>> asgs,
            TagContext ctx, Uncertainty why, String what) {
        AddressMatch m = AddressMatch.exact(AddressSet.EMPTY);
        if (prefixes instanceof Field.Known<java.util.List<String>> k) {
            for (String t : k.value()) {
                m = m.union(ctx.token(t, null));
            }
        } else if (!(prefixes instanceof Field.Absent)) {
            why.note(prefixes, what + " address");
            return ctx.unknown(why.reason, why.at);
        }
        if (asgs instanceof Field.Known<java.util.List<String>> k) {
            for (String id : k.value()) {
                m = m.union(ctx.applicationSecurityGroup(id));
            }
        } else {
            why.note(asgs, what + " application security groups");
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
