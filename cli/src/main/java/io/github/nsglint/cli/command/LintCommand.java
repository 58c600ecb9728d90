package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.cli.GuardedWriter;
import io.github.nsglint.core.config.Configuration;
import io.github.nsglint.core.files.OutputFiles;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Gate;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import io.github.nsglint.core.report.SafeTextWriter;
import io.github.nsglint.report.github.GithubReporter;
import io.github.nsglint.report.sarif.SarifBaseline;
import io.github.nsglint.report.text.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nsglint lint PATH...}: run the catalog (and the user's rules) over templates; exit by the findings. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint ARM templates, Bicep-compiled JSON and Azure resource exports against the catalog and"
                + " your rules.",
            "Findings: file:line:column: severity RULEID message, then the witness flow and the deciding rule."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on (with --baseline: no new one)",
            "1:findings at or above --fail-on",
            "2:bad input or usage: unreadable or malformed file, invalid rule file, baseline or option (the other"
                    + " files are still linted and reported)"})
public final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Mixin
    private RuleOptions ruleOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, sarif, json, markdown, junit, github or html (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE (default:"
            + " standard output).")
    private Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", description = "Also write FORMAT to FILE; repeatable,"
            + " e.g. --report sarif=nsglint.sarif --report html=nsglint.html.")
    private Map<String, Path> reports = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "FILE.sarif", description = "A SARIF file of an earlier run: results"
            + " get a baseline state (new, unchanged, updated, absent) and only new ones count for --fail-on.")
    private Path baseline;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above this severity: error, warning, note or never"
                    + " (default: the configuration's failOn, else error).")
    private String failOn;

    @Mixin
    private ConfigOption config;

    @Option(names = {"--rule", "--check"}, paramLabel = "ID", description = "Report only this rule; repeatable"
            + " (--check is accepted, as Checkov spells it).")
    private List<String> onlyRules = new java.util.ArrayList<>();

    @Option(names = {"--skip-rule", "--skip-check"}, paramLabel = "ID", description = "Do not report this rule;"
            + " repeatable (--skip-check is accepted, as Checkov spells it).")
    private List<String> skipRules = new java.util.ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Findings and errors only: no notes about the inputs (such as"
            + " which parameters file was applied) and no warnings about them.")
    private boolean quiet;

    @Option(names = "--no-color", description = "No colours, even on a terminal (as NO_COLOR=1 does).")
    private boolean noColor;

    @Override
    public Integer call() throws Exception {
        // A template on standard input is looked up for .nsglint.yaml from the working folder, as if it were there.
        Path anchor = input.paths.get(0).equals(StandardInput.DASH) ? Path.of("").toAbsolutePath() : input.paths.get(0);
        try (StandardInput stdin = StandardInput.of(input.paths, System.in)) {
            input.paths = stdin.paths();
            return lint(anchor);
        }
    }

    private Integer lint(Path anchor) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectRun run = ProjectRun.of(config.file, input, ruleOptions, anchor);
        Configuration project = run.configuration();
        Gate gate;
        try {
            gate = Gate.choose(failOn, project.failOn(), 0);
        } catch (IllegalArgumentException e) {
            err.println("nsglint: --fail-on " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        if (!ruleOptions.validRuleSet(err)) {
            return ExitCode.BAD_INPUT.code();
        }
        Map<Reporter, Path> outputs = new LinkedHashMap<>();
        try {
            outputs.put(reporter(format), output);
            for (Map.Entry<String, Path> r : reports.entrySet()) {
                outputs.put(ReporterRegistry.byId(r.getKey()), r.getValue());
            }
        } catch (IllegalArgumentException e) {
            err.println("nsglint: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        // The annotations' overflow notice names the run's SARIF file, where every finding is.
        Path sarifFile = outputs.entrySet().stream().filter(e -> e.getKey().id().equals("sarif") && e.getValue() != null)
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (sarifFile != null) {
            Map<Reporter, Path> named = new LinkedHashMap<>();
            outputs.forEach((r, p) -> named.put(r instanceof GithubReporter ? new GithubReporter(sarifFile.toString())
                    : r, p));
            outputs = named;
        }
        if (output != null && output.getParent() == null && ReporterRegistry.all().stream().anyMatch(r -> r.id().equals(output.toString()))
                && !Files.exists(output)) {
            err.println("nsglint: '-o " + output + "' names the file to write, not a format; did you mean '-f "
                    + output + " -o FILE'?");
            return ExitCode.BAD_INPUT.code();
        }
        Path previous = baseline != null ? baseline : project.baseline();
        List<Path> files = outputs.values().stream().filter(java.util.Objects::nonNull).toList();
        List<OutputFiles.Clash> clashes = OutputFiles.clashes(files, run.inputs(previous));
        if (!clashes.isEmpty()) {
            for (OutputFiles.Clash c : clashes) {
                err.println(c.output() + ":1:1: error: not written: " + c.reason() + "; write it elsewhere");
            }
            err.println("nsglint: nothing was linted: an output would overwrite an input of the run");
            return ExitCode.BAD_INPUT.code();
        }
        Report report = run.lint(err, ReportNeeds.of(outputs.keySet()));
        report = SarifBaseline.compare(report, previous);
        if (!onlyRules.isEmpty() || !skipRules.isEmpty()) {
            java.util.Set<String> known = new java.util.HashSet<>();
            report.rules().forEach(r -> known.add(r.id()));
            for (String id : concat(onlyRules, skipRules)) {
                if (!known.contains(id)) {
                    err.println("nsglint: no rule '" + id + "' in this run; see 'nsglint rules'");
                    return ExitCode.BAD_INPUT.code();
                }
            }
            report = report.onlyRules(id -> (onlyRules.isEmpty() || onlyRules.contains(id)) && !skipRules.contains(id));
        }
        for (Map.Entry<Reporter, Path> o : outputs.entrySet()) {
            if (!write(o.getKey(), o.getValue(), report, out, err)) {
                return ExitCode.BAD_INPUT.code();
            }
        }
        boolean textOnStdout = output == null && format.equals(TextReporter.ID);
        for (LoadDiagnostic d : report.configurationErrors()) {
            if (!textOnStdout) {
                err.println(d.display());
            }
        }
        for (LoadDiagnostic d : report.diagnostics()) {
            if (quiet && d.level() != LoadDiagnostic.Level.ERROR) {
                continue;
            }
            if (d.level() != LoadDiagnostic.Level.ERROR || !textOnStdout) {
                err.println(d.display());
            }
        }
        err.flush();
        if (report.hasInputErrors()) {
            return ExitCode.BAD_INPUT.code();
        }
        return gate.fails(report) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The main format; text is coloured on a terminal unless --no-color or NO_COLOR says not to. */
    private Reporter reporter(String id) {
        Reporter r = ReporterRegistry.byId(id);
        if (r instanceof TextReporter && output == null && System.console() != null && !noColor
                && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"))) {
            return new TextReporter(true);
        }
        return r;
    }

    /**
     * Every output but the {@code github} format's workflow commands goes through the guard that lets no control
     * character or {@code ::} line start out (on standard output, the command line's stream already is one).
     */
    private static boolean write(Reporter reporter, Path file, Report report, PrintWriter out, PrintWriter err) {
        boolean commands = reporter.id().equals(GithubReporter.ID);
        if (file == null) {
            PrintWriter target = commands && out instanceof GuardedWriter g ? g.unguarded() : out;
            try {
                reporter.write(report, target);
            } catch (IOException e) {
                err.println("nsglint: cannot write " + reporter.id() + " output: " + e.getMessage());
                return false;
            }
            target.flush();
            return true;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    Writer target = commands ? w : new SafeTextWriter(w)) {
                reporter.write(report, target);
            }
            return true;
        } catch (IOException e) {
            err.println("nsglint: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }
}
