package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.report.text.TextReporter;
import java.io.PrintWriter;
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
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
            "2:bad input or usage: unreadable or malformed file, invalid rule file or option (the other files are"
                    + " still linted and reported)"})
public final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Mixin
    private RuleOptions ruleOptions;

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
        RuleCatalog catalog = ruleOptions.load(err);
        if (catalog == null) {
            return ExitCode.BAD_INPUT.code();
        }
        LintRequest request = new LintRequest(input.paths, input.parameters, ruleOptions.rules, ruleOptions.ruleSet(),
                input.targets(), ServiceTagPrefixes.NONE, null);
        Report report = Linter.run(request, catalog);
        new TextReporter().write(report, out);
        out.flush();
        for (LoadDiagnostic d : report.diagnostics()) {
            if (d.level() != LoadDiagnostic.Level.ERROR) {
                err.println(d.display());
            }
        }
        err.flush();
        if (report.hasInputErrors()) {
            return ExitCode.BAD_INPUT.code();
        }
        return threshold != null && report.countFailing(threshold) > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
}
