package io.github.nsglint.cli.command;

import io.github.nsglint.cli.ExitCode;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import io.github.nsglint.core.topology.TargetMode;
import io.github.nsglint.report.text.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (folders: every *.json,"
            + " recursively).")
    private List<Path> paths;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "ARM parameters file (default: X.parameters.json beside each X.json).")
    private Path parameters;

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", description = "Extra .nsgl rule files or folders;"
            + " repeatable.")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above this severity: error, warning, note or never"
                    + " (default: ${DEFAULT-VALUE}).")
    private String failOn;

    @Option(names = "--bastion-rules", paramLabel = "SET", defaultValue = "current",
            description = "Bastion requirements to check: current (default) or bastion-2020 (the older four-rule"
                    + " guidance, for estates that opt in deliberately).")
    private String bastionRules;

    @Option(names = "--all-subnets", description = "Count every subnet in reach as a Bastion target, not only"
            + " subnets with a NIC.")
    private boolean allSubnets;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    private boolean verbose;

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
        String ruleSet = bastionRules.toLowerCase(Locale.ROOT);
        if (!RuleCatalog.BASTION_RULE_SETS.contains(ruleSet)) {
            err.println("nsglint: --bastion-rules must be one of " + RuleCatalog.BASTION_RULE_SETS);
            return ExitCode.BAD_INPUT.code();
        }
        RuleCatalog catalog;
        try {
            catalog = RuleCatalog.load(rules, ruleSet);
        } catch (RuleLoadException e) {
            err.println(e.render());
            err.println("nsglint: " + e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s")
                    + " in rule files; nothing was linted");
            return ExitCode.BAD_INPUT.code();
        }
        LintRequest request = new LintRequest(paths, parameters, rules, ruleSet,
                allSubnets ? TargetMode.ALL_SUBNETS : TargetMode.SUBNETS_WITH_NICS, ServiceTagPrefixes.NONE);
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
        return threshold != null && report.countAtLeast(threshold) > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
}
