package io.github.nsglint.grammar.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nsglint.grammar.ast.AddressSpec;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.Clause;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.MetadataValue;
import io.github.nsglint.grammar.ast.PortSpec;
import io.github.nsglint.grammar.ast.RuleDecl;
import io.github.nsglint.grammar.ast.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    private static final String SPK002 = """
            # management ports reach target VMs from the Bastion subnet only
            rule SPK002 {
              name: "spoke-mgmt-only-from-bastion"
              severity: error
              tags: ["bastion", "exposure"]
              help: \"\"\"
                Bastion is the only way in.
                  Indented lines keep their indent.
                \"\"\"
              for bastion b
              for subnet t in b.targets where t.name != "GatewaySubnet" and not exists t.delegation
              expect t allows inbound * port 22, 3389 only from b.subnet
            }
            """;

    @Test
    void parsesRulesWithPositionsOnEveryNode() {
        RuleDecl rule = RuleParser.parse(SPK002, "spk002.nsgl").rules().get(0);
        assertEquals("SPK002", rule.id());
        assertEquals(new SourcePos(2, 1), rule.pos());
        assertEquals(new MetadataValue.Text(new SourcePos(3, 9), "spoke-mgmt-only-from-bastion"),
                rule.entry("name").orElseThrow().value());
        assertEquals(new MetadataValue.Name(new SourcePos(4, 13), "error"), rule.entry("severity").orElseThrow().value());
        MetadataValue.Items tags = assertInstanceOf(MetadataValue.Items.class, rule.entry("tags").orElseThrow().value());
        assertEquals(2, tags.items().size());
        assertEquals("Bastion is the only way in.\n  Indented lines keep their indent.",
                ((MetadataValue.Text) rule.entry("help").orElseThrow().value()).value());
        assertEquals(3, rule.clauses().size());
        Clause.For targets = assertInstanceOf(Clause.For.class, rule.clauses().get(1));
        assertEquals("subnet", targets.kind());
        assertEquals("t", targets.variable());
        assertEquals(new Expr.Field(new SourcePos(11, 21), new Expr.Name(new SourcePos(11, 19), "b"), "targets"),
                targets.source().orElseThrow());
        Expr.Logical where = assertInstanceOf(Expr.Logical.class, targets.condition().orElseThrow());
        assertEquals(Expr.LogicalOp.AND, where.op());
        assertInstanceOf(Expr.Not.class, where.right());
        Assertion.Flow flow = assertInstanceOf(Assertion.Flow.class,
                ((Clause.Expect) rule.clauses().get(2)).assertion());
        assertEquals(Assertion.Verb.ALLOWS, flow.verb());
        assertEquals(Assertion.Way.INBOUND, flow.way());
        assertEquals("*", flow.protocol());
        assertEquals(List.of(), flow.peers());
        assertEquals(List.of(new PortSpec.Range(new SourcePos(12, 34), 22, 22),
                new PortSpec.Range(new SourcePos(12, 38), 3389, 3389)), flow.ports());
        assertInstanceOf(AddressSpec.Of.class, flow.onlyFrom().get(0));
    }

    @Test
    void parsesEveryAssertionForm() {
        List<Clause> clauses = RuleParser.parse("""
                rule X {
                  for bastion b
                  expect b.subnet allows outbound Tcp to AzureCloud, "10.0.0.0/8", * port 443, 8080-8090, b.ports
                  expect b.subnet denies inbound Udp from Internet port *
                  expect none shadowedRules(b.subnet.nsg)
                  expect prefixLength(b.subnet) <= 26 or b.sku in ["Standard", "Premium"]
                  expect b.name matches "^bas-[a-z]+$"
                  expect exists b.publicIp and b.publicIp.sku == "Standard"
                }""", "x.nsgl").rules().get(0).clauses();
        Assertion.Flow out = (Assertion.Flow) ((Clause.Expect) clauses.get(1)).assertion();
        assertEquals(Assertion.Way.OUTBOUND, out.way());
        assertEquals(3, out.peers().size());
        assertInstanceOf(AddressSpec.Any.class, out.peers().get(2));
        assertInstanceOf(PortSpec.Of.class, out.ports().get(2));
        assertEquals(new PortSpec.Range(new SourcePos(3, 80), 8080, 8090), out.ports().get(1));
        assertInstanceOf(PortSpec.Any.class, ((Assertion.Flow) ((Clause.Expect) clauses.get(2)).assertion())
                .ports().get(0));
        Assertion.None none = assertInstanceOf(Assertion.None.class, ((Clause.Expect) clauses.get(3)).assertion());
        assertInstanceOf(Expr.Call.class, none.items());
        Expr.Logical or = assertInstanceOf(Expr.Logical.class,
                ((Assertion.Property) ((Clause.Expect) clauses.get(4)).assertion()).condition());
        assertEquals(Expr.LogicalOp.OR, or.op());
        assertInstanceOf(Expr.Comparison.class, or.left());
        assertInstanceOf(Expr.In.class, or.right());
        assertInstanceOf(Expr.Matches.class, ((Assertion.Property) ((Clause.Expect) clauses.get(5)).assertion())
                .condition());
    }

    @Test
    void andBindsTighterThanOr() {
        Expr e = ((Assertion.Property) ((Clause.Expect) RuleParser.parse(
                "rule X { expect a or b and c }", "x.nsgl").rules().get(0).clauses().get(0)).assertion()).condition();
        Expr.Logical or = assertInstanceOf(Expr.Logical.class, e);
        assertEquals(Expr.LogicalOp.OR, or.op());
        assertEquals(Expr.LogicalOp.AND, assertInstanceOf(Expr.Logical.class, or.right()).op());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "rule BAS001 { name \"x\" }                              | 1:20 | expected ':' before '\"x\"'",
            "rule { }                                                | 1:6  | expected IDENTIFIER before '{'",
            "rule X { expect b allows inbound Tcp to Internet port 22 } | 1:38 | inbound flows come 'from' their peers, not 'to'",
            "rule X { expect b allows inbound Tcp port 70000 }          | 1:43 | port range 70000 is not within 0-65535 in ascending order",
            "rule X { expect b.name matches \"[a-\" }                   | 1:32 | invalid regular expression (RE2 syntax, no backreferences or lookaround): missing closing ]",
            "rule X { expect b.name matches \"(a)\\\\1\" }                | 1:32 | invalid regular expression (RE2 syntax, no backreferences or lookaround): invalid escape sequence",
            "rule X { expect b.name matches \"(?=x)\" }                 | 1:32 | invalid regular expression (RE2 syntax, no backreferences or lookaround): invalid or unsupported Perl syntax",
    })
    void reportsErrorsAtTheirPosition(String source, String position, String message) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(source.strip(), "r.nsgl"));
        assertEquals(position, e.line() + ":" + e.column(), e.getMessage());
        assertEquals(message, e.getErrorMessage());
        assertEquals("r.nsgl:" + position + ": " + message, e.getMessage());
    }

    @Test
    void namesEveryErrorWithItsLineAndACaret() {
        String source = "rule A {\n  severity error\n}\nrule B {\n  expect x ==\n}\n";
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(source, "two.nsgl"));
        assertEquals(2, e.errors().size(), e.render(source));
        assertEquals(2, e.errors().get(0).line());
        assertEquals(6, e.errors().get(1).line());
        String nl = System.lineSeparator();
        assertEquals("two.nsgl:2:12: expected ':' before 'error'" + nl + "      severity error" + nl
                + " ".repeat(4 + 11) + "^", e.errors().get(0).render(source));
    }
}
