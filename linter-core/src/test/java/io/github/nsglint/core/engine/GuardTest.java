package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect ... when COND}: checked only where the condition holds; where it is unknown, a failure cannot be a
 * violation (it is indeterminate), and a pass is still a pass.
 */
class GuardTest {

    @TempDir
    Path dir;

    @Test
    void anExpectationIsCheckedOnlyWhereItsGuardHoldsAndIsIndeterminateWhereItIsUnknown() throws Exception {
        String rules = """
                rule ORG_GUARD {
                  name: "guarded"
                  severity: error
                  since: "1"
                  summary: "s"
                  message: "subnet {s.name} of vnet {v.name}"
                  for vnet v
                  for subnet s in v.subnets
                  expect not exists s.nsg when v.region == "westeurope"
                  expect s allows inbound Tcp from "10.9.0.0/16" port 22 when v.region == "westeurope"
                }
                """;
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "parameters": {"unset": {"type": "string"}},
                 "resources": [
                  {"type": "Microsoft.Network/networkSecurityGroups", "name": "deny", "location": "uksouth",
                   "properties": {"securityRules": [{"name": "DenyAll", "properties": {"priority": 100, "direction": "Inbound",
                     "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                     "destinationAddressPrefix": "*", "destinationPortRange": "*"}}]}},
                  %s
                 ]}""";
        String vnet = "{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"%s\", \"location\": \"%s\","
                + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"%s\"]}, \"subnets\": [{\"name\": \"s\","
                + " \"properties\": {\"addressPrefix\": \"%s\", \"networkSecurityGroup\": {\"id\":"
                + " \"[resourceId('Microsoft.Network/networkSecurityGroups', 'deny')]\"}}}]}}";
        String resources = String.join(",\n",
                vnet.formatted("in-scope", "westeurope", "10.1.0.0/16", "10.1.1.0/24"),
                vnet.formatted("out-of-scope", "uksouth", "10.2.0.0/16", "10.2.1.0/24"),
                vnet.formatted("unknown", "[parameters('unset')]", "10.3.0.0/16", "10.3.1.0/24"));
        Path t = Files.writeString(dir.resolve("t.json"), template.formatted(resources));
        RuleCatalog catalog = RuleCatalog.compile(Map.of("guard.nsgl", rules), "current");
        Report r = Linter.run(LintRequest.of(List.of(t)), catalog);
        List<String> mine = r.findings().stream().filter(f -> f.rule().id().equals("ORG_GUARD"))
                .map(f -> f.kind().name().toLowerCase(Locale.ROOT) + " " + f.resourceId().replaceAll(".*/virtualNetworks/", ""))
                .sorted().toList();
        // Both expectations fail in scope; none is checked out of scope; where the region is unknown, the two
        // failures share one reason and are one indeterminate finding.
        assertEquals(List.of("indeterminate unknown/subnets/s", "violated in-scope/subnets/s",
                "violated in-scope/subnets/s"), mine);
        Finding unknown = r.findings().stream().filter(f -> f.kind() == Finding.Kind.INDETERMINATE
                && f.rule().id().equals("ORG_GUARD")).findFirst().orElseThrow();
        assertEquals(true, unknown.message().contains("whether this expectation applies is not known"),
                unknown.message());
    }
}
