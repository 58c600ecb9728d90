package io.github.nsglint.report.github;

import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Evidence;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.SafeText;
import io.github.nsglint.report.RepositoryPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}), which annotate the pull
 * request's diff without uploading SARIF. Suppressed findings are left out; unreadable files are errors.
 */
public final class GithubReporter implements Reporter {

    public static final String ID = "github";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultFileExtension() {
        return "github.txt";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Path root = Path.of(report.scan().root());
        for (LoadDiagnostic d : report.configurationErrors()) {
            out.write(command("error", d.location(), "nsglint: invalid configuration", SafeText.escape(d.message()),
                    root));
        }
        for (LoadDiagnostic d : report.diagnostics()) {
            if (d.level() == LoadDiagnostic.Level.ERROR) {
                out.write(command("error", d.location(), "nsglint: cannot read the file", SafeText.escape(d.message()),
                        root));
            }
        }
        for (Finding f : report.findings()) {
            if (f.isSuppressed()) {
                continue;
            }
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            // The message's own lines are joined with LF; a line break inside a name is escaped, never a new line.
            StringBuilder message = new StringBuilder(SafeText.escape(f.message()));
            if (f.evidence() instanceof Evidence.Flow flow) {
                message.append("\nwitness: ").append(SafeText.escape(flow.flow().toString())).append("\ndeciding: ")
                        .append(SafeText.escape(flow.deciding().describe()));
            } else if (f.evidence() instanceof Evidence.Unknown u) {
                message.append("\nunknown: ").append(SafeText.escape(u.reason()));
            }
            String title = f.rule().id() + " " + f.rule().name()
                    + (f.kind() == Finding.Kind.INDETERMINATE ? " (indeterminate)" : "");
            out.write(command(level, f.location(), title, message.toString(), root));
        }
    }

    private static String command(String level, SourceLocation at, String title, String message, Path root) {
        StringBuilder sb = new StringBuilder("::").append(level).append(' ');
        if (at != SourceLocation.BUILT_IN) {
            sb.append("file=").append(property(relative(at.file(), root))).append(",line=").append(at.line())
                    .append(",col=").append(at.column());
            if (at.endLine() > at.line()) {
                sb.append(",endLine=").append(at.endLine());
            } else {
                sb.append(",endColumn=").append(at.endColumn());
            }
            sb.append(',');
        }
        sb.append("title=").append(property(title)).append("::").append(data(message)).append('\n');
        return sb.toString();
    }

    /** Paths relative to the repository root, with forward slashes, as the annotations need them. */
    private static String relative(String file, Path root) {
        return RepositoryPaths.relative(root, file).orElse(RepositoryPaths.absolute(root, file).toString());
    }

    /**
     * A command's message: '%', CR and LF are escaped so one finding stays one command; any other control or bidi
     * character from a name is shown as an escape, so it cannot rewrite the log.
     */
    static String data(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            if (!sb.isEmpty()) {
                sb.append("%0A");
            }
            sb.append(SafeText.escape(line).replace("%", "%25"));
        }
        return sb.toString();
    }

    /** A property value: also ':' and ',' which separate properties. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
