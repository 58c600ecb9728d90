package io.github.nsglint.report.text;

import io.github.nsglint.core.flow.DecidingRule;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The terminal format: one line per finding, {@code file:line:column: severity RULEID message}, then the
 * witness flow and the deciding rule (or why it is indeterminate) indented, then a summary. Errors reading the
 * input come first, in the same {@code file:line:column} form.
 */
public final class TextReporter implements Reporter {

    public static final String ID = "text";

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
        for (Finding f : report.findings()) {
            out.write(f.location().display() + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " "
                    + f.rule().id() + (f.kind() == Finding.Kind.INDETERMINATE ? " (indeterminate)" : "") + " "
                    + f.message() + nl);
            if (!(f.evidence() instanceof Evidence.Property p && f.message().contains(p.found()))) {
                evidence(f.evidence(), out, nl);
            }
        }
        out.write(summary(report) + nl);
    }

    private static void evidence(Evidence e, Writer out, String nl) throws IOException {
        if (e instanceof Evidence.Flow flow) {
            out.write("    witness: " + flow.flow() + nl);
            out.write("    deciding: " + deciding(flow.deciding()) + nl);
        } else if (e instanceof Evidence.Unknown u) {
            out.write("    unknown: " + u.reason() + (u.at() == null ? "" : " (" + u.at().display() + ")") + nl);
            if (u.candidate() != null) {
                out.write("    would break it: " + u.candidate().flow() + ", " + deciding(u.candidate().deciding()) + nl);
            }
        } else if (e instanceof Evidence.Property p) {
            out.write("    found: " + p.found() + nl);
        }
    }

    private static String deciding(DecidingRule d) {
        return d.describe() + (d.location() == null ? "" : " at " + d.location().display());
    }

    static String summary(Report r) {
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = r.findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
        long unknown = r.findings().stream().filter(f -> f.kind() == Finding.Kind.INDETERMINATE).count();
        long inputErrors = r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR).count();
        return "nsglint: " + r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + " ("
                + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + (notes > 0 ? ", " + notes + " notes" : "") + "; " + unknown
                + " indeterminate) in " + r.files().size() + " file" + (r.files().size() == 1 ? "" : "s") + ", "
                + r.rules().size() + " rules" + (inputErrors > 0 ? "; " + inputErrors + " input error"
                + (inputErrors == 1 ? "" : "s") : "");
    }
}
