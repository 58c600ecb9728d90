package io.github.nsglint.core.engine;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.flow.ServiceTagPrefixes;
import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Path;
import java.util.List;

/**
 * What to lint and how; built alike by the command line and the Maven plugin.
 *
 * @param parametersOrNull an ARM parameters file for every template, or null to look beside each
 * @param bastionRuleSet   {@code current} (the default) or {@code bastion-2020}
 */
public record LintRequest(List<Path> inputs, Path parametersOrNull, List<Path> ruleFiles, String bastionRuleSet,
        TargetMode targets, ServiceTagPrefixes serviceTags) {

    public LintRequest {
        inputs = List.copyOf(inputs);
        ruleFiles = List.copyOf(ruleFiles);
        requireNonNull(bastionRuleSet, "bastionRuleSet is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(serviceTags, "serviceTags is null");
    }

    public static LintRequest of(List<Path> inputs) {
        return new LintRequest(inputs, null, List.of(), "current", TargetMode.SUBNETS_WITH_NICS, ServiceTagPrefixes.NONE);
    }
}
