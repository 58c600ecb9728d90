package io.github.nsglint.report.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.Report;
import io.github.nsglint.report.Fixtures;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

    @Test
    void summaryTableThenFindingsByFile() {
        Report report = Fixtures.lint(Fixtures.crossRegionMistake());
        String md = Fixtures.write(new MarkdownReporter(), report);
        assertTrue(md.startsWith("## nsglint: 1 finding in 1 file\n"), md);
        assertTrue(md.contains("| error | 1 | 0 | 0 |"), md);
        assertTrue(md.contains("| `SPK002` "), "the failing control is listed: " + md);
        assertTrue(md.contains("### `fixtures/scenarios/cross-region-hub-spoke/mistake/azuredeploy.json`")
                || md.contains("cross-region-hub-spoke/mistake/azuredeploy.json`"), md);
        assertTrue(md.contains("- **error** `SPK002` line "), md);
        assertTrue(md.contains("witness `Tcp "), md);
    }

    @Test
    void staysUnderTheCommentLimitAndSaysWhenCut() {
        Report big = Fixtures.withFindings(3_000, "spoke");
        String md = MarkdownReporter.render(big, MarkdownReporter.LIMIT);
        assertTrue(md.length() <= MarkdownReporter.LIMIT, "length " + md.length());
        assertTrue(md.contains("more findings not shown"), md.substring(md.length() - 300));
        String small = MarkdownReporter.render(Fixtures.withFindings(5, "spoke"), MarkdownReporter.LIMIT);
        assertFalse(small.contains("not shown"));
    }

    @Test
    void namesFromTemplatesCannotInjectMarkupOrBreakTables() {
        Report evil = Fixtures.withFindings(2, "<img src=x onerror=alert(1)> | [link](http://x) **bold**");
        String md = Fixtures.write(new MarkdownReporter(), evil);
        assertFalse(md.contains("<img"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt; \\| \\[link\\](http://x) \\*\\*bold\\*\\*"), md);
    }
}
