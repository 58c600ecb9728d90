package io.github.nsglint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import io.github.nsglint.core.testing.HangGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

    @TempDir
    Path dir;

    private ConfigurationLoader.Result load(String yaml) throws Exception {
        Path file = dir.resolve(".nsglint.yaml");
        Files.writeString(file, yaml);
        return ConfigurationLoader.load(file);
    }

    private static List<String> messages(ConfigurationLoader.Result r) {
        return r.errors().stream().map(LoadDiagnostic::display).toList();
    }

    @Test
    void everyKeyIsReadAndPathsAreRelativeToTheFile() throws Exception {
        ConfigurationLoader.Result r = load("""
                failOn: warning
                rules:
                  - policies/
                  - extra.nsgl
                severity:
                  NSG003: off
                  spk002: note
                suppressions:
                  - rule: NSG001
                    resource: "*/networkSecurityGroups/nsg-jump*"
                    justification: "office range only, reviewed in SEC-142"
                    expires: 2027-03-31
                  - rule: BAS001
                    resource: hub/AzureBastionSubnet
                    justification: legacy
                serviceTags: tags/ServiceTags_Public_20261116.json
                targets: all-subnets
                bastionRuleSet: bastion-2020
                baseline: nsglint.sarif
                """);
        assertEquals(List.of(), messages(r));
        Configuration c = r.configuration();
        assertEquals("warning", c.failOn());
        assertEquals(List.of(dir.resolve("policies"), dir.resolve("extra.nsgl")), c.rules());
        assertEquals(2, c.severity().size());
        assertTrue(c.severity().get(0).off());
        assertEquals("NSG003", c.severity().get(0).ruleId());
        assertEquals(Severity.NOTE, c.severity().get(1).severity());
        assertEquals(6, c.severity().get(0).location().line());
        ConfiguredSuppression s = c.suppressions().get(0);
        assertEquals("NSG001", s.rule());
        assertEquals(LocalDate.of(2027, 3, 31), s.expires());
        assertEquals(9, s.location().line());
        assertNull(c.suppressions().get(1).expires());
        assertEquals(dir.resolve("tags/ServiceTags_Public_20261116.json"), c.serviceTags());
        assertEquals(TargetMode.ALL_SUBNETS, c.targets());
        assertEquals("bastion-2020", c.bastionRuleSet());
        assertEquals(dir.resolve("nsglint.sarif"), c.baseline());
    }

    @Test
    void aTypoedKeyIsAnErrorAtItsLineAndColumnWithASuggestion() throws Exception {
        ConfigurationLoader.Result r = load("""
                failOn: error
                supressions:
                  - rule: NSG001
                """);
        assertEquals(List.of(".nsglint.yaml:2:1: error: unknown key 'supressions' (did you mean 'suppressions'?);"
                + " known keys: [appliances, baseline, bastion, bastionRuleSet, exemptSubnets, failOn, internet, rules,"
                + " serviceTags, severity, suppressions, targets]"), messages(r).stream().map(m -> m.substring(m.indexOf(".nsglint.yaml"))).toList());
        assertEquals("error", r.configuration().failOn(), "the valid keys still apply");
    }

    @Test
    void exemptSubnetsAreNsg006SuppressionsWithTheirJustification() throws Exception {
        ConfigurationLoader.Result r = load("""
                exemptSubnets:
                  - subnet: "snet-nva-*"
                    justification: "NVA subnets: the firewall filters their traffic"
                  - subnet: legacy
                """);
        assertEquals(List.of(".nsglint.yaml:4:5: error: an exempt subnet needs 'justification'"),
                messages(r).stream().map(m -> m.substring(m.indexOf(".nsglint.yaml"))).toList());
        assertEquals(1, r.configuration().suppressions().size());
        ConfiguredSuppression s = r.configuration().suppressions().get(0);
        assertEquals("NSG006", s.rule());
        assertEquals("NVA subnets: the firewall filters their traffic", s.justification());
        assertTrue(s.covers("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/virtualNetworks/hub/subnets/snet-nva-01"));
    }

    @Test
    void appliancesAreNsg013SuppressionsWithTheirJustification() throws Exception {
        ConfigurationLoader.Result r = load("""
                appliances:
                  - nic: "fw-*-nic"
                    justification: "the hub's firewall pair; routes reach it through the internal load balancer"
                    expires: 2027-06-30
                  - subnet: "nva"
                    justification: "wrong key"
                """);
        assertEquals(List.of(".nsglint.yaml:5:5: error: unknown key 'subnet' in an appliance; known keys: [expires,"
                + " justification, nic]", ".nsglint.yaml:5:5: error: an appliance needs 'nic'"),
                messages(r).stream().map(m -> m.substring(m.indexOf(".nsglint.yaml"))).toList());
        assertEquals(1, r.configuration().suppressions().size());
        ConfiguredSuppression s = r.configuration().suppressions().get(0);
        assertEquals("NSG013", s.rule());
        assertTrue(s.covers("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/networkInterfaces/fw-01-nic"));
        assertTrue(!s.covers("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/networkInterfaces/web-01-nic"));
    }

    @Test
    void theInternetWidthIsReadAsPrefixLengthsAndCheckedPerFamily() throws Exception {
        ConfigurationLoader.Result r = load("""
                internet:
                  ipv4: /12
                """);
        assertEquals(List.of(), messages(r));
        assertEquals(new io.github.nsglint.core.flow.InternetWidth(12, 32), r.configuration().internet(),
                "IPv6 keeps its default");
        ConfigurationLoader.Result bad = load("""
                internet:
                  ipv4: /40
                  ipv6: 48
                """);
        assertEquals(List.of(".nsglint.yaml:2:9: error: 'internet.ipv4' is a prefix length /0 to /32, not '/40'"),
                messages(bad).stream().map(m -> m.substring(m.indexOf(".nsglint.yaml"))).toList());
        assertEquals(new io.github.nsglint.core.flow.InternetWidth(16, 48), bad.configuration().internet(),
                "the valid part still applies");
        assertNull(load("failOn: error\n").configuration().internet(), "unset: the default applies");
    }

    @Test
    void wrongTypesAndValuesAreErrorsWithPositions() throws Exception {
        ConfigurationLoader.Result r = load("""
                failOn: sometimes
                severity: [NSG001]
                targets:
                  - all-subnets
                suppressions:
                  - rule: NSG001
                    resource: nsg
                    justification: "  "
                  - rule: NSG002
                    resource: nsg
                    justification: ok
                    expires: next week
                  - rule: NSG003
                    resource: nsg
                    justification: for ever
                    expires: "+99999-12-31"
                  - rule: NSG002
                    justification: ok
                    reason: typo
                failOn: note
                """);
        List<String> m = messages(r).stream().map(x -> x.substring(x.indexOf(".nsglint.yaml"))).toList();
        assertEquals(List.of(
                ".nsglint.yaml:1:9: error: failOn must be one of error, warning, note, never, not 'sometimes'",
                ".nsglint.yaml:2:11: error: 'severity' must map rule IDs to off, error, warning or note, e.g."
                        + " 'NSG003: off'",
                ".nsglint.yaml:4:3: error: 'targets' must be a single value",
                ".nsglint.yaml:8:20: error: a suppression needs a justification: say why the finding is accepted",
                ".nsglint.yaml:12:14: error: 'expires' must be a date YYYY-MM-DD such as 2027-03-31, not 'next week'",
                ".nsglint.yaml:16:14: error: 'expires' must be a date YYYY-MM-DD such as 2027-03-31, not"
                        + " '+99999-12-31'",
                ".nsglint.yaml:17:5: error: a suppression needs 'resource'",
                ".nsglint.yaml:19:5: error: unknown key 'reason' in a suppression; known keys: [expires,"
                        + " justification, resource, rule]",
                ".nsglint.yaml:20:1: error: duplicate key 'failOn' (first at line 1)"), m);
        assertEquals(List.of(), r.configuration().suppressions(), "no half-valid suppression applies");
    }

    @Test
    @HangGuard
    void aBillionLaughsAliasBombIsRejected() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 8; i++) {
                yaml.append(",*").append(p);
            }
            yaml.append("]\n");
        }
        yaml.append("failOn: *j\n");
        ConfigurationLoader.Result r = load(yaml.toString());
        assertEquals(1, r.errors().size(), messages(r).toString());
        String m = messages(r).get(0);
        assertTrue(m.endsWith(".nsglint.yaml:4:14: error: invalid YAML: more than 20 aliases (an alias bomb?)"), m);
    }

    @Test
    void deepNestingAndHugeFilesAreRejected() throws Exception {
        ConfigurationLoader.Result deep = load("rules: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertEquals(1, deep.errors().size(), messages(deep).toString());
        assertTrue(messages(deep).get(0).contains("invalid YAML: Nesting Depth exceeded max 20"), messages(deep).get(0));
        ConfigurationLoader.Result big = load("# " + "x".repeat((int) ConfigurationLoader.MAX_BYTES) + "\n");
        assertTrue(messages(big).get(0).endsWith(":1:1: error: file is 1,048,579 bytes; nsglint reads files up to 1 MiB"),
                messages(big).get(0));
    }

    @Test
    void binaryAndNonYamlFilesAreErrorsNotCrashes() throws Exception {
        Path file = dir.resolve(".nsglint.yaml");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, 'x'});
        ConfigurationLoader.Result binary = ConfigurationLoader.load(file);
        assertEquals(1, binary.errors().size());
        assertTrue(messages(binary).get(0).endsWith(":1:1: error: not a UTF-8 text file"), messages(binary).get(0));
        ConfigurationLoader.Result list = load("- failOn: error\n");
        assertTrue(messages(list).get(0).endsWith(":1:1: error: the configuration must be a mapping of keys (failOn,"
                + " severity, rules, ...)"), messages(list).get(0));
        ConfigurationLoader.Result missing = ConfigurationLoader.load(dir.resolve("nope.yaml"));
        assertTrue(messages(missing).get(0).endsWith("nope.yaml:1:1: error: no such configuration file"));
        ConfigurationLoader.Result empty = load("");
        assertEquals(List.of(), empty.errors(), "an empty file is an empty configuration");
    }

    @Test
    void theFileIsFoundInTheFolderOfTheFirstPathOrAParent() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("infra/network"));
        Path template = Files.writeString(nested.resolve("main.json"), "{}");
        assertFalse(ConfigurationLoader.find(template).filter(p -> p.startsWith(dir)).isPresent());
        Path top = Files.writeString(dir.resolve(".nsglint.yaml"), "failOn: note\n");
        assertEquals(top, ConfigurationLoader.find(template).orElseThrow());
        Path closer = Files.writeString(dir.resolve("infra/.nsglint.yaml"), "failOn: note\n");
        assertEquals(closer, ConfigurationLoader.find(template).orElseThrow());
        assertEquals(closer, ConfigurationLoader.find(nested).orElseThrow());
    }

    @Test
    void theBastionRuleSetsAreTheCatalogs() {
        assertEquals(RuleCatalog.BASTION_RULE_SETS, ConfigurationLoader.BASTION_RULE_SETS);
    }

    @Test
    void resourcePatternsMatchIdNameAndLastSegment() {
        String id = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet";
        ConfiguredSuppression byName = new ConfiguredSuppression("BAS001", "hub/azurebastionsubnet", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN);
        ConfiguredSuppression byLast = new ConfiguredSuppression("BAS001", "AzureBastion*", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN);
        ConfiguredSuppression byId = new ConfiguredSuppression("BAS001", "*/virtualNetworks/hub/*", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN);
        ConfiguredSuppression other = new ConfiguredSuppression("BAS001", "spoke/*", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN);
        assertTrue(byName.covers(id));
        assertTrue(byLast.covers(id));
        assertTrue(byId.covers(id));
        assertFalse(other.covers(id));
        assertTrue(new ConfiguredSuppression("BAS001", "hub", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN).covers(id), "a VNet covers its subnets");
        assertFalse(new ConfiguredSuppression("BAS001", "hu", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN).covers(id), "no implicit prefix match");
        assertFalse(new ConfiguredSuppression("BAS001", "providers", "j", null,
                io.github.nsglint.core.model.SourceLocation.BUILT_IN).covers(id));
        assertEquals(null, io.github.nsglint.core.model.NamePattern.parent("/subscriptions/s/resourceGroups/g/providers/"
                + "Microsoft.Network/networkSecurityGroups/nsg"));
    }

    @Test
    void theDocumentedExampleIsValid() {
        Path root = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
        ConfigurationLoader.Result r = ConfigurationLoader.load(root.resolve("docs/nsglint.example.yaml"));
        assertEquals(List.of(), messages(r));
        Configuration c = r.configuration();
        assertEquals("warning", c.failOn());
        assertEquals(2, c.severity().size());
        assertEquals(3, c.suppressions().size(), "one suppression, one exempt subnet, one appliance");
        assertEquals("NSG006", c.suppressions().get(1).rule());
        assertEquals("NSG013", c.suppressions().get(2).rule());
        assertEquals(new io.github.nsglint.core.flow.InternetWidth(16, 32), c.internet());
        assertEquals(root.resolve("docs/policies"), c.rules().get(0));
        assertEquals(TargetMode.SUBNETS_WITH_NICS, c.targets());
        assertEquals("current", c.bastionRuleSet());
        assertEquals(List.of(2222), c.bastionPorts().get(0).ports());
    }

    @Test
    void bastionPortsAreForEveryTargetOrThoseAPatternNames() throws Exception {
        ConfigurationLoader.Result r = load("""
                bastion:
                  ports:
                    - 2222
                    - port: [3390, 3391]
                      target: "vm-win-*"
                """);
        assertEquals(List.of(), messages(r));
        var ports = r.configuration().bastionPorts();
        assertEquals(2, ports.size());
        assertEquals(null, ports.get(0).targetOrNull());
        assertEquals(List.of(2222), ports.get(0).ports());
        assertEquals("vm-win-*", ports.get(1).targetOrNull().pattern());
        assertEquals(List.of(3390, 3391), ports.get(1).ports());
        assertEquals(".nsglint.yaml:4:7", ports.get(1).location().display().substring(
                ports.get(1).location().display().indexOf(".nsglint.yaml")));
    }

    @Test
    void aBadBastionPortIsAnErrorAtItsPlaceAndDeclaresNothing() throws Exception {
        ConfigurationLoader.Result r = load("""
                bastion:
                  ports:
                    - 0
                    - port: 70000
                    - port: ssh
                    - target: "vm-*"
                    - port: 2222
                      target: ""
                    - port: 22
                      taget: "x"
                  port: 3
                """);
        assertEquals(List.of(), r.configuration().bastionPorts());
        assertEquals(List.of(
                ".nsglint.yaml:3:7: error: a port is a number from 1 to 65535, not '0'",
                ".nsglint.yaml:4:13: error: a port is a number from 1 to 65535, not '70000'",
                ".nsglint.yaml:5:13: error: a port is a number from 1 to 65535, not 'ssh'",
                ".nsglint.yaml:6:7: error: an entry of 'bastion.ports' needs 'port'",
                ".nsglint.yaml:8:15: error: 'target' must not be empty: leave it out to mean every target",
                ".nsglint.yaml:10:7: error: unknown key 'taget' in an entry of 'bastion.ports' (did you mean 'target'?);"
                        + " known keys: [port, target]",
                ".nsglint.yaml:11:3: error: unknown key 'port' in 'bastion' (did you mean 'ports'?); known keys: [ports]"),
                messages(r).stream().map(m -> m.substring(m.indexOf(".nsglint.yaml"))).toList());
    }
}
