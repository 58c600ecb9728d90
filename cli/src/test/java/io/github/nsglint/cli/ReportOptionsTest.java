package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format, --output, --report and --baseline: several formats in one run, and the gate on new findings only. */
class ReportOptionsTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final String MISTAKE = ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/mistake")
            .toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void severalFormatsInOneRun(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("out/nsglint.sarif");
        Path junit = dir.resolve("junit.xml");
        Path md = dir.resolve("comment.md");
        CliRun r = CliRun.of("lint", "-f", "json", "--report", "sarif=" + sarif, "--report", "junit=" + junit,
                "--report", "markdown=" + md, MISTAKE);
        assertEquals(ExitCode.FINDINGS.code(), r.code(), r.err());
        JsonNode json = JSON.readTree(r.out());
        assertEquals(1, json.at("/summary/error").asInt(), r.out());
        assertEquals("SPK002", JSON.readTree(sarif.toFile()).at("/runs/0/results/0/ruleId").asText());
        assertTrue(Files.readString(junit).contains("<testsuite name=\"SPK002 "));
        assertTrue(Files.readString(md).startsWith("## nsglint: 1 finding"));
    }

    @Test
    void outputGoesToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.sarif");
        CliRun r = CliRun.of("lint", "--format", "sarif", "--output", out.toString(), MISTAKE);
        assertEquals(ExitCode.FINDINGS.code(), r.code());
        assertEquals("", r.out());
        assertEquals("2.1.0", JSON.readTree(out.toFile()).get("version").asText());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun r = CliRun.of("lint", "-f", "pdf", MISTAKE);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue(r.err().contains("unknown format 'pdf'; known: "), r.err());
        assertTrue(r.err().contains("sarif"), r.err());
    }

    @Test
    void withABaselineOnlyNewFindingsFailTheGate(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("baseline.sarif");
        assertEquals(ExitCode.FINDINGS.code(), CliRun.of("lint", "-f", "sarif", "-o", baseline.toString(), MISTAKE)
                .code());
        Path again = dir.resolve("again.sarif");
        CliRun same = CliRun.of("lint", "--baseline", baseline.toString(), "-f", "sarif", "-o", again.toString(),
                MISTAKE);
        assertEquals(ExitCode.OK.code(), same.code(), "nothing new: " + same.err());
        assertEquals("unchanged", JSON.readTree(again.toFile()).at("/runs/0/results/0/baselineState").asText());

        // a baseline from the right deployment: the mistake's finding is new, and fails the gate
        Path right = dir.resolve("right.sarif");
        CliRun.of("lint", "-f", "sarif", "-o", right.toString(),
                ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/right").toString());
        Path compared = dir.resolve("compared.sarif");
        CliRun news = CliRun.of("lint", "--baseline", right.toString(), "-f", "sarif", "-o", compared.toString(),
                MISTAKE);
        assertEquals(ExitCode.FINDINGS.code(), news.code());
        assertEquals("new", JSON.readTree(compared.toFile()).at("/runs/0/results/0/baselineState").asText());

        // and the other way round: the fixed finding is carried as absent
        Path fixed = dir.resolve("fixed.sarif");
        CliRun.of("lint", "--baseline", baseline.toString(), "-f", "sarif", "-o", fixed.toString(),
                ROOT.resolve("fixtures/scenarios/cross-region-hub-spoke/right").toString());
        JsonNode results = JSON.readTree(fixed.toFile()).at("/runs/0/results");
        assertEquals(1, results.size());
        assertEquals("absent", results.get(0).get("baselineState").asText());
    }

    @Test
    void aBaselineThatIsNotSarifIsBadInput(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.sarif");
        Files.writeString(bad, "{\"version\": \"1.0\"}");
        CliRun r = CliRun.of("lint", "--baseline", bad.toString(), MISTAKE);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        assertTrue((r.out() + r.err()).contains("the baseline is not a SARIF 2.1.0 log"), r.err());
    }

    @Test
    void aBadRuleFileStillWritesSarifThatSaysWhy(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("bad.nsgl");
        Files.writeString(rules, "rule X001 {\n  name: \"x\"\n  severity: fatal\n}\n");
        Path sarif = dir.resolve("out.sarif");
        CliRun r = CliRun.of("lint", "--rules", rules.toString(), "-f", "sarif", "-o", sarif.toString(), MISTAKE);
        assertEquals(ExitCode.BAD_INPUT.code(), r.code());
        JsonNode inv = JSON.readTree(sarif.toFile()).at("/runs/0/invocations/0");
        assertEquals(false, inv.get("executionSuccessful").asBoolean());
        JsonNode n = inv.at("/toolConfigurationNotifications/0");
        assertEquals("error", n.get("level").asText());
        assertTrue(n.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("bad.nsgl"),
                n.toString());
    }
}
