package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path SCENARIOS = ROOT.resolve("fixtures/scenarios");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aRightDeploymentExitsZero() {
        CliRun r = run("lint", SCENARIOS.resolve("cross-region-hub-spoke/right").toString());
        assertEquals(ExitCode.OK.code(), r.code(), r.out() + r.err());
        assertTrue(r.out().contains("nsglint: 0 findings (0 errors, 0 warnings; 0 indeterminate) in 1 file, 36 rules"),
                r.out());
    }

    @Test
    void findingsExitOneWithLocationWitnessAndDecidingRule() {
        CliRun r = run("lint", SCENARIOS.resolve("cross-region-hub-spoke/mistake").toString());
        assertEquals(ExitCode.FINDINGS.code(), r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches(".*cross-region-hub-spoke/mistake/azuredeploy.json:\\d+:\\d+: error SPK002 subnet"
                + " workload takes SSH or RDP from outside Bastion UKS-BAS-HUB01: .*"), lines[0]);
        assertEquals("    witness: Tcp 10.2.0.4:49152 \u2192 10.3.1.4:22", lines[1]);
        assertTrue(lines[2].startsWith("    deciding: rule AllowSshFromBastion (priority 100) of NSG"
                + " EUS-NSG-SPOKE01-WORKLOAD at "), lines[2]);
        assertEquals("nsglint: 1 finding (1 error, 0 warnings; 0 indeterminate) in 1 file, 36 rules", lines[3]);
    }

    @Test
    void failOnDecidesTheExitCode(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, Files.readString(ROOT.resolve("fixtures/BAS032/fail-on.json")));
        assertEquals(ExitCode.OK.code(), run("lint", "--fail-on", "error", t.toString()).code());
        assertEquals(ExitCode.FINDINGS.code(), run("lint", "--fail-on", "warning", t.toString()).code());
        assertEquals(ExitCode.OK.code(), run("lint", "--fail-on", "never", t.toString()).code());
        CliRun bad = run("lint", "--fail-on", "sometimes", t.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), bad.code());
        assertTrue(bad.err().contains("--fail-on must be error, warning, note or never"), bad.err());
    }

    @Test
    void aMalformedFileExitsTwoAndTheOthersAreStillLinted(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"resources\": [");
        CliRun r = run("lint", bad.toString(), SCENARIOS.resolve("virtual-wan/mistake").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.out().contains("bad.json:1:16: error: Unexpected end-of-input"), r.out());
        assertTrue(r.out().contains("error BAS034"), r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBadRuleFileExitsTwoNamingEveryErrorWithACaret(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("mine.nsgl");
        Files.writeString(rules, """
                rule ORG001 {
                  name: "org-no-ssh"
                  severity: error
                  since: "1"
                  summary: "no SSH"
                  message: "m"
                  for nsg n
                  expect n denies inbound Tcp from Internet port 22
                  expect n.nme == "x"
                  expect count(n.rules) < "3"
                }
                """);
        CliRun r = run("lint", "--rules", rules.toString(),
                SCENARIOS.resolve("cross-region-hub-spoke/mistake").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().contains("mine.nsgl:9:12: nsg has no field 'nme'; fields: id, name, rules, subnets, nics"),
                r.err());
        assertTrue(r.err().contains("mine.nsgl:10:25: cannot compare int with string"), r.err());
        assertTrue(r.err().contains("      expect n.nme == \"x\"" + System.lineSeparator() + "    "
                + " ".repeat(11) + "^"), r.err());
        assertTrue(r.err().contains("2 errors in rule files; linted without the files that have errors"), r.err());
        assertTrue(r.out().contains(": error SPK002 "), "the built-in catalog still ran: " + r.out());
    }

    @Test
    void userRulesRunBesideTheCatalog(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("mine.nsgl");
        Files.writeString(rules, """
                rule ORG001 {
                  name: "org-standard-bastion"
                  severity: warning
                  since: "1"
                  summary: "Bastions are Standard in this organisation"
                  message: "Bastion {b.name} is {b.sku}; the organisation standard is Standard"
                  for bastion b
                  expect b.sku == "Standard"
                }
                """);
        CliRun r = run("lint", "--rules", rules.toString(), "--fail-on", "warning",
                SCENARIOS.resolve("standalone-per-spoke/right").toString());
        assertEquals(ExitCode.FINDINGS.code(), r.code());
        assertTrue(r.out().contains("warning ORG001 Bastion finance-bastion is Basic; the organisation standard is"
                + " Standard"), r.out());
        assertTrue(r.out().contains("37 rules"), r.out());
    }

    @Test
    void theBastion2020RuleSetIsChosenDeliberately() {
        CliRun current = run("rules");
        CliRun old = run("rules", "--bastion-rules", "bastion-2020");
        assertTrue(current.out().contains("BAS012"), current.out());
        assertFalse(old.out().contains("BAS012"), old.out());
        assertEquals(36, current.out().split("\\R").length);
        assertEquals(ExitCode.BAD_INPUT.code(), run("lint", "--bastion-rules", "2019",
                SCENARIOS.resolve("virtual-wan/right").toString()).code());
    }

    @Test
    void rulesListsTheCatalogAndExplainShowsHelpAndSource() {
        CliRun rules = run("rules");
        assertEquals(ExitCode.OK.code(), rules.code());
        assertTrue(rules.out().contains("SPK002  spoke-mgmt-only-from-bastion       error    SSH, RDP and custom"
                + " management ports on target subnets come from the Bastion only"), rules.out());
        CliRun explain = run("explain", "SPK002");
        assertEquals(ExitCode.OK.code(), explain.code(), explain.err());
        assertTrue(explain.out().startsWith("SPK002 spoke-mgmt-only-from-bastion (error)"), explain.out());
        assertTrue(explain.out().contains("AllowVNetInBound (65000)"), explain.out());
        assertTrue(explain.out().contains("Source: rules/spoke/spoke.nsgl:"), explain.out());
        assertTrue(explain.out().contains("    expect t allows inbound * port managementPorts(b, t) only from b.source,"
                + " AzureLoadBalancer"), explain.out());
        assertEquals(ExitCode.BAD_INPUT.code(), run("explain", "XYZ999").code());
    }

    @Test
    void theNewRulesAreListedAndExplainedWithAnExample() {
        CliRun rules = run("rules");
        for (String id : List.of("NSG008", "NSG009", "NSG010", "NSG011", "NSG012", "NSG013", "NSG014", "NSG015",
                "NSG016")) {
            assertTrue(rules.out().contains(id + "  "), id + " listed: " + rules.out());
            CliRun explain = run("explain", id);
            assertEquals(ExitCode.OK.code(), explain.code(), explain.err());
            String out = explain.out();
            int example = out.indexOf("\nExample:\n  Fails: ");
            assertTrue(example > 0, id + ": " + out);
            assertTrue(out.indexOf("  Passes: ", example) > example, id + ": " + out);
            assertTrue(out.indexOf("Source: rules/nsg/") > example, "the example comes before the source: " + out);
        }
        assertTrue(run("explain", "NSG013").out().contains("\"nextHopType\": \"VirtualAppliance\""));
    }
}
