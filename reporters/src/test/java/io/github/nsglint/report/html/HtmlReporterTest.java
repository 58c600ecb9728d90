package io.github.nsglint.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Suppression;
import io.github.nsglint.report.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML compliance report: what it shows, that nothing in it is fetched, that names from templates stay text,
 * and, where {@code -Dnsglint.chromium} names a browser ({@code .ci/run} sets it), how Chromium renders it.
 */
class HtmlReporterTest {

    private static final String EVIL = "<img src=x onerror=alert(1)>";

    @Test
    void showsScanSummaryControlsTopologyAndFindings() {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        String html = Fixtures.write(new HtmlReporter(), report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains(report.scan().files().get(0).sha256()), "file hashes");
        assertTrue(html.contains(report.scan().catalogVersion()), "catalog version");
        assertTrue(html.contains("<div class=\"count sev-error\"><b>1</b>error</div>"), "summary by severity");
        assertTrue(Pattern.compile("<b>SPK002</b>.*?<td class=\"status st-violated\">violated</td>", Pattern.DOTALL)
                .matcher(html).find(), "the control table marks SPK002 violated");
        assertTrue(Pattern.compile("<b>BAS011</b>.*?<td class=\"status st-passed\">passed</td>", Pattern.DOTALL)
                .matcher(html).find(), "and BAS011 passed");
        assertTrue(html.contains(">UKS-VNET02-HUB01</text>") && html.contains(">EUS-VNET01-SPOKE01</text>"),
                "the VNets are drawn");
        assertTrue(html.contains("class=\"vnet st-violated\""), "the spoke at fault is coloured");
        assertTrue(html.contains("<line class=\"peer-ok\""), "peerings are drawn");
        assertTrue(html.contains("Tcp 10.2.0.4:49152 → 10.3.1.4:22"), "the witness flow");
        Matcher deciding = Pattern.compile("<tr class=\"deciding \">\\s*<td>(\\d+)</td><td>([^<]+)</td>")
                .matcher(html);
        assertTrue(deciding.find(), "the deciding rule is highlighted in the NSG's table");
        assertEquals("AllowSshFromBastion", deciding.group(2));
        assertTrue(html.contains("AllowVNetInBound"), "default rules are in the table");
        assertTrue(Pattern.compile("<b>NSG001</b>.*?<small class=\"compliance\">CIS Azure 6.1 · CIS Azure 6.2 · MCSB"
                + " NS-1</small>", Pattern.DOTALL).matcher(html).find(), "each control names the benchmark items"
                + " its tags name");
    }

    @Test
    void complianceTagsReadAsBenchmarkItems() {
        assertEquals(java.util.List.of("CIS Azure 6.3", "MCSB NS-1"),
                HtmlPageBuilder.compliance(java.util.List.of("cis-azure-6.3", "exposure", "mcsb-ns-1", "nsg")));
    }

    @Test
    void selfContained() {
        String html = Fixtures.write(new HtmlReporter(), Fixtures.lint(Fixtures.crossRegionMistake()));
        for (String fetch : List.of("<script", "<link", "<img", "<iframe", "url(", "@import", "src=")) {
            assertFalse(html.contains(fetch), "nothing is fetched: " + fetch);
        }
    }

    @Test
    void namesFromTemplatesRenderAsText(@TempDir Path temp) throws IOException {
        Path evil = evilTemplate(temp);
        Report report = Fixtures.lint(evil);
        List<Finding> f = new ArrayList<>(report.findings());
        f.set(0, f.get(0).withSuppression(new Suppression(Suppression.Kind.INLINE, "main.json:12:9", "\"><script>alert(2)</script>",
                LocalDate.parse("2027-01-31"))));
        String html = Fixtures.write(new HtmlReporter(), report.withFindings(f, List.of()));
        assertFalse(html.contains(EVIL), "the name never appears as markup");
        assertFalse(html.contains("<script>"), "nor the justification");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "it is shown, escaped");
    }

    /** The cross-region mistake with its spoke NSG named like an HTML payload. */
    private static Path evilTemplate(Path dir) throws IOException {
        String text = Files.readString(Fixtures.crossRegionMistake(), StandardCharsets.UTF_8)
                .replace("EUS-NSG-SPOKE01-WORKLOAD", EVIL);
        assertTrue(text.contains(EVIL));
        Path file = dir.resolve("azuredeploy.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void chromiumRendersTheHubAndSpokeReport(@TempDir Path temp) throws Exception {
        String chromium = System.getProperty("nsglint.chromium", "");
        Assumptions.assumeFalse(chromium.isEmpty(), "-Dnsglint.chromium is not set (.ci/run sets it)");
        Report report = Fixtures.lint(Fixtures.crossRegionMistake(), evilTemplate(temp));
        Path html = Path.of("target/html/report.html").toAbsolutePath();
        Files.createDirectories(html.getParent());
        Files.writeString(html, Fixtures.write(new HtmlReporter(), report), StandardCharsets.UTF_8);
        Path png = html.resolveSibling("report.png");
        Files.deleteIfExists(png);
        run(temp, chromium, "--window-size=1280,1800", "--screenshot=" + png, html.toUri().toString());
        assertTrue(Files.size(png) > 20_000, "a screenshot of a rendered page: " + Files.size(png) + " bytes");
        String dom = run(temp, chromium, "--dump-dom", html.toUri().toString());
        assertTrue(dom.contains("nsglint compliance report"), dom.substring(0, Math.min(500, dom.length())));
        assertTrue(dom.contains("UKS-VNET02-HUB01"), "the topology drawing is in the page");
        assertTrue(dom.contains("Tcp 10.2.0.4:49152 → 10.3.1.4:22"), "the witness flow is in the page");
        assertFalse(dom.contains(EVIL), "the browser made no element of the payload");
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "it shows it as text");
    }

    private static String run(Path temp, String chromium, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--user-data-dir=" + temp.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = temp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(temp.resolve("chromium.err")
                .toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), Files.readString(temp.resolve("chromium.err")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
