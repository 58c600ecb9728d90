package io.github.nsglint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The formats that show each file's SHA-256, for which the command line has the inputs hashed. */
class FileHashFormatsTest {

    @Test
    void sarifJsonAndHtmlShowHashes() {
        Set<String> showing = new java.util.TreeSet<>();
        for (String id : List.of("text", "sarif", "json", "markdown", "junit", "github", "html")) {
            Reporter r = ReporterRegistry.byId(id);
            if (r.showsFileHashes()) {
                showing.add(id);
            }
        }
        assertEquals(Set.of("html", "json", "sarif"), showing);
    }
}
