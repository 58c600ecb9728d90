package io.github.nsglint.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Reporter;
import java.io.IOException;
import java.io.Writer;

/**
 * The compliance report for security reviewers: one self-contained HTML file (inline CSS and SVG, nothing
 * fetched) that reads on screen and prints to PDF. Rendered by jte from precompiled templates: jte checks the
 * template's types at build time and escapes every value by its HTML context, so a resource name from a template
 * can never become markup.
 */
public final class HtmlReporter implements Reporter {

    public static final String ID = "html";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public ReportNeeds needs() {
        return ReportNeeds.ALL; // each file's SHA-256 and the planned fixes
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "html";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ENGINE.render("report.jte", HtmlPageBuilder.build(report), new WriterOutput(out));
    }
}
