package io.github.nsglint.report.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Suppression;
import io.github.nsglint.report.Fixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void plainByDefaultColouredOnRequest() {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        String plain = Fixtures.write(new TextReporter(), report);
        String coloured = Fixtures.write(new TextReporter(true), report);
        assertFalse(plain.contains("\u001b["), plain);
        assertTrue(plain.contains(": error SPK002 subnet workload takes SSH or RDP"), plain);
        assertTrue(plain.contains("    witness: Tcp "), plain);
        assertTrue(coloured.contains("\u001b[1;31merror\u001b[0m \u001b[1mSPK002\u001b[0m"), coloured);
        assertTrue(coloured.replaceAll("\u001b\\[[0-9;]*m", "").equals(plain), "the same text without colour");
    }

    @Test
    void suppressedFindingsAreMarkedAndNotCounted() {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        List<Finding> f = new ArrayList<>(report.findings());
        f.set(0, f.get(0).withSuppression(new Suppression(Suppression.Kind.CONFIGURATION, ".nsglint.yaml:4:5", "migration ticket NET-42",
                LocalDate.parse("2027-03-01"))));
        String text = Fixtures.write(new TextReporter(), report.withFindings(f, List.of()));
        assertTrue(text.contains("    suppressed: migration ticket NET-42 (until 2027-03-01)"), text);
        assertTrue(text.contains("(0 errors, 0 warnings; 0 indeterminate, 1 suppressed)"), text);
    }
}
