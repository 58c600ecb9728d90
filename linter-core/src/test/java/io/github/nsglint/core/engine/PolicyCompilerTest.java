package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.grammar.parser.RuleError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors in rule files: each with its position and a message that names what is wrong and what is there. */
class PolicyCompilerTest {

    private static final String HEADER = """
            rule USR001 {
              name: "my-rule"
              severity: error
              since: "1.0"
              summary: "test"
              message: "m"
            """;

    private static List<RuleError> errors(String body) {
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> RuleCatalog.compile(Map.of("my.nsgl", HEADER + body + "\n}\n"), "current"));
        return e.errors();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "for subnets s expect true                                | 7:1  | unknown kind 'subnets'; kinds: bastion, subnet, nsg, securityRule, vnet, peering, nic, vm, endpoint, publicIp, diagnosticSetting, flowLog, routeTable, problem, gap",
            "for subnet s expect s.prefx == \"x\"                     | 7:23 | subnet has no field 'prefx'; fields: id, name, prefixes, nsg, delegations, routeTable, vnet, nics",
            "for subnet s expect s.name == 26                         | 7:28 | cannot compare string with int",
            "for subnet s expect prefixLength(s) < \"26\"             | 7:37 | cannot compare int with string",
            "for subnet s expect s.name                               | 7:23 | an expectation must be bool, not string",
            "for subnet s expect nosuch(s)                            | 7:21 | unknown function 'nosuch'; functions: bastionRuleSet, count, duplicatePriorities, egressPorts, egressToInternet, flowLogShortfalls, gaps, invalidRules, linkState, managementPorts, openToInternet, prefixLength, shadowedRules",
            "for subnet s expect t.name == \"x\"                      | 7:21 | unknown name 't'; in scope: s",
            "for subnet S expect true                                 | 7:1  | variable 'S' must start with a lower-case letter (upper case names are service tags)",
            "for bastion b expect b.subnet allows inbound Foo port 22 | 7:46 | unknown protocol 'Foo'; protocols: Tcp, Udp, Icmp, Esp, Ah, *",
            "for bastion b expect b allows inbound Tcp port 22        | 7:22 | a flow expectation is about a subnet, an nsg, a nic or an endpoint (or a list of them), not bastion",
            "for bastion b expect b.subnet allows inbound Tcp from \"10.0.0.300/24\" port 22 | 7:55 | '10.0.0.300/24' is not an IP address or CIDR",
            "for subnet t in s.nics expect true                       | 7:17 | unknown name 's'",
            "expect true for subnet s                                 | 7:13 | 'for' comes before the 'expect' clauses of a rule",
            "for problem p expect true                                | 7:1  | items of kind 'problem' come from a function: write 'for problem p in ...'",
            "for subnet s expect true when s.name                     | 7:33 | a 'when' condition must be bool, not string",
            "for bastion b expect b.subnet allows inbound Tcp port 22 when b.nope | 7:65 | bastion has no field 'nope'; fields: id, name, sku, subnet, vnet, publicIp, targets, endpoints, source, customPorts, domainControllers, tunneling, ipConnect, shareableLink, copyPasteDisabled, fileCopy, kerberos, sessionRecording, privateOnly, scaleUnits, diagnostics, auditLogsToWorkspace, insideVirtualHub",
            "for bastion b expect b.subnet allows inbound Tcp from b port 22 | 7:55 | an address is *, a service tag, a CIDR, a subnet, a vnet or a nic, not bastion",
            "for bastion b expect b.endpoints allows inbound Tcp port b.name | 7:58 | ports are numbers, ranges 'a-b' or lists of them, not string",
            "for vm v expect v.os == 3                                | 7:22 | cannot compare string with int",
    })
    void semanticErrorsNameThePlaceAndTheCause(String body, String position, String message) {
        List<RuleError> errors = errors(body);
        assertEquals(position + " " + message, errors.get(0).line() + ":" + errors.get(0).column() + " "
                + errors.get(0).message(), errors.toString());
    }

    @Test
    void everyErrorOfAFileIsReportedWithItsLineAndCaret() {
        String source = """
                rule ABC001 {
                  name: "Not_Kebab"
                  severity: fatal
                  since: "1"
                  summary: "s"
                  message: "m {b.nope}"
                  colour: "blue"
                  for bastion b
                  expect b.sku == 3
                }
                """;
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> RuleCatalog.compile(Map.of("bad.nsgl", source), "current"));
        List<String> shown = e.errors().stream().map(RuleError::display).toList();
        assertEquals(List.of(
                "bad.nsgl:7:3: unknown metadata key 'colour'; known: example, help, helpUri, message, name, ruleSet, severity,"
                        + " since, summary, tags",
                "bad.nsgl:2:9: name 'Not_Kebab' must be kebab-case (bastion-in-https-internet)",
                "bad.nsgl:3:13: severity must be error, warning or note",
                "bad.nsgl:9:16: cannot compare string with int",
                "bad.nsgl:6:18: bastion has no field 'nope'; fields: id, name, sku, subnet, vnet, publicIp, targets,"
                        + " endpoints, source, customPorts, domainControllers, tunneling, ipConnect, shareableLink, copyPasteDisabled, fileCopy, kerberos, sessionRecording,"
                        + " privateOnly, scaleUnits, diagnostics, auditLogsToWorkspace, insideVirtualHub"), shown);
        String nl = System.lineSeparator();
        assertTrue(e.render().contains("bad.nsgl:3:13: severity must be error, warning or note" + nl
                + "      severity: fatal" + nl + "    " + " ".repeat(12) + "^"), e.render());
    }

    @Test
    void helpUriIsAWebAddressOnly() {
        for (String bad : new String[] {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//e.example/x",
                "https:relative"}) {
            String source = HEADER.replace("  summary:", "  helpUri: \"" + bad + "\"\n  summary:") + "  expect true\n}\n";
            RuleLoadException e = assertThrows(RuleLoadException.class,
                    () -> RuleCatalog.compile(Map.of("h.nsgl", source), "current"), bad);
            assertTrue(e.errors().get(0).display().endsWith("helpUri must be an https: or http: address, not '" + bad
                    + "'"), e.errors().get(0).display());
        }
        String good = HEADER.replace("  summary:", "  helpUri: \"https://wiki.example/ssh\"\n  summary:")
                + "  expect true\n}\n";
        assertEquals("https://wiki.example/ssh", RuleCatalog.compile(Map.of("h.nsgl", good), "current").policies()
                .stream().filter(p -> p.metadata().id().equals("USR001")).findFirst().orElseThrow().metadata()
                .helpUri().toString());
    }

    @Test
    void aRuleIdIsDeclaredOncePerRuleSet() {
        String rule = HEADER + "  expect true\n}\n";
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> RuleCatalog.compile(Map.of("a.nsgl", rule + rule), "current"));
        assertEquals("a.nsgl:9:1: rule USR001 is already declared at a.nsgl:1", e.errors().get(0).display());
    }

    @Test
    void userRulesCompileBesideTheCatalog() {
        RuleCatalog c = RuleCatalog.compile(Map.of("mine.nsgl", HEADER + """
                  for subnet s where s.name matches "^app-"
                  expect s allows inbound Tcp from some Internet port 443
                    else "app subnet {s.name} takes no HTTPS from the Internet"
                }
                """), "current");
        assertEquals(List.of("USR001"), c.rules().stream().map(r -> r.id()).toList());
    }
}
