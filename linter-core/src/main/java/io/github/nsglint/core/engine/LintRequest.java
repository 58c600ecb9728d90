package io.github.nsglint.core.engine;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.config.ConfiguredSuppression;
import io.github.nsglint.core.config.RuleSetting;
import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.report.ReportNeeds;
import io.github.nsglint.core.topology.ConfiguredPorts;
import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to lint and how; built alike by the command line and the Maven plugin.
 *
 * @param parametersOrNull an ARM parameters file for every template, or null to look beside each
 * @param bastionRuleSet   {@code current} (the default) or {@code bastion-2020}
 * @param sourceRoot       what reports make paths relative to (SARIF's {@code %SRCROOT%}): the repository root,
 *                         by default the working directory
 * @param ruleSettings     the project's per-rule {@code off} or severity
 * @param suppressions     the project's accepted findings (the configuration file's; the templates' own are read
 *                         with them)
 * @param parameterPairs   parameters files for particular templates, which win over {@code parametersOrNull} and
 *                         the {@code X.parameters.json} convention
 * @param needs            what the requested reports show that costs work (file hashes, fixes)
 * @param bastionPorts     the configuration's custom Bastion ports ({@code bastion.ports})
 * @param internetWidth    how many public addresses make the Internet at large ({@code internet})
 */
public record LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
        TargetMode targets, ServiceTagPrefixes serviceTags, Path sourceRoot, List<RuleSetting> ruleSettings,
        List<ConfiguredSuppression> suppressions, Map<Path, Path> parameterPairs, ReportNeeds needs,
        List<ConfiguredPorts> bastionPorts, InternetWidth internetWidth) {

    public LintRequest {
        inputs = List.copyOf(inputs);
        ruleFiles = List.copyOf(ruleFiles);
        requireNonNull(bastionRuleSet, "bastionRuleSet is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(serviceTags, "serviceTags is null");
        sourceRoot = sourceRoot == null ? Path.of("").toAbsolutePath() : sourceRoot.toAbsolutePath().normalize();
        ruleSettings = List.copyOf(ruleSettings);
        suppressions = List.copyOf(suppressions);
        Map<Path, Path> pairs = new LinkedHashMap<>();
        parameterPairs.forEach((t, f) -> pairs.put(t.toAbsolutePath().normalize(), f));
        parameterPairs = Collections.unmodifiableMap(pairs);
        requireNonNull(needs, "needs is null");
        bastionPorts = List.copyOf(bastionPorts);
        requireNonNull(internetWidth, "internetWidth is null");
    }

    /** A request with the default Internet width. */
    public LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
            TargetMode targets, ServiceTagPrefixes serviceTags, Path sourceRoot, List<RuleSetting> ruleSettings,
            List<ConfiguredSuppression> suppressions, Map<Path, Path> parameterPairs, ReportNeeds needs,
            List<ConfiguredPorts> bastionPorts) {
        this(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot, ruleSettings,
                suppressions, parameterPairs, needs, bastionPorts, InternetWidth.DEFAULT);
    }

    /** A request without custom Bastion ports. */
    public LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
            TargetMode targets, ServiceTagPrefixes serviceTags, Path sourceRoot, List<RuleSetting> ruleSettings,
            List<ConfiguredSuppression> suppressions, Map<Path, Path> parameterPairs, ReportNeeds needs) {
        this(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot, ruleSettings,
                suppressions, parameterPairs, needs, List.of());
    }

    /** A request for every part of a report. */
    public LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
            TargetMode targets, ServiceTagPrefixes serviceTags, Path sourceRoot, List<RuleSetting> ruleSettings,
            List<ConfiguredSuppression> suppressions, Map<Path, Path> parameterPairs) {
        this(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot, ruleSettings,
                suppressions, parameterPairs, ReportNeeds.ALL);
    }

    /** A request without per-rule settings or configured suppressions. */
    public LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
            TargetMode targets, ServiceTagPrefixes serviceTags, Path sourceRoot) {
        this(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot, List.of(),
                List.of(), Map.of());
    }

    public static LintRequest of(List<Path> inputs) {
        return new LintRequest(inputs, null, List.of(), "current", TargetMode.SUBNETS_WITH_NICS, ServiceTagPrefixes.NONE,
                null);
    }

    /** The same request with reports relative to another root. */
    public LintRequest withSourceRoot(Path root) {
        return new LintRequest(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, root,
                ruleSettings, suppressions, parameterPairs, needs, bastionPorts, internetWidth);
    }

    /** The same request with a project's rule settings and suppressions. */
    public LintRequest withProjectDecisions(List<RuleSetting> settings, List<ConfiguredSuppression> accepted) {
        return new LintRequest(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot,
                settings, accepted, parameterPairs, needs, bastionPorts, internetWidth);
    }

    /** The same request with the configuration's custom Bastion ports. */
    public LintRequest withBastionPorts(List<ConfiguredPorts> ports) {
        return new LintRequest(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot,
                ruleSettings, suppressions, parameterPairs, needs, ports, internetWidth);
    }

    /** The same request with the configuration's Internet width. */
    public LintRequest withInternetWidth(InternetWidth width) {
        return new LintRequest(inputs, parametersOrNull, ruleFiles, bastionRuleSet, targets, serviceTags, sourceRoot,
                ruleSettings, suppressions, parameterPairs, needs, bastionPorts, width);
    }
}
