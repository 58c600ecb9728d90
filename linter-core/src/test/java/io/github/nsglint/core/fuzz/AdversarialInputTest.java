package io.github.nsglint.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.config.ConfigurationLoader;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.testing.HangGuard;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs: each ends with a result or a located error, inside the heap this class runs with: the
 * {@code adversarial} surefire execution gives it 512 MB, which is the stated bound. The largest case, an NSG of
 * 100,000 rules (16 MB of JSON), needs most of it. What bounds the work is deterministic (the heap, ARM's copy
 * limit, the nesting limits); {@link HangGuard} only catches a hang.
 */
@HangGuard
class AdversarialInputTest {

    private static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", ";
    private static RuleCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        catalog = RuleCatalog.load(List.of(), "current");
    }

    private Report lint(String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        return Linter.run(LintRequest.of(List.of(file)), catalog);
    }

    private static String nsg(String name, String rules) {
        return "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", \"name\": "
                + name + ", \"location\": \"uksouth\", \"properties\": {\"securityRules\": " + rules + "}}";
    }

    private static List<String> messages(Report r, LoadDiagnostic.Level level) {
        return r.diagnostics().stream().filter(d -> d.level() == level).map(LoadDiagnostic::display).toList();
    }

    @Test
    void tenThousandDeepNesting() throws Exception {
        Report r = lint("deep.json", "[".repeat(10_000) + "]".repeat(10_000));
        List<String> errors = messages(r, LoadDiagnostic.Level.ERROR);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("deep.json:1:501: error:"), errors.get(0));
    }

    @Test
    void aHundredThousandElementArray() throws Exception {
        StringBuilder big = new StringBuilder("[0");
        for (int i = 1; i < 100_000; i++) {
            big.append(',').append(i);
        }
        Report r = lint("array.json", HEAD + "\"variables\": {\"big\": " + big + "]}, \"resources\": ["
                + nsg("\"[string(length(variables('big')))]\"", "[]") + "]}");
        assertEquals(List.of(), messages(r, LoadDiagnostic.Level.ERROR));
        assertEquals("100000", r.model().networkSecurityGroups().get(0).name().known().orElseThrow());
    }

    @Test
    void anNsgOfAHundredThousandRulesIsAnErrorAndNeverAPass() throws Exception {
        // 20 MB of rules: past the 4 MB Azure accepts for a template, so the whole file is an error.
        Report r = lint("rules.json", HEAD + "\"resources\": [" + nsg("\"n\"", rules(100_000)) + "]}");
        List<String> errors = messages(r, LoadDiagnostic.Level.ERROR);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).endsWith("error: the resources this template deploys reach 4,194,305 bytes here, past"
                + " the 4,194,304 bytes Azure accepts for a template after its copy loops are expanded: Azure rejects"
                + " the deployment, so nsglint judges none of its resources"), errors.get(0));
        assertTrue(r.hasInputErrors());
    }

    @Test
    void anNsgOfMoreRulesThanAzureAllowsIsAnErrorAndNeverAPass() throws Exception {
        Report r = lint("rules.json", HEAD + "\"resources\": [" + nsg("\"n\"", rules(1_001)) + "]}");
        List<String> errors = messages(r, LoadDiagnostic.Level.ERROR);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).endsWith("error: NSG n has 1,001 security rules; Azure allows at most 1,000 per NSG,"
                + " so the deployment would fail: its rules are not analysed"), errors.get(0));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("NSG001")
                && f.kind() == Finding.Kind.INDETERMINATE), "NSG001 cannot pass an NSG it did not analyse");
    }

    private static String rules(int count) {
        StringBuilder rules = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            rules.append(i == 0 ? "" : ",").append("{\"name\":\"r").append(i).append("\",\"properties\":{\"priority\":")
                    .append(100 + i % 3900).append(",\"direction\":\"Inbound\",\"access\":\"Allow\",\"protocol\":\"Tcp\","
                            + "\"sourceAddressPrefix\":\"*\",\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\","
                            + "\"destinationPortRange\":\"").append(1 + i % 60_000).append("\"}}");
        }
        return rules.append(']').toString();
    }

    @Test
    void aMillionCopiesAreBoundedWithAnError() throws Exception {
        Report r = lint("copy.json", HEAD + "\"resources\": [{\"type\": \"Microsoft.Network/networkSecurityGroups\","
                + " \"apiVersion\": \"2023-09-01\", \"name\": \"[concat('n', copyIndex())]\", \"location\": \"x\","
                + " \"copy\": {\"name\": \"c\", \"count\": 1000000}, \"properties\": {\"securityRules\": []}}]}");
        assertTrue(messages(r, LoadDiagnostic.Level.WARNING).stream().anyMatch(m -> m.contains(
                "copy loop 'c' needs a count in 0..800")), r.diagnostics().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().id().equals("ANA001")
                && f.message().contains("copy loop 'c' has an invalid count")), "reported as an error finding");
        assertEquals(0, r.model().networkSecurityGroups().size());
    }

    @Test
    void recursiveVariables() throws Exception {
        Report r = lint("recursive.json", HEAD + "\"variables\": {\"a\": \"[variables('b')]\", \"b\":"
                + " \"[variables('a')]\"}, \"resources\": [" + nsg("\"[variables('a')]\"", "[]") + "]}");
        assertTrue(messages(r, LoadDiagnostic.Level.WARNING).stream().anyMatch(m -> m.contains(
                "variable 'a' refers to itself")), r.diagnostics().toString());
    }

    @Test
    void anExpressionNestedAThousandDeep() throws Exception {
        String e = "'x'";
        for (int i = 0; i < 1000; i++) {
            e = "concat(" + e + ", 'y')";
        }
        Report r = lint("nested.json", HEAD + "\"resources\": [" + nsg("\"[" + e + "]\"", "[]") + "]}");
        assertTrue(messages(r, LoadDiagnostic.Level.WARNING).stream().anyMatch(m -> m.contains(
                "expression is nested deeper than 256 levels")), r.diagnostics().toString());
    }

    @Test
    void aFiftyMegabyteTemplateIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1000 * 1000);
        }
        Report r = Linter.run(LintRequest.of(List.of(big)), catalog);
        assertTrue(messages(r, LoadDiagnostic.Level.ERROR).get(0).contains("big.json:1:1: error: file is 50,000,000"
                + " bytes; nsglint reads files up to 32 MiB"));
    }

    @Test
    void nulBytesAndInvalidUtf8() throws Exception {
        Path nul = Files.write(dir.resolve("nul.json"), (HEAD + "\"resources\": []\u0000}").getBytes(StandardCharsets.UTF_8));
        Report r = Linter.run(LintRequest.of(List.of(nul)), catalog);
        assertTrue(messages(r, LoadDiagnostic.Level.ERROR).get(0).matches(".*nul.json:1:\\d+: error: .*"),
                r.diagnostics().toString());
        byte[] bad = (HEAD + "\"resources\": []}").getBytes(StandardCharsets.UTF_8);
        bad[10] = (byte) 0xFF;
        Path utf = Files.write(dir.resolve("utf.json"), bad);
        Report u = Linter.run(LintRequest.of(List.of(utf)), catalog);
        assertEquals(List.of(utf + ":1:11: error: not a UTF-8 text file: byte 0xff cannot start a character here (a"
                + " binary file?)"), messages(u, LoadDiagnostic.Level.ERROR).stream()
                .map(m -> m.substring(m.indexOf(utf.toString()))).toList());
    }

    @Test
    void aYamlBomb() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            yaml.append("]\n");
        }
        Path file = Files.writeString(dir.resolve(".nsglint.yaml"), yaml);
        ConfigurationLoader.Result r = ConfigurationLoader.load(file);
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).display().contains("invalid YAML: more than 20 aliases"));
    }

    @Test
    void aRuleWithATenThousandTermExpression() {
        StringBuilder expr = new StringBuilder("n.name == \"x0\"");
        for (int i = 1; i < 10_000; i++) {
            expr.append(" or n.name == \"x").append(i).append('"');
        }
        String rule = "rule ORG001 {\n  name: \"t\"\n  severity: note\n  since: \"1\"\n  summary: \"s\"\n"
                + "  message: \"m\"\n  for nsg n\n  expect " + expr + "\n}\n";
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> RuleCatalog.compile(Map.of("terms.nsgl", rule), "current"));
        assertEquals("terms.nsgl:8:10: expression nested more than 500 levels deep (a chain of that many 'and'/'or'"
                + " terms, or brackets): split it into several expectations", e.errors().get(0).display());
        assertFalse(e.errors().isEmpty());
    }
}
