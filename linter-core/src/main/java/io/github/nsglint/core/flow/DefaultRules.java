package io.github.nsglint.core.flow;

import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import java.util.ArrayList;
import java.util.List;

/** The default rules Azure appends to every NSG (DESIGN section 3), compiled in a context. */
public final class DefaultRules {

    private DefaultRules() {
    }

    /** One default rule as Azure lists it. */
    public record Definition(String name, int priority, String source, String destination, Access access) {
    }

    public static final List<Definition> INBOUND = List.of(
            new Definition("AllowVNetInBound", 65000, "VirtualNetwork", "VirtualNetwork", Access.ALLOW),
            new Definition("AllowAzureLoadBalancerInBound", 65001, "AzureLoadBalancer", "*", Access.ALLOW),
            new Definition("DenyAllInBound", 65500, "*", "*", Access.DENY));

    public static final List<Definition> OUTBOUND = List.of(
            new Definition("AllowVnetOutBound", 65000, "VirtualNetwork", "VirtualNetwork", Access.ALLOW),
            new Definition("AllowInternetOutBound", 65001, "*", "Internet", Access.ALLOW),
            new Definition("DenyAllOutBound", 65500, "*", "*", Access.DENY));

    static List<CompiledRule> compile(NetworkSecurityGroup nsg, String nsgName, Direction direction, TagContext ctx) {
        List<CompiledRule> out = new ArrayList<>(3);
        for (Definition d : direction == Direction.INBOUND ? INBOUND : OUTBOUND) {
            AddressMatch src = ctx.token(d.source(), nsg.location());
            AddressMatch dst = ctx.token(d.destination(), nsg.location());
            FlowBox definite = new FlowBox(Protocols.ALL, src.definite(), FlowBox.ANY_PORT, dst.definite(),
                    FlowBox.ANY_PORT);
            FlowBox possible = new FlowBox(Protocols.ALL, src.possible(), FlowBox.ANY_PORT, dst.possible(),
                    FlowBox.ANY_PORT);
            String reason = src.reason() != null && !src.definite().equals(src.possible()) ? src.reason()
                    : dst.reason() != null && !dst.definite().equals(dst.possible()) ? dst.reason() : null;
            DecidingRule rule = new DecidingRule(nsg.id(), nsgName, d.name(), d.priority(), DecidingRule.Kind.DEFAULT,
                    d.access(), nsg.location());
            out.add(new CompiledRule(rule, null, d.priority(), d.access(), definite, possible, reason,
                    src.at() != null ? src.at() : dst.at()));
        }
        return out;
    }
}
