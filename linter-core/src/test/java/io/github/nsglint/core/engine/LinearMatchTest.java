package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.testing.HangGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom rule's {@code matches} runs in time linear in the name: {@code (.*a){20}b} against a long name of
 * a's, which backtracks for minutes in a backtracking engine, is answered, and answered right.
 */
@HangGuard
class LinearMatchTest {

    @TempDir
    Path dir;

    @Test
    void aCatastrophicPatternAgainstALongNameIsAnsweredRight() throws Exception {
        String rules = """
                rule ORG_NAMES {
                  name: "names"
                  severity: warning
                  since: "1"
                  summary: "s"
                  message: "NSG {n.name} has a name the pattern matches"
                  for nsg n
                  expect not (n.name matches "(.*a){20}b")
                }
                """;
        String nsg = "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\","
                + " \"name\": \"%s\", \"location\": \"uksouth\", \"properties\": {\"securityRules\": []}}";
        String longName = "a".repeat(79);
        Path t = Files.writeString(dir.resolve("t.json"), "{\"$schema\": \"https://schema.management.azure.com/"
                + "schemas/2019-04-01/deploymentTemplate.json#\", \"resources\": [" + nsg.formatted(longName) + ", "
                + nsg.formatted("a".repeat(20) + "b") + "]}");
        Report r = Linter.run(LintRequest.of(List.of(t)), RuleCatalog.compile(Map.of("names.nsgl", rules), "current"));
        List<String> flagged = r.findings().stream().filter(f -> f.rule().id().equals("ORG_NAMES"))
                .map(f -> f.resourceId().replaceAll(".*/", "")).toList();
        assertEquals(List.of("a".repeat(20) + "b"), flagged);
    }
}
