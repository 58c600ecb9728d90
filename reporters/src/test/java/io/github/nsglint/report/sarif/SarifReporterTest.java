package io.github.nsglint.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Suppression;
import io.github.nsglint.report.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SARIF against the official OASIS schema (draft-04, from ../shared/schemas) for every fixture, and its content
 * against what GitHub code scanning uses. Each fixture's SARIF is also written to target/sarif/ for the external
 * validator ({@link SarifValidatorTest}).
 */
class SarifReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode s = JSON.readTree(Fixtures.SHARED.resolve("schemas/sarif-schema-2.1.0.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(s,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    static List<Path> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureGivesSchemaValidSarif(Path fixture) throws IOException {
        String sarif = Fixtures.write(new SarifReporter(), Fixtures.lint(fixture));
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(sarif));
        assertEquals(Set.of(), errors, fixture.toString());
        Path out = Path.of("target/sarif").resolve(Fixtures.FIXTURES.relativize(fixture).toString()
                .replace('/', '_').replace(".json", ".sarif"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, sarif);
    }

    @Test
    void theRunHasWhatCodeScanningUses() throws IOException {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        JsonNode log = JSON.readTree(Fixtures.write(new SarifReporter(), report));
        assertEquals("2.1.0", log.get("version").asText());
        assertNotNull(log.get("$schema"));
        assertEquals(1, log.get("runs").size(), "one run per file");
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.at("/tool/driver");
        assertEquals("nsglint", driver.get("name").asText());
        assertTrue(driver.get("semanticVersion").asText().matches("\\d+\\.\\d+\\.\\d+"), driver.toString());
        assertTrue(driver.get("informationUri").asText().startsWith("https://"));
        assertEquals(report.rules().size(), driver.get("rules").size(), "the full rules array");
        for (JsonNode rule : driver.get("rules")) {
            for (String field : List.of("/id", "/name", "/shortDescription/text", "/fullDescription/text",
                    "/help/text", "/help/markdown", "/helpUri", "/defaultConfiguration/level", "/properties/tags",
                    "/properties/security-severity", "/properties/precision")) {
                assertFalse(rule.at(field).isMissingNode() || rule.at(field).asText().isEmpty() && !rule.at(field)
                        .isArray(), rule.get("id") + " lacks " + field);
            }
            double severity = Double.parseDouble(rule.at("/properties/security-severity").asText());
            assertTrue(severity > 0 && severity <= 10, rule.toString());
            assertTrue(rule.at("/properties/tags").size() <= 10);
            assertTrue(rule.at("/fullDescription/text").asText().length() <= 1024);
        }
        assertEquals("utf16CodeUnits", run.get("columnKind").asText());
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText().endsWith("/"));
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());

        JsonNode results = run.get("results");
        assertEquals(report.findings().size(), results.size(), "one result per finding, no passing checks");
        assertTrue(results.size() > 0);
        Set<String> prints = new HashSet<>();
        for (JsonNode r : results) {
            String ruleId = r.get("ruleId").asText();
            assertEquals(ruleId, driver.get("rules").get(r.get("ruleIndex").asInt()).get("id").asText());
            assertTrue(Set.of("error", "warning", "note").contains(r.get("level").asText()));
            assertFalse(r.at("/message/text").asText().isBlank());
            JsonNode loc = r.at("/locations/0/physicalLocation");
            assertEquals("%SRCROOT%", loc.at("/artifactLocation/uriBaseId").asText());
            assertEquals("fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json",
                    loc.at("/artifactLocation/uri").asText(), "relative to the repository root");
            for (String f : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                assertTrue(loc.at("/region/" + f).asInt() >= 1, r.toString());
            }
            assertFalse(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().isEmpty(),
                    "the Azure resource is named: " + r);
            String print = r.at("/partialFingerprints/" + SarifReporter.FINGERPRINT_KEY.replace("/", "~1")).asText();
            assertFalse(print.isEmpty());
            assertTrue(prints.add(ruleId + print), "fingerprints are unique: " + print);
        }
        JsonNode flowResult = null;
        for (JsonNode r : results) {
            if (r.at("/properties/witness/flow").isTextual()) {
                flowResult = r;
            }
        }
        assertNotNull(flowResult, "a flow finding carries its witness");
        assertTrue(flowResult.at("/properties/witness/flow").asText().matches("(Tcp|Udp|Icmp|\\*).* → .*"),
                flowResult.toString());
        assertTrue(flowResult.get("relatedLocations").size() >= 1, "the deciding NSG rule is a related location");
        assertTrue(flowResult.at("/relatedLocations/0/message/text").asText().contains("rule"),
                flowResult.toString());
    }

    @Test
    void fingerprintsSurviveReformatting(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path original = Fixtures.crossRegionMistake();
        Path reformatted = temp.resolve("azuredeploy.json");
        // the same template on one line, members reindented: every line number changes
        Files.writeString(reformatted, JSON.writeValueAsString(JSON.readTree(original.toFile())));
        List<String> before = printsOf(Fixtures.lint(original));
        List<String> after = printsOf(Fixtures.lint(reformatted));
        assertFalse(before.isEmpty());
        assertEquals(new HashSet<>(before), new HashSet<>(after));
    }

    private static List<String> printsOf(Report report) throws IOException {
        JsonNode log = JSON.readTree(Fixtures.write(new SarifReporter(), report));
        List<String> out = new ArrayList<>();
        for (JsonNode r : log.at("/runs/0/results")) {
            out.add(r.get("ruleId").asText() + "|"
                    + r.at("/partialFingerprints/" + SarifReporter.FINGERPRINT_KEY.replace("/", "~1")).asText());
        }
        return out;
    }

    @Test
    void suppressedFindingsStayWithTheirJustification() throws IOException {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        Finding first = report.findings().get(0);
        List<Finding> changed = new ArrayList<>(report.findings());
        changed.set(0, first.withSuppression(new Suppression(Suppression.Kind.INLINE, "main.json:12:9", "accepted until the migration",
                LocalDate.parse("2027-01-31"))));
        JsonNode log = JSON.readTree(Fixtures.write(new SarifReporter(), report.withFindings(changed, List.of())));
        JsonNode s = log.at("/runs/0/results/0/suppressions/0");
        assertEquals("inSource", s.get("kind").asText());
        assertEquals("accepted until the migration", s.get("justification").asText());
        assertEquals("2027-01-31", s.at("/properties/expires").asText());
        assertEquals(Set.of(), schema.validate(log));
    }

    @Test
    void fixesInsertTheMissingRule() throws IOException {
        Path fixture = Fixtures.FIXTURES.resolve("BAS012/fail-deny-probes.json");
        JsonNode log = JSON.readTree(Fixtures.write(new SarifReporter(), Fixtures.lint(fixture)));
        JsonNode withFix = null;
        for (JsonNode r : log.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals("BAS012")) {
                withFix = r;
            }
        }
        assertNotNull(withFix);
        JsonNode replacement = withFix.at("/fixes/0/artifactChanges/0/replacements/0");
        assertEquals(replacement.at("/deletedRegion/startLine"), replacement.at("/deletedRegion/endLine"));
        assertEquals(replacement.at("/deletedRegion/startColumn"), replacement.at("/deletedRegion/endColumn"),
                "an insertion");
        String inserted = replacement.at("/insertedContent/text").asText();
        assertTrue(inserted.contains("\"sourceAddressPrefix\": \"AzureLoadBalancer\""), inserted);
        assertTrue(inserted.contains("\"access\": \"Allow\""), inserted);
        assertEquals("%SRCROOT%", withFix.at("/fixes/0/artifactChanges/0/artifactLocation/uriBaseId").asText());
    }

    @Test
    void unreadableFilesAreToolNotifications(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{ \"resources\": [ ");
        JsonNode log = JSON.readTree(Fixtures.write(new SarifReporter(),
                Fixtures.lint(broken, Fixtures.crossRegionMistake())));
        JsonNode invocation = log.at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        JsonNode n = invocation.at("/toolExecutionNotifications/0");
        assertEquals("error", n.get("level").asText());
        assertTrue(n.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1);
        assertTrue(log.at("/runs/0/results").size() > 0, "the other file is still reported");
        assertEquals(Set.of(), schema.validate(log));
    }

    @Test
    void aRuleExampleIsInTheHelpAsAFencedBlockThatNoExampleCanClose() {
        var m = new io.github.nsglint.core.report.RuleMetadata("NSG999", "example-rule",
                io.github.nsglint.core.report.Severity.WARNING, "0.1.0", "Summary", "Help text.",
                "Fails: {\"port\": 22}\nPasses: ```no fence```", "m", java.net.URI.create("https://learn.microsoft.com/x"),
                java.util.Set.of("nsg"), "", "rules/x.nsgl:1");
        SarifLog.ReportingDescriptor d = SarifReporter.descriptor(m);
        assertTrue(d.help().text().contains("Help text.\n\nExample:\nFails: {\"port\": 22}"), d.help().text());
        String md = d.help().markdown();
        assertTrue(md.contains("**Example**\n\n```text\nFails: {\"port\": 22}\nPasses: ~~~no fence~~~\n```"), md);
        assertEquals(2, md.split("```", -1).length - 1, "exactly one fenced block: " + md);
    }

    @Test
    void partialFingerprintsComeInOneOrder() {
        assertEquals(List.of("nsglintFinding/v1", "primaryLocationLineHash"),
                List.copyOf(SarifReporter.fingerprints("abc").keySet()),
                "the same on every run, so that two runs' SARIF are equal byte for byte");
    }
}
