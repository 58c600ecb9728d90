package io.github.nsglint.core.engine;

import io.github.nsglint.core.config.Configuration;
import io.github.nsglint.core.config.ConfigurationLoader;
import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.LoadProgress;
import io.github.nsglint.core.load.ServiceTagFile;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One lint as a project runs it, alike from the command line and the Maven plugin: the caller's settings over
 * the configuration file over the defaults. A broken configuration entry, rule file or service tag file is left
 * out and becomes a configuration error of the report (bad input); everything else is still linted, so the
 * report shows what the rest found.
 */
public final class ProjectLint {

    /**
     * What the caller sets; a null (or, for lists, empty) value leaves the configuration's, else the default.
     *
     * @param parameters     one parameters file for every template
     * @param parameterPairs parameters files for particular templates
     * @param extraRules     rule files or folders added to the configuration's
     * @param sourceRoot     what reports make paths relative to; null for the working directory
     */
    public record Settings(List<Path> inputs, Path parameters, Map<Path, Path> parameterPairs, List<Path> extraRules,
            String bastionRuleSet, TargetMode targets, Path sourceRoot, ReportNeeds needs) {
        public Settings {
            inputs = List.copyOf(inputs);
            parameterPairs = Map.copyOf(parameterPairs);
            extraRules = List.copyOf(extraRules);
        }

        /** Settings for every part of a report. */
        public Settings(List<Path> inputs, Path parameters, Map<Path, Path> parameterPairs, List<Path> extraRules,
                String bastionRuleSet, TargetMode targets, Path sourceRoot) {
            this(inputs, parameters, parameterPairs, extraRules, bastionRuleSet, targets, sourceRoot, ReportNeeds.ALL);
        }
    }

    private final Configuration configuration;
    private final List<LoadDiagnostic> configurationErrors;

    private ProjectLint(Configuration configuration, List<LoadDiagnostic> configurationErrors) {
        this.configuration = configuration;
        this.configurationErrors = List.copyOf(configurationErrors);
    }

    /**
     * Reads {@code configFile}, else the nearest {@code .nsglint.yaml} at or above {@code searchFrom}, else none.
     */
    public static ProjectLint configure(Path configFile, Path searchFrom) {
        Path file = configFile != null ? configFile
                : searchFrom == null ? null : ConfigurationLoader.find(searchFrom).orElse(null);
        if (file == null) {
            return new ProjectLint(Configuration.NONE, List.of());
        }
        ConfigurationLoader.Result result = ConfigurationLoader.load(file);
        return new ProjectLint(result.configuration(), result.errors());
    }

    public Configuration configuration() {
        return configuration;
    }

    /**
     * Lints. {@code ruleErrors} hears about rule files left out for their errors (the command line prints them
     * with carets); they are configuration errors of the report too.
     */
    public Report run(Settings s, Consumer<RuleLoadException> ruleErrors, LoadProgress progress) {
        List<LoadDiagnostic> errors = new ArrayList<>(configurationErrors);
        String ruleSet = s.bastionRuleSet() != null ? s.bastionRuleSet()
                : configuration.bastionRuleSet() != null ? configuration.bastionRuleSet() : "current";
        List<Path> ruleFiles = new ArrayList<>(configuration.rules());
        ruleFiles.addAll(s.extraRules());
        ServiceTagPrefixes tags = ServiceTagPrefixes.NONE;
        if (configuration.serviceTags() != null) {
            try {
                tags = ServiceTagFile.read(configuration.serviceTags());
            } catch (TemplateLoadException e) {
                errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                        SourceLocation.caret(e.file(), e.line(), e.column()), "service tag file: " + e.errorMessage()));
            }
        }
        TargetMode targets = s.targets() != null ? s.targets()
                : configuration.targets() != null ? configuration.targets() : TargetMode.SUBNETS_WITH_NICS;
        LintRequest request = new LintRequest(s.inputs(), s.parameters(), ruleFiles, ruleSet, targets, tags,
                s.sourceRoot(), configuration.severity(), configuration.suppressions(), s.parameterPairs(),
                s.needs(), configuration.bastionPorts(),
                configuration.internet() != null ? configuration.internet() : InternetWidth.DEFAULT);
        // The catalog is compiled when the linter asks for it, after loading the inputs: a prefetch started at
        // program start has had that much longer to finish.
        Supplier<RuleCatalog> catalog = () -> {
            RuleCatalog.Partial partial = RuleCatalog.loadValid(ruleFiles, ruleSet);
            if (partial.errors() != null) {
                ruleErrors.accept(partial.errors());
                partial.errors().errors().forEach(x -> errors.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR,
                        SourceLocation.caret(x.sourceName(), x.line(), x.column()), x.message())));
            }
            return partial.catalog();
        };
        return Linter.run(request, catalog, Clock.systemUTC(), progress).withConfigurationErrors(errors);
    }
}
