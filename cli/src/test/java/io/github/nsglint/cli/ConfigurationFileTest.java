package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .nsglint.yaml} through the command line: found beside the inputs, applied, and its errors exit 2. */
class ConfigurationFileTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path MISTAKE = ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");

    @TempDir
    Path dir;

    /** The mistake scenario (one SPK002 error) copied into a project folder. */
    private Path project() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        return Files.copy(MISTAKE, infra.resolve("azuredeploy.json"));
    }

    @Test
    void theNearestConfigurationIsFoundAndItsSuppressionAppliesWithItsJustification() throws Exception {
        Path template = project();
        Files.writeString(dir.resolve(".nsglint.yaml"), """
                suppressions:
                  - rule: SPK002
                    resource: "*/subnets/workload"
                    justification: "spoke-to-spoke SSH accepted until the migration, NET-42"
                    expires: 2999-12-31
                """);
        CliRun r = CliRun.of("lint", template.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.out() + r.err());
        assertTrue(r.out().contains("error SPK002"), "a suppressed finding is still reported: " + r.out());
        assertTrue(r.out().contains("    suppressed: spoke-to-spoke SSH accepted until the migration, NET-42 (until"
                + " 2999-12-31)"), r.out());
        CliRun sarif = CliRun.of("lint", "-f", "sarif", template.toString());
        assertTrue(sarif.out().contains("\"kind\" : \"external\""), sarif.out());
        assertTrue(sarif.out().contains("\"justification\" : \"spoke-to-spoke SSH accepted until the migration,"
                + " NET-42\""), sarif.out());
    }

    @Test
    void aDeclaredApplianceForwardsWithoutAWarningThatIsLost() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Path template = Files.copy(ROOT.resolve("fixtures/NSG013/fail-web-vm-forwards.json"),
                infra.resolve("azuredeploy.json"));
        CliRun before = CliRun.of("lint", "--fail-on", "warning", template.toString());
        assertEquals(ExitCode.FINDINGS.code(), before.code(), before.out() + before.err());
        assertTrue(before.out().contains("warning NSG013 NIC web-01-nic forwards IP traffic"), before.out());
        Files.writeString(dir.resolve(".nsglint.yaml"), """
                severity:
                  NSG012: off
                appliances:
                  - nic: "web-*-nic"
                    justification: "packet inspection sensor; traffic reaches it through the gateway load balancer"
                """);
        CliRun r = CliRun.of("lint", "--fail-on", "warning", template.toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.out() + r.err());
        assertTrue(r.out().contains("warning NSG013 NIC web-01-nic"), "still reported, as accepted: " + r.out());
        assertTrue(r.out().contains("    suppressed: packet inspection sensor; traffic reaches it through the gateway"
                + " load balancer"), r.out());
    }

    @Test
    void anExpiredSuppressionStopsSuppressingAndSaysSo() throws Exception {
        Path template = project();
        Files.writeString(dir.resolve(".nsglint.yaml"), """
                suppressions:
                  - rule: SPK002
                    resource: workload
                    justification: temporary
                    expires: 2020-01-31
                """);
        CliRun r = CliRun.of("lint", template.toString());
        assertEquals(ExitCode.FINDINGS.code(), r.code(), r.out() + r.err());
        assertTrue(r.err().contains(".nsglint.yaml:2:5: warning: suppression of SPK002 for 'workload' expired on"
                + " 2020-01-31; its findings count again"), r.err());
    }

    @Test
    void failOnSeverityAndCommandLineOverride() throws Exception {
        Path template = project();
        Files.writeString(dir.resolve(".nsglint.yaml"), "failOn: never\nseverity:\n  SPK002: warning\n");
        CliRun quiet = CliRun.of("lint", template.toString());
        assertEquals(ExitCode.OK.code(), quiet.code(), quiet.out() + quiet.err());
        assertTrue(quiet.out().contains(": warning SPK002 "), quiet.out());
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "--fail-on", "warning", template.toString()).code(),
                "the command line wins over the file");
        Path other = Files.writeString(dir.resolve("strict.yaml"), "failOn: note\n");
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "--config", other.toString(), template.toString())
                .code(), "--config replaces the discovered file");
    }

    @Test
    void aTypoInTheConfigurationExitsTwoAndTheFindingsAreStillReported() throws Exception {
        Path template = project();
        Files.writeString(dir.resolve(".nsglint.yaml"), "failOn: error\nsevertiy:\n  SPK002: off\n");
        CliRun r = CliRun.of("lint", "-f", "sarif", "-o", dir.resolve("out.sarif").toString(), template.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().contains(".nsglint.yaml:2:1: error: unknown key 'severtiy' (did you mean 'severity'?)"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        String sarif = Files.readString(dir.resolve("out.sarif"));
        assertTrue(sarif.contains("\"ruleId\" : \"SPK002\""), "the typo turned nothing off: " + sarif);
    }

    @Test
    void aYamlBombInTheConfigurationIsBadInputNotAnOutage() throws Exception {
        Path template = project();
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            yaml.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        Files.writeString(dir.resolve(".nsglint.yaml"), yaml);
        CliRun r = CliRun.of("lint", template.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.out().contains(".nsglint.yaml:8:16: error: invalid YAML: more than 20 aliases (an alias bomb?)"),
                r.out());
        assertTrue(r.out().contains("error SPK002"), "the templates are still linted: " + r.out());
    }

    @Test
    void configuredRulesTargetsAndTheBastionRuleSetApply() throws Exception {
        Path template = project();
        Path rules = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(rules.resolve("org.nsgl"), """
                rule ORG001 {
                  name: "org-nsg-count"
                  severity: note
                  since: "1"
                  summary: "every NSG is reported"
                  message: "NSG {n.name}"
                  for nsg n
                  expect n.name == "never"
                }
                """);
        Files.writeString(dir.resolve(".nsglint.yaml"), "rules: [policies]\nbastionRuleSet: bastion-2020\n"
                + "targets: all-subnets\n");
        CliRun r = CliRun.of("lint", "-f", "json", template.toString());
        assertEquals(ExitCode.FINDINGS.code(), r.code(), r.err());
        assertTrue(r.out().contains("\"ruleId\" : \"ORG001\""), r.out());
        assertTrue(r.out().contains("+bastion-2020."), "catalog version names the rule set: " + r.out());
    }

    @Test
    void customBastionPortsOfTheConfigurationDecideWhatTheVmsNeed() throws Exception {
        Path scenario = ROOT.resolve("fixtures/scenarios/custom-ssh-port");
        CliRun right = CliRun.of("lint", scenario.resolve("right/azuredeploy.json").toString());
        assertEquals(ExitCode.OK.code(), right.code(), right.out() + right.err());
        CliRun mistake = CliRun.of("lint", scenario.resolve("mistake/azuredeploy.json").toString());
        assertEquals(ExitCode.FINDINGS.code(), mistake.code(), mistake.out() + mistake.err());
        assertTrue(mistake.out().contains("error SPK001 VM vm-linux-web (NIC vm-linux-web-nic) in subnet workload"
                + " cannot be reached from Bastion bastion: Tcp 10.0.1.4:49152 → 10.1.1.4:2222"), mistake.out());
        // Without the configuration the Bastion connects on 22 or 3389, which the right version neither lets in nor
        // explicitly out.
        Path copy = Files.createDirectories(dir.resolve("no-config"));
        Files.copy(scenario.resolve("right/azuredeploy.json"), copy.resolve("azuredeploy.json"));
        CliRun plain = CliRun.of("lint", copy.resolve("azuredeploy.json").toString());
        assertEquals(ExitCode.FINDINGS.code(), plain.code(), plain.out());
        assertTrue(plain.out().contains("error BAS002 the NSG on AzureBastionSubnet of bastion has no explicit allow"
                + " rule for Tcp 10.0.1.4:49152 → 10.0.0.4:22"), plain.out());
        assertTrue(plain.out().contains("error SPK001 VM vm-linux-web"), plain.out());
    }
}
