package io.github.nsglint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.report.Gate;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.report.Suppression;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();

    private static Report lint(String fixture) {
        return Linter.run(LintRequest.of(List.of(ROOT.resolve(fixture))));
    }

    @Test
    void anErrorFailsWithCountsTheFindingAndTheReports() {
        Report r = lint("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");
        FailurePolicy.Outcome o = FailurePolicy.evaluate(r, new Gate(Severity.ERROR, 0), List.of("target/nsglint/nsglint.sarif"));
        assertTrue(o.failed());
        String[] lines = o.message().split("\\R");
        assertEquals("nsglint: 1 finding at or above error (1 error, 0 warnings, 0 notes)", lines[0]);
        assertTrue(lines[1].matches("  .*cross-region-hub-spoke/mistake/azuredeploy.json:231:11 SPK002 subnet workload"
                + " takes SSH or RDP from outside Bastion UKS-BAS-HUB01: .*"), lines[1]);
        assertEquals("Reports: target/nsglint/nsglint.sarif", lines[2]);
    }

    @Test
    void belowTheThresholdToleratedOrSuppressedPasses() {
        Report warningOnly = lint("fixtures/BAS032/fail-on.json");
        FailurePolicy.Outcome pass = FailurePolicy.evaluate(warningOnly, new Gate(Severity.ERROR, 0), List.of());
        assertFalse(pass.failed());
        assertTrue(pass.message().startsWith("nsglint: 0 errors, 1 warning, 0 notes"), pass.message());
        assertTrue(FailurePolicy.evaluate(warningOnly, new Gate(Severity.WARNING, 0), List.of()).failed());
        FailurePolicy.Outcome tolerated = FailurePolicy.evaluate(warningOnly, new Gate(Severity.WARNING, 1), List.of());
        assertFalse(tolerated.failed());
        assertTrue(tolerated.message().endsWith("; 1 at or above warning tolerated (maxAllowedViolations 1)"),
                tolerated.message());
        assertFalse(FailurePolicy.evaluate(warningOnly, new Gate(null, 0), List.of()).failed(), "never");

        Report mistake = lint("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");
        Report suppressed = mistake.withFindings(mistake.findings().stream().map(f -> f.withSuppression(
                new Suppression(Suppression.Kind.CONFIGURATION, ".nsglint.yaml:2:5", "accepted", null))).toList(),
                List.of());
        FailurePolicy.Outcome o = FailurePolicy.evaluate(suppressed, new Gate(Severity.ERROR, 0), List.of());
        assertFalse(o.failed());
        assertEquals("nsglint: 0 errors, 0 warnings, 0 notes; 1 suppressed", o.message());
    }
}
