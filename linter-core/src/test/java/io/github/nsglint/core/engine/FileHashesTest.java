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

/** Inputs are hashed for the reports that show hashes, and only then; the findings do not depend on it. */
class FileHashesTest {

    @TempDir
    Path dir;

    @Test
    void filesAreHashedOnlyWhenAskedAndFindingsAreTheSame() throws Exception {
        Path template = dir.resolve("t.json");
        Files.writeString(template, "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": [{\"type\":"
                + " \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\": \"n\","
                + " \"properties\": {\"securityRules\": [{\"name\": \"ssh\", \"properties\": {\"priority\": 100,"
                + " \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\":"
                + " \"Internet\", \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\","
                + " \"destinationPortRange\": \"22\"}}]}}]}");
        RuleCatalog catalog = RuleCatalog.load(List.of(), "current");
        LintRequest hashed = LintRequest.of(List.of(template));
        LintRequest plain = new LintRequest(hashed.inputs(), null, List.of(), "current", hashed.targets(),
                hashed.serviceTags(), null, List.of(), List.of(), java.util.Map.of(), false);
        Report a = Linter.run(hashed, catalog);
        Report b = Linter.run(plain, catalog);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(template)));
        assertEquals(List.of(expected), a.scan().files().stream().map(ScanInfo.ScannedFile::sha256).toList());
        assertEquals(List.of(""), b.scan().files().stream().map(ScanInfo.ScannedFile::sha256).toList());
        assertEquals(a.findings(), b.findings());
        assertTrue(a.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001")), a.findings().toString());
    }
}
