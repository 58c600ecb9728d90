package io.github.nsglint.core.config;

import io.github.nsglint.core.flow.InternetWidth;
import io.github.nsglint.core.topology.ConfiguredPorts;
import io.github.nsglint.core.topology.TargetMode;
import java.nio.file.Path;
import java.util.List;

/**
 * A project's {@code .nsglint.yaml}, read and checked. Every path is resolved against the file's folder. A key the
 * file does not set is null (or an empty list), so the command line and the defaults can fill it.
 *
 * @param file           the configuration file, or null for {@link #NONE}
 * @param failOn         {@code error}, {@code warning}, {@code note} or {@code never}, or null
 * @param severity       per-rule {@code off} or severity, in file order
 * @param rules          extra rule files or folders
 * @param serviceTags    Microsoft's ServiceTags_Public JSON, or null
 * @param targets        which subnets count as Bastion targets, or null
 * @param bastionRuleSet {@code current} or {@code bastion-2020}, or null
 * @param baseline       a SARIF file of an earlier run, or null
 * @param bastionPorts   custom ports Standard and Premium Bastions connect on ({@code bastion.ports})
 * @param internet       how many public addresses make the Internet at large ({@code internet}), or null
 */
public record Configuration(Path file, String failOn, List<RuleSetting> severity, List<Path> rules,
        List<ConfiguredSuppression> suppressions, Path serviceTags, TargetMode targets, String bastionRuleSet,
        Path baseline, List<ConfiguredPorts> bastionPorts, InternetWidth internet) {

    /** No configuration file: everything from the command line and the defaults. */
    public static final Configuration NONE = new Configuration(null, null, List.of(), List.of(), List.of(), null, null,
            null, null, List.of(), null);

    public Configuration {
        severity = List.copyOf(severity);
        rules = List.copyOf(rules);
        suppressions = List.copyOf(suppressions);
        bastionPorts = List.copyOf(bastionPorts);
    }
}
