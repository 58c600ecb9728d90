package io.github.nsglint.report.text;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.SafeText;
import io.github.nsglint.core.report.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The terminal format: one line per finding, {@code file:line:column: severity RULEID message}, then the
 * witness flow and the deciding rule (or why it is indeterminate) indented, then a summary. Errors reading the
 * input come first, in the same {@code file:line:column} form.
 */
public final class TextReporter implements Reporter {

    public static final String ID = "text";
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;

    /** Plain text, as in files and CI logs. */
    public TextReporter() {
        this(false);
    }

    /** With {@code color}, severities and rule IDs in ANSI colours, for a terminal. */
    public TextReporter(boolean color) {
        this.color = color;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "txt";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        String nl = System.lineSeparator();
        for (LoadDiagnostic d : report.diagnostics()) {
            if (d.level() == LoadDiagnostic.Level.ERROR) {
                out.write(d.display() + nl);
            }
        }
        for (LoadDiagnostic d : report.configurationErrors()) {
            out.write(d.display() + nl);
        }
        for (Finding f : report.findings()) {
            String severity = f.severity().name().toLowerCase(Locale.ROOT);
            out.write(safe(f.location().display()) + ": " + paint(severity, severityColor(f)) + " "
                    + paint(safe(f.rule().id()), BOLD)
                    + (f.kind() == Finding.Kind.INDETERMINATE ? " (indeterminate)" : "")
                    + (f.baseline() != null ? " (" + f.baseline().sarifName() + ")" : "") + " "
                    + safe(f.message()) + nl);
            if (f.isSuppressed()) {
                out.write(paint("    suppressed: " + safe(f.suppression().justification())
                        + (f.suppression().expires() == null ? "" : " (until " + f.suppression().expires() + ")"),
                        DIM) + nl);
            }
            if (!(f.evidence() instanceof Evidence.Property p && f.message().contains(p.found()))) {
                StringWriter ev = new StringWriter();
                evidence(f.evidence(), ev, nl);
                for (String line : ev.toString().split(nl)) {
                    if (!line.isEmpty()) {
                        out.write(paint(line, DIM) + nl);
                    }
                }
            }
        }
        out.write(summary(report) + nl);
    }

    private String paint(String text, String ansi) {
        return color ? ansi + text + RESET : text;
    }

    private static String severityColor(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case NOTE -> "\u001b[1;36m";
        };
    }

    private static void evidence(Evidence e, Writer out, String nl) throws IOException {
        if (e instanceof Evidence.Flow flow) {
            out.write("    witness: " + safe(flow.flow().toString()) + nl);
            out.write("    deciding: " + deciding(flow.deciding()) + nl);
        } else if (e instanceof Evidence.Unknown u) {
            out.write("    unknown: " + safe(u.reason()) + (u.at() == null ? "" : " (" + safe(u.at().display()) + ")")
                    + nl);
            if (u.candidate() != null) {
                out.write("    would break it: " + safe(u.candidate().flow().toString()) + ", "
                        + deciding(u.candidate().deciding()) + nl);
            }
        } else if (e instanceof Evidence.Property p) {
            out.write("    found: " + safe(p.found()) + nl);
        }
    }

    private static String deciding(DecidingRule d) {
        return safe(d.describe() + (d.location() == null ? "" : " at " + d.location().display()));
    }

    /** Names and texts from the inputs, with control and bidi characters shown as escapes. */
    private static String safe(String s) {
        return SafeText.escape(s);
    }

    /**
     * The counts by severity of what can fail the gate: unsuppressed findings and, with a baseline, only the new
     * ones (as the exit code counts them), then the rest by kind.
     */
    static String summary(Report r) {
        boolean baseline = r.hasBaseline();
        java.util.function.Predicate<Finding> counts = f -> !f.isSuppressed()
                && (f.baseline() == null || f.baseline() == io.github.nsglint.core.report.BaselineState.NEW);
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR && counts.test(f)).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING && counts.test(f)).count();
        long notes = r.findings().stream().filter(f -> f.severity() == Severity.NOTE && counts.test(f)).count();
        long suppressed = r.findings().stream().filter(Finding::isSuppressed).count();
        long known = r.findings().stream().filter(f -> !f.isSuppressed() && !counts.test(f)).count();
        long unknown = r.findings().stream().filter(f -> f.kind() == Finding.Kind.INDETERMINATE).count();
        long inputErrors = r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count()
                + r.configurationErrors().size();
        return "nsglint: " + r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + " ("
                + (baseline ? "new: " : "") + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings
                + " warning" + (warnings == 1 ? "" : "s") + (notes > 0 ? ", " + notes + " notes" : "") + "; "
                + unknown + " indeterminate" + (suppressed > 0 ? ", " + suppressed + " suppressed" : "")
                + (baseline ? ", " + known + " in the baseline" : "") + ") in " + r.files().size() + " file"
                + (r.files().size() == 1 ? "" : "s") + ", " + r.rules().size() + " rules"
                + (inputErrors > 0 ? "; " + inputErrors + " input error" + (inputErrors == 1 ? "" : "s") : "");
    }
}
