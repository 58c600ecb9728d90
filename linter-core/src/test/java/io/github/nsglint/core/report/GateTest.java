package io.github.nsglint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.LintRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one run policy of the command line and the Maven plugin. */
class GateTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();

    @Test
    void theOptionWinsThenTheConfigurationThenError() {
        assertEquals(Severity.WARNING, Gate.choose("warning", "note", 0).thresholdOrNull());
        assertEquals(Severity.NOTE, Gate.choose(null, "note", 0).thresholdOrNull());
        assertEquals(Severity.ERROR, Gate.choose(null, null, 0).thresholdOrNull());
        assertNull(Gate.choose("NEVER", "error", 0).thresholdOrNull(), "never turns the gate off");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gate.choose("fatal", null, 0));
        assertEquals("must be error, warning, note or never, not 'fatal'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Gate(Severity.ERROR, -1));
    }

    @Test
    void failingFindingsAreCountedAgainstWhatIsAllowed() {
        // One SPK002 error (the cross-region mistake).
        Report r = Linter.run(LintRequest.of(List.of(
                ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json"))));
        assertEquals(1, new Gate(Severity.ERROR, 0).failing(r).size());
        assertTrue(new Gate(Severity.ERROR, 0).fails(r));
        assertFalse(new Gate(Severity.ERROR, 1).fails(r), "one tolerated");
        assertFalse(new Gate(null, 0).fails(r), "gate off");
        Report accepted = r.withFindings(r.findings().stream().map(f -> f.withSuppression(new Suppression(
                Suppression.Kind.CONFIGURATION, ".nsglint.yaml:2:5", "accepted", null))).toList(), List.of());
        assertFalse(new Gate(Severity.NOTE, 0).fails(accepted), "suppressed findings never fail");
    }
}
