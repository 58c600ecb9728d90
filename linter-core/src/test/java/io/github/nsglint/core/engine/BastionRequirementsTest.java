package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.model.Direction;
import io.github.nsglint.grammar.ast.AddressSpec;
import io.github.nsglint.grammar.ast.Assertion;
import io.github.nsglint.grammar.ast.PortSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flows NSG002 keeps its advice off are exactly those BAS002 requires explicit rules for, in each rule set: the
 * Java list cannot drift from the catalog. (BAS002's alternative for custom ports names no fixed ports.)
 */
class BastionRequirementsTest {

    @ParameterizedTest
    @ValueSource(strings = {"current", "bastion-2020"})
    void theyAreBas002sExplicitFlows(String ruleSet) {
        Policy bas002 = RuleCatalog.load(List.of(), ruleSet).policy("BAS002").orElseThrow();
        List<BastionRequirements.Flow> fromCatalog = new ArrayList<>();
        for (Policy.Check c : bas002.checks()) {
            Assertion.Flow f = (Assertion.Flow) c.assertion();
            if (!f.explicitly() || f.ports().stream().anyMatch(PortSpec.Of.class::isInstance)) {
                continue;
            }
            String peer = PolicyCompiler.tagName(((AddressSpec.Of) f.peers().get(0)).value(), bas002.variables());
            List<Integer> ports = new ArrayList<>();
            for (PortSpec p : f.ports()) {
                ports.add(((PortSpec.Range) p).low());
            }
            fromCatalog.add(new BastionRequirements.Flow(f.way() == Assertion.Way.INBOUND ? Direction.INBOUND
                    : Direction.OUTBOUND, f.protocol(), peer, ports));
        }
        assertEquals(fromCatalog, BastionRequirements.of(ruleSet));
    }
}
