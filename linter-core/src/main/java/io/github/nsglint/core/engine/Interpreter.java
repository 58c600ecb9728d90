package io.github.nsglint.core.engine;

import com.google.re2j.Pattern;
import io.github.nsglint.core.internal.net.AddressSpace;
import io.github.nsglint.core.flow.FlowBox;
import io.github.nsglint.core.flow.FlowSet;
import io.github.nsglint.core.internal.net.IntervalSet;
import io.github.nsglint.core.flow.NsgHygiene;
import io.github.nsglint.core.flow.Protocols;
import io.github.nsglint.core.model.BastionHost;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.Protocol;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.model.Subnet;
import io.github.nsglint.core.model.VirtualNetwork;
import io.github.nsglint.core.topology.BastionSkus;
import io.github.nsglint.core.topology.NsgAttachment;
import io.github.nsglint.grammar.ast.Expr;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Evaluates checked expressions over the model with three-valued logic: anything that depends on an Unknown is
 * Unknown, {@code and} with a false operand is false, {@code or} with a true one is true. String comparisons are
 * case-insensitive, as Azure's values are. A boolean result carries where it was decided, for the finding.
 */
final class Interpreter {

    /**
     * The rule files' patterns, compiled once. RE2/J matches in time linear in the text: a custom rule's pattern
     * such as {@code (.*a){20}b} against a long resource name cannot backtrack for minutes.
     */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final EvalContext context;

    Interpreter(EvalContext context) {
        this.context = context;
    }

    Val eval(Expr e, Map<String, Val> env) {
        if (e instanceof Expr.Text t) {
            return new Val.Str(t.value(), SourceLocation.BUILT_IN);
        }
        if (e instanceof Expr.Integer i) {
            return new Val.Int(i.value(), SourceLocation.BUILT_IN);
        }
        if (e instanceof Expr.Bool b) {
            return new Val.Bool(b.value(), SourceLocation.BUILT_IN);
        }
        if (e instanceof Expr.Name n) {
            return env.get(n.name());
        }
        if (e instanceof Expr.Field f) {
            Val base = eval(f.base(), env);
            if (base instanceof Val.Elem el) {
                return Schema.KINDS.get(el.kind()).get(f.field()).getter().apply(el.element(), context);
            }
            return base; // Absent or Unknown: so is every field of it
        }
        if (e instanceof Expr.Exists x) {
            Val v = eval(x.operand(), env);
            return v instanceof Val.Unknown ? v : new Val.Bool(!(v instanceof Val.Absent), v.at());
        }
        if (e instanceof Expr.Not n) {
            Val v = eval(n.operand(), env);
            return v instanceof Val.Bool b ? new Val.Bool(!b.value(), b.at()) : v;
        }
        if (e instanceof Expr.Logical l) {
            return logical(l, env);
        }
        if (e instanceof Expr.Comparison c) {
            return compare(c, eval(c.left(), env), eval(c.right(), env));
        }
        if (e instanceof Expr.In in) {
            return in(eval(in.value(), env), eval(in.collection(), env));
        }
        if (e instanceof Expr.Matches m) {
            Val v = eval(m.value(), env);
            if (v instanceof Val.Str s) {
                return new Val.Bool(PATTERNS.computeIfAbsent(m.pattern(), Pattern::compile)
                        .matcher(s.value()).find(), s.at());
            }
            return v instanceof Val.Absent a ? new Val.Bool(false, a.at()) : v;
        }
        if (e instanceof Expr.Items items) {
            List<Val> out = new ArrayList<>();
            items.items().forEach(x -> out.add(eval(x, env)));
            return new Val.Items(out, SourceLocation.BUILT_IN);
        }
        return call((Expr.Call) e, env);
    }

    private Val logical(Expr.Logical l, Map<String, Val> env) {
        boolean isAnd = l.op() == Expr.LogicalOp.AND;
        Val left = eval(l.left(), env);
        if (left instanceof Val.Bool b && b.value() != isAnd) {
            return left; // false and ..., true or ...
        }
        Val right = eval(l.right(), env);
        if (right instanceof Val.Bool b && b.value() != isAnd) {
            return right;
        }
        if (left instanceof Val.Unknown) {
            return left;
        }
        if (right instanceof Val.Unknown) {
            return right;
        }
        // Both decided the same way: the last operand is the requirement a reader looks for.
        return right;
    }

    private static Val compare(Expr.Comparison c, Val l, Val r) {
        if (l instanceof Val.Unknown) {
            return l;
        }
        if (r instanceof Val.Unknown) {
            return r;
        }
        SourceLocation at = l.at() != SourceLocation.BUILT_IN ? l.at() : r.at();
        if (l instanceof Val.Absent || r instanceof Val.Absent) {
            boolean bothAbsent = l instanceof Val.Absent && r instanceof Val.Absent;
            return switch (c.op()) {
                case EQ -> new Val.Bool(bothAbsent, at);
                case NEQ -> new Val.Bool(!bothAbsent, at);
                default -> new Val.Bool(false, at);
            };
        }
        int cmp;
        if (l instanceof Val.Int a && r instanceof Val.Int b) {
            cmp = Long.compare(a.value(), b.value());
        } else {
            cmp = same(l, r) ? 0 : 1;
        }
        boolean result = switch (c.op()) {
            case EQ -> cmp == 0;
            case NEQ -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
        return new Val.Bool(result, at);
    }

    /** Equality of values; strings compare case-insensitively, as ARM values do. */
    static boolean same(Val a, Val b) {
        if (a instanceof Val.Str x && b instanceof Val.Str y) {
            return x.value().equalsIgnoreCase(y.value());
        }
        if (a instanceof Val.Int x && b instanceof Val.Int y) {
            return x.value() == y.value();
        }
        if (a instanceof Val.Bool x && b instanceof Val.Bool y) {
            return x.value() == y.value();
        }
        if (a instanceof Val.Elem x && b instanceof Val.Elem y) {
            return x.element() == y.element();
        }
        return false;
    }

    private static Val in(Val v, Val coll) {
        if (v instanceof Val.Unknown) {
            return v;
        }
        if (!(coll instanceof Val.Items items)) {
            return coll instanceof Val.Absent a ? new Val.Bool(false, v.at()) : coll;
        }
        Val.Unknown unknown = null;
        for (Val item : items.items()) {
            if (item instanceof Val.Unknown u) {
                unknown = u;
            } else if (same(v, item)) {
                return new Val.Bool(true, v.at());
            }
        }
        return unknown != null ? unknown : new Val.Bool(false, v.at() != SourceLocation.BUILT_IN ? v.at() : coll.at());
    }

    private Val call(Expr.Call call, Map<String, Val> env) {
        List<Val> args = new ArrayList<>();
        for (Expr a : call.args()) {
            Val v = eval(a, env);
            if (v instanceof Val.Unknown) {
                return v;
            }
            args.add(v);
        }
        switch (call.name()) {
            case "bastionRuleSet":
                return new Val.Str(context.bastionRuleSet(), SourceLocation.BUILT_IN);
            case "gaps":
                return new Val.Items(Schema.all("gap", context), SourceLocation.BUILT_IN);
            case "count":
                return args.get(0) instanceof Val.Items items ? new Val.Int(items.items().size(), items.at())
                        : new Val.Int(0, args.get(0).at());
            case "prefixLength":
                return prefixLength(args.get(0));
            case "linkState":
                return linkState(args.get(0), args.get(1));
            case "egressPorts":
            case "managementPorts":
                return targetPorts(call.name(), args.get(0), args.get(1));
            case "flowLogShortfalls":
                return flowLogShortfalls(args.get(0));
            default:
                break;
        }
        if (!(args.get(0) instanceof Val.Elem nsgValue)) {
            return new Val.Items(List.of(), args.get(0).at());
        }
        NetworkSecurityGroup nsg = (NetworkSecurityGroup) nsgValue.element();
        if (call.name().equals("openToInternet") || call.name().equals("egressToInternet")) {
            NsgHygiene hygiene = new NsgHygiene(context.engine());
            NetworkSecurityGroup judged = nsg.declaredElsewhere() ? nsg.whatItAdds() : nsg;
            NsgHygiene.Openness open = call.name().equals("openToInternet")
                    ? hygiene.openToInternet(judged, context.internetWidth())
                    : hygiene.egressToInternet(judged, context.internetWidth());
            if (open.unknownReason() != null) {
                return new Val.Unknown(open.unknownReason(), open.unknownAt() != null ? open.unknownAt()
                        : nsg.location());
            }
            return new Val.Items(open.problems().stream().map(p -> (Val) Schema.elem("problem", p)).toList(),
                    nsg.location());
        }
        List<io.github.nsglint.core.flow.RuleProblem> problems = switch (call.name()) {
            case "shadowedRules" -> new NsgHygiene(context.engine()).shadowedRules(nsg, context.engine().unattached(),
                    requiredBastionFlows(nsg));
            case "duplicatePriorities" -> NsgHygiene.duplicatePriorities(nsg);
            case "invalidRules" -> new NsgHygiene(context.engine()).invalidRules(nsg);
            default -> throw new IllegalStateException("the compiler admits no function " + call.name());
        };
        List<Val> out = new ArrayList<>();
        problems.forEach(p -> out.add(Schema.elem("problem", p)));
        return new Val.Items(out, nsg.location());
    }

    private Val flowLogShortfalls(Val vnetValue) {
        if (!(vnetValue instanceof Val.Elem e) || !(e.element() instanceof VirtualNetwork vnet)) {
            return vnetValue instanceof Val.Unknown ? vnetValue : new Val.Items(List.of(), vnetValue.at());
        }
        FlowLogCoverage.Shortfalls s = new FlowLogCoverage(context.model(), context.topology()).shortfalls(vnet);
        if (s.unknownReason() != null) {
            return new Val.Unknown(s.unknownReason(), s.unknownAt() != null ? s.unknownAt() : vnet.location());
        }
        return new Val.Items(s.certain().stream().map(m -> (Val) new Val.Str(m.message(), m.at())).toList(),
                vnet.location());
    }

    /**
     * For the NSG of a Bastion's subnet, the flows its explicit rules must allow (BAS002), in the context shadowing
     * is judged in; none for any other NSG.
     */
    private Map<Direction, FlowSet> requiredBastionFlows(NetworkSecurityGroup nsg) {
        boolean onBastionSubnet = context.topology().bastions().stream().anyMatch(p -> p.subnet() != null
                && context.topology().nsgOf(p.subnet()) instanceof NsgAttachment.Attached a
                && a.nsg() == nsg);
        if (!onBastionSubnet) {
            return Map.of();
        }
        var engine = context.engine();
        var ctx = engine.unattached();
        Map<Direction, FlowSet> out = new EnumMap<>(Direction.class);
        for (BastionRequirements.Flow f : BastionRequirements.of(context.bastionRuleSet())) {
            var ports = IntervalSet.EMPTY;
            for (int p : f.ports()) {
                ports = ports.union(IntervalSet.of(p, p));
            }
            int protocols = Protocols.of(Protocol.parse(f.protocol()).orElseThrow());
            var peer = engine.addresses(f.peer(), ctx);
            var any = engine.addresses("*", ctx);
            var flows = f.direction() == Direction.INBOUND
                    ? engine.flows(protocols, peer, FlowBox.ANY_PORT, any, ports)
                    : engine.flows(protocols, any, FlowBox.ANY_PORT, peer, ports);
            out.merge(f.direction(), flows, FlowSet::union);
        }
        return out;
    }

    private Val targetPorts(String function, Val bastion, Val subnet) {
        if (!(bastion instanceof Val.Elem b) || !(subnet instanceof Val.Elem t)) {
            return bastion instanceof Val.Elem ? subnet : bastion;
        }
        var host = (BastionHost) b.element();
        var target = (Subnet) t.element();
        var endpoints = context.placement(host).endpointsIn(target);
        return function.equals("egressPorts")
                ? Schema.ports(BastionSkus.egressPorts(host, endpoints), t.at())
                : Schema.ints(BastionSkus.managementPorts(endpoints), t.at());
    }

    private Val linkState(Val a, Val b) {
        if (!(a instanceof Val.Elem x) || !(b instanceof Val.Elem y)) {
            return new Val.Str("NONE", a.at());
        }
        var va = (io.github.nsglint.core.model.VirtualNetwork) x.element();
        var vb = (io.github.nsglint.core.model.VirtualNetwork) y.element();
        for (var l : context.topology().linksOf(va.id())) {
            if (io.github.nsglint.core.model.ResourceIds.same(l.vnetA(), vb.id())
                    || io.github.nsglint.core.model.ResourceIds.same(l.vnetB(), vb.id())) {
                SourceLocation at = l.forward() != null ? l.forward().location() : l.backward().location();
                if (l.state() == io.github.nsglint.core.topology.PeeringLink.State.UNKNOWN) {
                    return new Val.Unknown(l.reason(), at);
                }
                return new Val.Str(l.state().name(), at);
            }
        }
        return new Val.Str("NONE", vb.location());
    }

    private static Val prefixLength(Val v) {
        if (!(v instanceof Val.Elem e) || !(e.element() instanceof Subnet s)) {
            return v instanceof Val.Absent ? v : new Val.Unknown("not a subnet", v.at());
        }
        return Val.of(s.addressPrefixes(), null, s.location(), prefixes -> {
            if (prefixes.isEmpty()) {
                return new Val.Absent(s.location());
            }
            String p = prefixes.get(0);
            int slash = p.indexOf('/');
            if (slash < 0 || AddressSpace.cidr(p).isEmpty()) {
                return new Val.Unknown("address prefix '" + p + "' is not a CIDR", s.location());
            }
            return new Val.Int(Integer.parseInt(p.substring(slash + 1).trim()), s.location());
        });
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
