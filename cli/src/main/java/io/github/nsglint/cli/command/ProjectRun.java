package io.github.nsglint.cli.command;

import io.github.nsglint.core.config.Configuration;
import io.github.nsglint.core.config.ConfigurationLoader;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.ServiceTagFile;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.topology.TargetMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One lint as the commands run it: the command line over the configuration file over the defaults. A broken
 * configuration entry, rule file or service tag file is left out and becomes a configuration error of the report
 * (exit 2); everything else is still linted, so the report shows what the rest found.
 */
final class ProjectRun {

    private final Configuration configuration;
    private final List<LoadDiagnostic> setupErrors;
    private final InputOptions input;
    private final RuleOptions rules;

    private ProjectRun(Configuration configuration, List<LoadDiagnostic> setupErrors, InputOptions input,
            RuleOptions rules) {
        this.configuration = configuration;
        this.setupErrors = setupErrors;
        this.input = input;
        this.rules = rules;
    }

    /** Reads {@code configFile}, else the nearest {@code .nsglint.yaml} above the first input, else none. */
    static ProjectRun of(Path configFile, InputOptions input, RuleOptions rules) {
        Path file = configFile != null ? configFile : ConfigurationLoader.find(input.paths.get(0)).orElse(null);
        List<LoadDiagnostic> errors = new ArrayList<>();
        Configuration c = Configuration.NONE;
        if (file != null) {
            ConfigurationLoader.Result result = ConfigurationLoader.load(file);
            errors.addAll(result.errors());
            c = result.configuration();
        }
        return new ProjectRun(c, errors, input, rules);
    }

    Configuration configuration() {
        return configuration;
    }

    /**
     * Lints; rule-file errors are also printed to {@code err} with their source lines and carets, and a progress
     * line when many files are loaded at a terminal.
     */
    Report lint(PrintWriter err) {
        List<LoadDiagnostic> errors = new ArrayList<>(setupErrors);
        String ruleSet = rules.ruleSet(configuration.bastionRuleSet());
        List<Path> ruleFiles = new ArrayList<>(configuration.rules());
        ruleFiles.addAll(rules.rules);
        ServiceTagPrefixes tags = ServiceTagPrefixes.NONE;
        if (configuration.serviceTags() != null) {
            try {
                tags = ServiceTagFile.read(configuration.serviceTags());
            } catch (TemplateLoadException e) {
                errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                        SourceLocation.caret(e.file(), e.line(), e.column()), "service tag file: " + e.errorMessage()));
            }
        }
        TargetMode targets = input.allSubnets ? TargetMode.ALL_SUBNETS
                : configuration.targets() != null ? configuration.targets() : TargetMode.SUBNETS_WITH_NICS;
        LintRequest request = new LintRequest(input.paths, input.parameters, ruleFiles, ruleSet, targets, tags, null,
                configuration.severity(), configuration.suppressions());
        // The catalog is compiled when the linter asks for it, after loading the inputs: a prefetch started at
        // program start has had that much longer to finish.
        Supplier<RuleCatalog> catalog = () -> {
            RuleCatalog.Partial partial = RuleCatalog.loadValid(ruleFiles, ruleSet);
            if (partial.errors() != null) {
                RuleOptions.printErrors(partial.errors(), err, "linted without the files that have errors");
                partial.errors().errors().forEach(x -> errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                        SourceLocation.caret(x.sourceName(), x.line(), x.column()), x.message())));
            }
            return partial.catalog();
        };
        try (ProgressLine progress = ProgressLine.on(err, System.console() != null, System.getenv())) {
            Report report = Linter.run(request, catalog, Clock.systemUTC(), progress);
            return report.withConfigurationErrors(errors);
        }
    }
}
