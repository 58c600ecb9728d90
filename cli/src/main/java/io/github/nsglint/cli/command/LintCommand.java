package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.AbsentResult;
import io.github.nsglint.core.report.Baseline;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import io.github.nsglint.core.report.ScanInfo;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.report.ToolInfo;
import io.github.nsglint.report.sarif.SarifBaseline;
import io.github.nsglint.report.text.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above this severity: error, warning, note or never"
                    + " (default: ${DEFAULT-VALUE}).")
    private String failOn;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = null;
        if (!failOn.equalsIgnoreCase("never")) {
            threshold = Severity.parse(failOn).orElse(null);
            if (threshold == null) {
                err.println("nsglint: --fail-on must be error, warning, note or never, not '" + failOn + "'");
                return ExitCode.BAD_INPUT.code();
            }
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
        Report report = lint(err);
        if (baseline != null && !report.hasInputErrors()) {
            try {
                List<AbsentResult> previous = SarifBaseline.read(baseline);
                report = Baseline.compare(report, previous);
            } catch (SarifBaseline.BaselineException e) {
                err.println("nsglint: " + e.getMessage());
                report = failed(report, new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                        SourceLocation.caret(baseline.toString(), 1, 1), e.getMessage()));
            }
        }
        for (Map.Entry<Reporter, Path> o : outputs.entrySet()) {
            if (!write(o.getKey(), o.getValue(), report, out, err)) {
                return ExitCode.BAD_INPUT.code();
            }
        }
        for (LoadDiagnostic d : report.diagnostics()) {
            if (d.level() != LoadDiagnostic.Level.ERROR || output != null || !format.equals(TextReporter.ID)) {
                err.println(d.display());
            }
        }
        err.flush();
        if (report.hasInputErrors()) {
            return ExitCode.BAD_INPUT.code();
        }
        return threshold != null && report.countFailing(threshold) > 0 ? ExitCode.FINDINGS.code()
                : ExitCode.OK.code();
    }

    /** The main format; text is coloured on a terminal unless NO_COLOR is set. */
    private Reporter reporter(String id) {
        Reporter r = ReporterRegistry.byId(id);
        if (r instanceof TextReporter && output == null && System.console() != null
                && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"))) {
            return new TextReporter(true);
        }
        return r;
    }

    /** Lints, or, when a rule file is invalid, a report of its errors: every format says why nothing ran. */
    private Report lint(PrintWriter err) {
        RuleCatalog catalog;
        try {
            catalog = ruleOptions.load();
        } catch (RuleLoadException e) {
            RuleOptions.printErrors(e, err);
            List<LoadDiagnostic> errors = new ArrayList<>();
            e.errors().forEach(x -> errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                    SourceLocation.caret(x.sourceName(), x.line(), x.column()), x.message())));
            Instant now = Instant.now();
            return Report.configurationFailed(new ScanInfo(ToolInfo.VERSION, "", now, now,
                    Path.of("").toAbsolutePath().toString(), List.of()), errors);
        }
        LintRequest request = new LintRequest(input.paths, input.parameters, ruleOptions.rules, ruleOptions.ruleSet(),
                input.targets(), ServiceTagPrefixes.NONE, null);
        return Linter.run(request, catalog);
    }

    private static Report failed(Report r, LoadDiagnostic error) {
        List<LoadDiagnostic> errors = new ArrayList<>(r.configurationErrors());
        errors.add(error);
        return new Report(r.scan(), r.rules(), r.evaluations(), r.findings(), r.fixes(), r.absent(), r.diagnostics(),
                errors, r.model(), r.topology());
    }

    private static boolean write(Reporter reporter, Path file, Report report, PrintWriter out, PrintWriter err) {
        if (file == null) {
            try {
                reporter.write(report, out);
            } catch (IOException e) {
                err.println("nsglint: cannot write " + reporter.id() + " output: " + e.getMessage());
                return false;
            }
            out.flush();
            return true;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                reporter.write(report, w);
            }
            return true;
        } catch (IOException e) {
            err.println("nsglint: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }
}
