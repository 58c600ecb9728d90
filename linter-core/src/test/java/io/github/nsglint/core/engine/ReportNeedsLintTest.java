package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ScanInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs and the catalog are digested and fixes planned for the reports that show them, and only then (ReportNeeds); the findings do
 * not depend on it.
 */
class ReportNeedsLintTest {

    @TempDir
    Path dir;

    @Test
    void digestsAndFixesAreMadeOnlyWhenAskedAndFindingsAreTheSame() throws Exception {
        // A scenario whose mistake has a fix (an NSG rule to add).
        Path template = dir.resolve("t.json");
        Files.copy(Path.of(System.getProperty("nsglint.root", "..")).resolve(
                "fixtures/scenarios/standalone-per-spoke/mistake/azuredeploy.json"), template);
        RuleCatalog catalog = RuleCatalog.load(List.of(), "current");
        LintRequest hashed = LintRequest.of(List.of(template));
        LintRequest plain = new LintRequest(hashed.inputs(), null, List.of(), "current", hashed.targets(),
                hashed.serviceTags(), null, List.of(), List.of(), java.util.Map.of(),
                new io.github.nsglint.core.report.ReportNeeds(false, false));
        Report a = Linter.run(hashed, catalog);
        Report b = Linter.run(plain, catalog);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(template)));
        assertEquals(List.of(expected), a.scan().files().stream().map(ScanInfo.ScannedFile::sha256).toList());
        assertEquals(List.of(""), b.scan().files().stream().map(ScanInfo.ScannedFile::sha256).toList());
        assertTrue(catalog.version().matches(".+\\+current\\.[0-9a-f]{12}"), catalog.version());
        assertEquals(catalog.version(), a.scan().catalogVersion());
        assertEquals("", b.scan().catalogVersion());
        assertEquals(a.findings(), b.findings());
        assertTrue(!a.fixes().isEmpty(), "the scenario's fix is planned when asked");
        assertEquals(List.of(), b.fixes());
    }
}
