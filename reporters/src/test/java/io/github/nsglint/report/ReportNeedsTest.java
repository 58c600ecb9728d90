package io.github.nsglint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The formats that show each file's SHA-256 and the planned fixes: the command line makes them only for those. */
class ReportNeedsTest {

    @Test
    void sarifJsonAndHtmlShowHashes() {
        Set<String> showing = new java.util.TreeSet<>();
        for (String id : List.of("text", "sarif", "json", "markdown", "junit", "github", "html")) {
            Reporter r = ReporterRegistry.byId(id);
            if (r.needs().digests()) {
                showing.add(id);
            }
        }
        assertEquals(Set.of("html", "json", "sarif"), showing);
    }

    @Test
    void sarifJsonAndHtmlShowFixesTheOthersNeedNeither() {
        List<Reporter> others = List.of("text", "markdown", "junit", "github").stream().map(ReporterRegistry::byId)
                .toList();
        assertEquals(new io.github.nsglint.core.report.ReportNeeds(false, false),
                io.github.nsglint.core.report.ReportNeeds.of(others));
        assertEquals(io.github.nsglint.core.report.ReportNeeds.ALL, io.github.nsglint.core.report.ReportNeeds.of(
                List.of(ReporterRegistry.byId("text"), ReporterRegistry.byId("sarif"))));
        assertEquals(io.github.nsglint.core.report.ReportNeeds.ALL,
                io.github.nsglint.core.report.ReportNeeds.of(List.of(ReporterRegistry.byId("html"))));
        assertEquals(io.github.nsglint.core.report.ReportNeeds.ALL,
                io.github.nsglint.core.report.ReportNeeds.of(List.of(ReporterRegistry.byId("json"))));
    }
}
