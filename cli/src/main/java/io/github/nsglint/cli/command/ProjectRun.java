package io.github.nsglint.cli.command;

import io.github.nsglint.core.config.Configuration;
import io.github.nsglint.core.engine.ProjectLint;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.topology.TargetMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** A {@link ProjectLint} set up from the command line's options. */
final class ProjectRun {

    private final ProjectLint project;
    private final InputOptions input;
    private final RuleOptions rules;

    private ProjectRun(ProjectLint project, InputOptions input, RuleOptions rules) {
        this.project = project;
        this.input = input;
        this.rules = rules;
    }

    /** Reads {@code configFile}, else the nearest {@code .nsglint.yaml} above the first input, else none. */
    static ProjectRun of(Path configFile, InputOptions input, RuleOptions rules) {
        return new ProjectRun(ProjectLint.configure(configFile, input.paths.get(0)), input, rules);
    }

    Configuration configuration() {
        return project.configuration();
    }

    /**
     * Lints; rule-file errors are also printed to {@code err} with their source lines and carets, and a progress
     * line when many files are loaded at a terminal.
     */
    Report lint(PrintWriter err) {
        return lint(err, ReportNeeds.ALL);
    }

    /** @param needs what the reports to be written show that costs work; the rest is not made */
    Report lint(PrintWriter err, ReportNeeds needs) {
        ProjectLint.Settings settings = new ProjectLint.Settings(input.paths, input.parameters, Map.of(), rules.rules,
                rules.bastionRules == null ? null : rules.ruleSet(), input.allSubnets ? TargetMode.ALL_SUBNETS : null,
                null, needs);
        try (ProgressLine progress = ProgressLine.on(err, System.console() != null, System.getenv())) {
            return project.run(settings, e -> RuleOptions.printErrors(e, err,
                    "linted without the files that have errors"), progress);
        }
    }
}
