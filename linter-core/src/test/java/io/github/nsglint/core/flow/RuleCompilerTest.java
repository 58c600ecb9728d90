package io.github.nsglint.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.Direction;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiling from rule shapes: the reason a rule is uncertain is the first one in field order (priority, access,
 * direction, problems, protocol, source, destination, ports), and one set of shapes serves every context.
 */
class RuleCompilerTest {

    private static final SourceLocation PRIORITY_AT = SourceLocation.caret("test.json", 7, 3);

    @Test
    void theFirstUncertainFieldGivesTheReason() {
        NetworkSecurityGroup nsg = Rules.nsg(List.of(
                Rules.rule("portOnly 100 in allow tcp * * * 70000"),
                Rules.rule("tagBeforePort 110 in allow tcp Storage * 10.1.0.0/16 70000"),
                withUnknownPriority(Rules.rule("priorityFirst 120 in allow tcp Storage * 10.1.0.0/16 70000")),
                Rules.rule("certain 130 in allow tcp * * * 22")));
        TagContext ctx = Rules.engine(nsg).unattached();
        List<CompiledRule> rules = RuleCompiler.compile(nsg, RuleCompiler.shapes(nsg), Direction.INBOUND, ctx);
        assertEquals("'70000' is not a valid destination port range", reasonOf(rules, "portOnly"));
        assertTrue(reasonOf(rules, "tagBeforePort").startsWith("service tag 'Storage' has no known prefixes"),
                reasonOf(rules, "tagBeforePort"));
        assertEquals("priority is not known: a parameter without a value", reasonOf(rules, "priorityFirst"));
        assertSame(PRIORITY_AT, rule(rules, "priorityFirst").uncertainAt());
        assertNull(reasonOf(rules, "certain"));
    }

    @Test
    void oneSetOfShapesServesEveryContextAsFreshOnesWould() {
        NetworkSecurityGroup nsg = Rules.nsg("a 100 in allow tcp VirtualNetwork * 10.1.0.0/16 22",
                "b 110 in deny * Internet * * 3389", "c 120 out allow udp 10.0.0.0/8 * AzureCloud 53",
                "d 130 in allow tcp 2001:db8::/32,10.2.0.0/16 * * 443");
        FlowEngine engine = Rules.engine(nsg);
        RuleCompiler.RuleShape[] shared = RuleCompiler.shapes(nsg);
        for (TagContext ctx : List.of(engine.unattached(), engine.unattached().forUsers())) {
            for (Direction d : Direction.values()) {
                List<CompiledRule> once = RuleCompiler.compile(nsg, shared, d, ctx);
                List<CompiledRule> fresh = RuleCompiler.compile(nsg, RuleCompiler.shapes(nsg), d, ctx);
                assertEquals(fresh, once);
            }
        }
        // Shapes do not depend on the atoms: an atom made after them still reaches the rules compiled later.
        int before = engine.atoms().size();
        engine.addresses("SomeNewTag", engine.unattached());
        assertEquals(before + 2, engine.atoms().size());
        CompiledRule any = RuleCompiler.compile(nsg, shared, Direction.INBOUND, engine.unattached()).get(1);
        assertEquals("b", any.decides().ruleName());
        int newAtom = engine.atoms().size() - 1;
        assertTrue(any.definite().sources().hasAtom(newAtom), "Internet certainly holds a tag's addresses");
    }

    private static SecurityRule withUnknownPriority(SecurityRule r) {
        return new SecurityRule(r.id(), r.name(), Field.unknown("a parameter without a value", PRIORITY_AT),
                r.direction(), r.access(), r.protocol(), r.sourceAddressPrefixes(), r.sourcePortRanges(),
                r.destinationAddressPrefixes(), r.destinationPortRanges(), r.sourceApplicationSecurityGroupIds(),
                r.destinationApplicationSecurityGroupIds(), r.description(), r.problems(), r.location());
    }

    private static CompiledRule rule(List<CompiledRule> rules, String name) {
        return rules.stream().filter(r -> r.decides().ruleName().equals(name)).findFirst().orElseThrow();
    }

    private static String reasonOf(List<CompiledRule> rules, String name) {
        return rule(rules, name).uncertainty();
    }
}
