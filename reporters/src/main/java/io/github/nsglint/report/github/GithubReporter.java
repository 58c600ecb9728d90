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
 *
 * <p>GitHub shows at most {@value #PER_KIND} error, {@value #PER_KIND} warning and {@value #PER_KIND} notice
 * annotations per step and drops the rest without a word (actions/toolkit, docs/problem-matchers.md). So the most
 * severe come first, at most that many of each kind are annotations, the others are plain log lines, and one
 * notice says how many were not annotated and where they all are.
 */
public final class GithubReporter implements Reporter {

    public static final String ID = "github";
    /** Annotations of one kind GitHub shows per step. */
    static final int PER_KIND = 10;

    /** Where the SARIF of the same run is written, for the overflow notice; null when none is. */
    private final String sarifFile;

    public GithubReporter() {
        this(null);
    }

    /** @param sarifFile where the run writes its SARIF (named by the overflow notice), or null */
    public GithubReporter(String sarifFile) {
        this.sarifFile = sarifFile;
    }

    /** One workflow command, and the same as a plain log line for when it cannot be an annotation. */
    private record Command(String level, String annotation, String logLine) {
    }

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
        java.util.List<Command> commands = new java.util.ArrayList<>();
        for (LoadDiagnostic d : report.configurationErrors()) {
            commands.add(command("error", d.location(), "nsglint: invalid configuration", SafeText.escape(d.message()),
                    root));
        }
        for (LoadDiagnostic d : report.diagnostics()) {
            if (d.level() == LoadDiagnostic.Level.ERROR) {
                commands.add(command("error", d.location(), "nsglint: cannot read the file",
                        SafeText.escape(d.message()), root));
            }
        }
        // Most severe first (the sort is stable: within a severity, the report's order).
        java.util.List<Finding> findings = new java.util.ArrayList<>(report.findings());
        findings.sort(java.util.Comparator.comparingInt(f -> -f.severity().ordinal()));
        for (Finding f : findings) {
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
            commands.add(command(level, f.location(), title, message.toString(), root));
        }
        java.util.Map<String, Integer> shown = new java.util.HashMap<>();
        long overflow = commands.stream().collect(java.util.stream.Collectors.groupingBy(Command::level,
                java.util.stream.Collectors.counting())).values().stream().mapToLong(n -> Math.max(0, n - PER_KIND))
                .sum();
        // The overflow notice is a notice too: it keeps one of the notices' places.
        int noticeRoom = overflow > 0 ? PER_KIND - 1 : PER_KIND;
        long notAnnotated = 0;
        for (Command c : commands) {
            int room = c.level().equals("notice") ? noticeRoom : PER_KIND;
            int n = shown.merge(c.level(), 1, Integer::sum);
            if (n <= room) {
                out.write(c.annotation());
            } else {
                out.write(c.logLine());
                notAnnotated++;
            }
        }
        if (notAnnotated > 0) {
            out.write("::notice title=" + property("nsglint: " + notAnnotated + " more not annotated") + "::"
                    + data("GitHub shows " + PER_KIND + " annotations of each kind per step; " + notAnnotated
                            + " more finding" + (notAnnotated == 1 ? " is" : "s are") + " in this step's log"
                            + (sarifFile != null ? " and, with every other, in " + sarifFile
                                    + " (code scanning shows them all)" : "; write SARIF too (--report"
                                    + " sarif=FILE) to see them all in code scanning")) + "\n");
        }
    }

    private static Command command(String level, SourceLocation at, String title, String message, Path root) {
        StringBuilder sb = new StringBuilder("::").append(level).append(' ');
        StringBuilder where = new StringBuilder();
        if (at != SourceLocation.BUILT_IN) {
            String file = relative(at.file(), root);
            sb.append("file=").append(property(file)).append(",line=").append(at.line())
                    .append(",col=").append(at.column());
            if (at.endLine() > at.line()) {
                sb.append(",endLine=").append(at.endLine());
            } else {
                sb.append(",endColumn=").append(at.endColumn());
            }
            sb.append(',');
            where.append(SafeText.escape(file)).append(':').append(at.line()).append(':').append(at.column())
                    .append(": ");
        }
        sb.append("title=").append(property(title)).append("::").append(data(message)).append('\n');
        // Not an annotation: a log line, which never starts with '::' and keeps to one line.
        String log = "nsglint: " + where + level + " " + data(title + ": " + message).replace("%0A", " | ")
                .replace("%25", "%") + "\n";
        return new Command(level, sb.toString(), log);
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
