package io.github.nsglint.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.report.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON report keeps to its published schema on every fixture, and says what the lint found. */
class JsonReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = JsonReporter.class.getResourceAsStream("report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    static List<Path> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureKeepsToTheSchema(Path fixture) throws IOException {
        JsonNode doc = JSON.readTree(Fixtures.write(new JsonReporter(), Fixtures.lint(fixture)));
        assertEquals(Set.of(), schema.validate(doc), fixture.toString());
    }

    @Test
    void theCrossRegionMistakeIsReportedAsItIs() throws IOException {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        JsonNode doc = JSON.readTree(Fixtures.write(new JsonReporter(), report));
        assertEquals("1", doc.get("schemaVersion").asText());
        assertEquals(report.findings().size(), doc.at("/summary/findings").asInt());
        assertEquals(report.findings().stream().filter(f -> f.severity().toSarifLevel().equals("error")).count(),
                doc.at("/summary/error").asLong());
        Map<String, String> status = new HashMap<>();
        for (JsonNode rule : doc.get("rules")) {
            status.put(rule.get("id").asText(), rule.get("status").asText());
        }
        assertEquals("violated", status.get("SPK002"));
        assertEquals("passed", status.get("BAS011"), "the control plane reaches the Bastion");
        assertEquals(report.rules().size(), status.size());
        JsonNode spk = null;
        for (JsonNode f : doc.get("findings")) {
            if (f.get("ruleId").asText().equals("SPK002")) {
                spk = f;
            }
        }
        assertTrue(spk != null);
        assertTrue(spk.at("/witness/flow").asText().contains(":22"), spk.toString());
        assertEquals("custom", spk.at("/witness/deciding/kind").asText());
        assertEquals("allow", spk.at("/witness/deciding/access").asText());
        assertTrue(spk.at("/location/line").asInt() > 1);
        assertEquals(64, doc.at("/scan/files/0/sha256").asText().length());
    }
}
