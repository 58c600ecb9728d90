package io.github.nsglint.cli.command;

import io.github.nsglint.core.config.Configuration;
import io.github.nsglint.core.engine.ProjectLint;
import io.github.nsglint.core.files.OutputFiles;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.topology.TargetMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

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
        return of(configFile, input, rules, input.paths.get(0));
    }

    /** As {@link #of(Path, InputOptions, RuleOptions)}, looking for the configuration from {@code anchor}. */
    static ProjectRun of(Path configFile, InputOptions input, RuleOptions rules, Path anchor) {
        return new ProjectRun(ProjectLint.configure(configFile, anchor), input, rules);
    }

    /** Everything this run reads, for {@link OutputFiles#clashes}: no output may be written over one of them. */
    List<OutputFiles.Input> inputs(Path baseline) {
        List<OutputFiles.Input> in = new ArrayList<>();
        for (Path p : input.paths) {
            in.add(new OutputFiles.Input(p, ".json", "template"));
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                in.add(OutputFiles.Input.file(p.resolveSibling(name.substring(0, name.length() - 5)
                        + ".parameters.json"), "parameters file"));
            }
        }
        Configuration c = project.configuration();
        Stream.of(input.parameters, c.file(), c.serviceTags(), baseline).filter(Objects::nonNull)
                .forEach(p -> in.add(OutputFiles.Input.file(p, p == baseline ? "baseline" : "file")));
        Stream.concat(rules.rules.stream(), c.rules().stream())
                .forEach(p -> in.add(new OutputFiles.Input(p, ".nsgl", "rule")));
        return in;
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
