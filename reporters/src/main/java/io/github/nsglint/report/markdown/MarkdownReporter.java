package io.github.nsglint.report.markdown;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Control;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.SafeText;
import io.github.nsglint.core.report.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: a summary table, the controls that did not pass, then the findings grouped by file.
 * GitHub refuses comments over 65,536 characters, so the text stays under {@value #LIMIT} and says so when cut.
 */
public final class MarkdownReporter implements Reporter {

    public static final String ID = "markdown";
    public static final int LIMIT = 65_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "md";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(render(report, LIMIT));
    }

    /** The comment, at most {@code limit} characters long. */
    static String render(Report report, int limit) {
        StringBuilder head = new StringBuilder();
        long open = report.findings().stream().filter(f -> !f.isSuppressed()).count();
        head.append("## nsglint: ").append(open == 0 ? "no findings" : open + " finding" + (open == 1 ? "" : "s"))
                .append(" in ").append(report.scan().files().size()).append(" file")
                .append(report.scan().files().size() == 1 ? "" : "s").append("\n\n");
        head.append("| severity | findings | indeterminate | suppressed |\n|---|---:|---:|---:|\n");
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
            List<Finding> of = report.findings().stream().filter(f -> f.severity() == s).toList();
            head.append("| ").append(s.toSarifLevel()).append(" | ")
                    .append(of.stream().filter(f -> !f.isSuppressed()).count()).append(" | ")
                    .append(of.stream().filter(f -> !f.isSuppressed() && f.kind() == Finding.Kind.INDETERMINATE)
                            .count()).append(" | ")
                    .append(of.stream().filter(Finding::isSuppressed).count()).append(" |\n");
        }
        head.append('\n');
        List<LoadDiagnostic> errors = new java.util.ArrayList<>(report.configurationErrors());
        report.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).forEach(errors::add);
        if (!errors.isEmpty()) {
            head.append("**Could not be read** (exit code 2):\n\n");
            for (LoadDiagnostic d : errors) {
                head.append("- `").append(code(d.location().display())).append("` ").append(text(d.message()))
                        .append('\n');
            }
            head.append('\n');
        }
        List<Control> failing = Control.of(report).stream()
                .filter(c -> c.status() == Control.Status.VIOLATED || c.status() == Control.Status.INDETERMINATE)
                .toList();
        if (!failing.isEmpty()) {
            head.append("| rule | status | resources |\n|---|---|---|\n");
            for (Control c : failing) {
                long bad = c.items().stream().filter(i -> i.status() == c.status()).count();
                head.append("| `").append(c.rule().id()).append("` ").append(text(c.rule().summary())).append(" | ")
                        .append(c.status().label()).append(" | ").append(bad).append(" of ").append(c.items().size())
                        .append(" |\n");
            }
            head.append('\n');
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byFile.computeIfAbsent(f.location().file(), k -> new java.util.ArrayList<>()).add(f);
        }
        StringBuilder body = new StringBuilder(head);
        int shown = 0;
        int total = report.findings().size();
        String cutNote = "";
        outer:
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            String fileHead = "### `" + code(e.getKey()) + "`\n\n";
            boolean headWritten = false;
            for (Finding f : e.getValue()) {
                String item = item(f);
                String note = "\n> " + (total - shown) + " more finding" + (total - shown == 1 ? "" : "s")
                        + " not shown: a comment is limited to " + limit + " characters. The SARIF, JSON or HTML"
                        + " report has them all.\n";
                int need = (headWritten ? 0 : fileHead.length()) + item.length() + note.length() + 1;
                if (body.length() + need > limit) {
                    cutNote = note;
                    break outer;
                }
                if (!headWritten) {
                    body.append(fileHead);
                    headWritten = true;
                }
                body.append(item);
                shown++;
            }
            body.append('\n');
        }
        body.append(cutNote);
        return body.toString();
    }

    private static String item(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append("- **").append(f.severity().toSarifLevel()).append("** `").append(f.rule().id()).append("` line ")
                .append(f.location().line()).append(':').append(f.location().column())
                .append(f.kind() == Finding.Kind.INDETERMINATE ? " *(indeterminate)*" : "")
                .append(f.isSuppressed() ? " *(suppressed: " + text(f.suppression().justification()) + ")*" : "")
                .append(" — ").append(text(f.message())).append('\n');
        if (f.evidence() instanceof Evidence.Flow flow) {
            sb.append("  witness `").append(code(flow.flow())).append("`, deciding ")
                    .append(text(flow.deciding().describe())).append('\n');
        } else if (f.evidence() instanceof Evidence.Unknown u && u.at() != null) {
            sb.append("  unknown: ").append(text(u.reason())).append(" (`").append(code(u.at().display()))
                    .append("`)\n");
        }
        return sb.toString();
    }

    /** Text that Markdown and GitHub's HTML must show as written: no markup, no tags, no table breaks. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : SafeText.escape(s).toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Text inside a code span: backticks cannot be escaped there, so they become quotes. */
    static String code(String s) {
        return SafeText.escape(s).replace('`', '\'').replace("|", "\\|");
    }
}
