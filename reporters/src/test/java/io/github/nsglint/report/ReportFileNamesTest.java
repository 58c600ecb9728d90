package io.github.nsglint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Maven plugin names each report nsglint.EXTENSION: two formats with one extension would overwrite each other. */
class ReportFileNamesTest {

    @Test
    void everyFormatHasItsOwnExtension() {
        List<String> extensions = ReporterRegistry.all().stream().map(Reporter::defaultFileExtension).toList();
        assertEquals(extensions.size(), extensions.stream().distinct().count(), extensions.toString());
    }
}
