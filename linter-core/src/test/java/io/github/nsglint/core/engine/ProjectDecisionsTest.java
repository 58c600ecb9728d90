package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.config.ConfiguredSuppression;
import io.github.nsglint.core.config.RuleSetting;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.report.Suppression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's decisions about the catalog: per-rule settings, configured and inline suppressions. */
class ProjectDecisionsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final SourceLocation AT = SourceLocation.caret(".nsglint.yaml", 7, 5);
    private static RuleCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        catalog = RuleCatalog.load(List.of(), "current");
    }

    /** One NSG that lets SSH in from the Internet (NSG001), with the given resource metadata. */
    private Path template(String metadata) throws Exception {
        return Files.writeString(dir.resolve("jump.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    {
                      "type": "Microsoft.Network/networkSecurityGroups",
                      "apiVersion": "2023-09-01",
                      "name": "nsg-jump",
                      "location": "uksouth",
                      %s
                      "properties": {
                        "securityRules": [
                          {
                            "name": "AllowSshFromInternet",
                            "properties": {
                              "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                              "sourceAddressPrefix": "Internet", "sourcePortRange": "*",
                              "destinationAddressPrefix": "*", "destinationPortRange": "22"
                            }
                          }
                        ]
                      }
                    }
                  ]
                }
                """.formatted(metadata));
    }

    private Report lint(Path file, List<RuleSetting> settings, List<ConfiguredSuppression> suppressions) {
        return Linter.run(LintRequest.of(List.of(file)).withProjectDecisions(settings, suppressions), catalog, TODAY);
    }

    private static Finding nsg001(Report r) {
        return r.findings().stream().filter(f -> f.rule().id().equals("NSG001")).findFirst().orElseThrow();
    }

    private static List<String> diagnostics(Report r, LoadDiagnostic.Level level) {
        return r.diagnostics().stream().filter(d -> d.level() == level).map(LoadDiagnostic::display).toList();
    }

    @Test
    void withoutDecisionsNsg001FailsTheGate() throws Exception {
        Report r = lint(template(""), List.of(), List.of());
        assertFalse(nsg001(r).isSuppressed());
        assertTrue(r.countFailing(Severity.ERROR) > 0);
    }

    @Test
    void anInlineSuppressionWithJustificationMarksTheFindingWhichStaysInTheReport() throws Exception {
        Report r = lint(template("""
                "metadata": {"nsglint": {"suppress": [
                  {"rule": "NSG001", "justification": "jump box behind the office firewall, SEC-142"}]}},
                """), List.of(), List.of());
        Finding f = nsg001(r);
        assertTrue(f.isSuppressed());
        assertEquals(Suppression.Kind.INLINE, f.suppression().kind());
        assertEquals("jump box behind the office firewall, SEC-142", f.suppression().justification());
        assertTrue(f.suppression().source().endsWith("jump.json:11:3"), f.suppression().source());
        assertEquals(0, r.findings().stream().filter(x -> x.rule().id().equals("NSG001")).filter(x -> x.failsAt(
                Severity.NOTE)).count());
    }

    @Test
    void anInlineSuppressionWithoutJustificationDoesNotSuppressAndWarns() throws Exception {
        Report r = lint(template("""
                "metadata": {"nsglint": {"suppress": [{"rule": "NSG001"}, {"rule": "NSG999", "justification": "x"},
                  {"justification": "no rule"}]}},
                """), List.of(), List.of());
        assertFalse(nsg001(r).isSuppressed());
        List<String> warnings = diagnostics(r, LoadDiagnostic.Level.WARNING);
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("jump.json:10:45: warning: suppression of NSG001 has no"
                + " justification, so it does not suppress: add \"justification\": \"why the finding is accepted\"")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("suppression of NSG999 names rule NSG999, which the"
                + " catalog does not have")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("jump.json:11:3: warning: a suppression needs")),
                warnings.toString());
    }

    @Test
    void aConfiguredSuppressionCoversMatchingResourcesUntilItExpires() throws Exception {
        Path file = template("");
        ConfiguredSuppression active = new ConfiguredSuppression("nsg001", "nsg-jump", "reviewed", LocalDate.of(2026,
                11, 21), AT);
        Finding f = nsg001(lint(file, List.of(), List.of(active)));
        assertEquals(Suppression.Kind.CONFIGURATION, f.suppression().kind());
        assertEquals(".nsglint.yaml:7:5", f.suppression().source());
        assertEquals(LocalDate.of(2026, 11, 21), f.suppression().expires(), "holds through its last day");

        ConfiguredSuppression expired = new ConfiguredSuppression("NSG001", "nsg-jump", "reviewed",
                LocalDate.of(2026, 11, 20), AT);
        Report r = lint(file, List.of(), List.of(expired));
        assertFalse(nsg001(r).isSuppressed());
        assertEquals(List.of(".nsglint.yaml:7:5: warning: suppression of NSG001 for 'nsg-jump' expired on 2026-11-20;"
                + " its findings count again"), diagnostics(r, LoadDiagnostic.Level.WARNING));
        assertTrue(r.countFailing(Severity.ERROR) > 0);
    }

    @Test
    void aSuppressionThatMatchesNothingIsNoted() throws Exception {
        Report r = lint(template(""), List.of(), List.of(new ConfiguredSuppression("NSG001", "nsg-other", "old",
                null, AT)));
        assertFalse(nsg001(r).isSuppressed());
        assertEquals(List.of(".nsglint.yaml:7:5: note: suppression of NSG001 for 'nsg-other' matched no finding;"
                + " remove it if the problem is fixed"), diagnostics(r, LoadDiagnostic.Level.NOTE));
    }

    @Test
    void ruleSettingsTurnRulesOffOrChangeTheirSeverity() throws Exception {
        Path file = template("");
        Report off = lint(file, List.of(new RuleSetting("NSG001", null, AT)), List.of());
        assertTrue(off.findings().stream().noneMatch(f -> f.rule().id().equals("NSG001")));
        assertTrue(off.rules().stream().noneMatch(m -> m.id().equals("NSG001")), "an off rule is not reported as run");
        Report note = lint(file, List.of(new RuleSetting("nsg001", Severity.NOTE, AT)), List.of());
        assertEquals(Severity.NOTE, nsg001(note).severity());
        assertEquals(Severity.NOTE, note.rules().stream().filter(m -> m.id().equals("NSG001")).findFirst()
                .orElseThrow().severity());
        assertNull(note.configurationErrors().stream().findFirst().orElse(null));
    }

    @Test
    void unknownRuleIdsInTheConfigurationAreErrors() throws Exception {
        Report r = lint(template(""), List.of(new RuleSetting("NSG0O1", null, AT)),
                List.of(new ConfiguredSuppression("BAS999", "*", "x", null, SourceLocation.caret(".nsglint.yaml", 9, 5))));
        assertEquals(List.of(".nsglint.yaml:7:5: error: unknown rule 'NSG0O1'; 'nsglint rules' lists the catalog",
                ".nsglint.yaml:9:5: error: unknown rule 'BAS999'; 'nsglint rules' lists the catalog"),
                r.configurationErrors().stream().map(LoadDiagnostic::display).toList());
        assertTrue(r.hasInputErrors());
        assertFalse(nsg001(r).isSuppressed(), "the misspelt setting turned nothing off");
    }
}
