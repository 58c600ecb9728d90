package io.github.nsglint.grammar.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nsglint.grammar.ast.MetadataValue;
import io.github.nsglint.grammar.ast.RuleDecl;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.ast.SourcePos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    @Test
    void parsesMetadataHeaderWithPositions() {
        RuleFile file = RuleParser.parse("""
                # the Bastion control plane
                rule BAS011 {
                  name: "bastion-in-https-gatewaymanager";
                  severity: error
                  since: 1
                }
                """, "bas011.nsgl");
        assertEquals(1, file.rules().size());
        RuleDecl rule = file.rules().get(0);
        assertEquals("BAS011", rule.id());
        assertEquals(new SourcePos(2, 1), rule.pos());
        assertEquals(new MetadataValue.Text(new SourcePos(3, 9), "bastion-in-https-gatewaymanager"),
                rule.entry("name").orElseThrow().value());
        assertEquals(new MetadataValue.Name(new SourcePos(4, 13), "error"), rule.entry("severity").orElseThrow().value());
        assertEquals(new MetadataValue.Number(new SourcePos(5, 10), 1), rule.entry("since").orElseThrow().value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rule BAS001 { name \"x\" }        | 1:20",
            "rule { }                          | 1:6",
            "rule BAS001 { name: \"x\"         | 1:24",
            "rule BAS001 { name: @ }           | 1:21",
    })
    void reportsSyntaxErrorsAtTheirPosition(String source, String position) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse(source.strip(), "r.nsgl"));
        assertEquals(position, e.line() + ":" + e.column(), e.getMessage());
        assertEquals("r.nsgl:" + position + ": " + e.getErrorMessage(), e.getMessage());
    }
}
