package io.github.nsglint.core.config;

import static java.util.Objects.requireNonNull;

import io.github.nsglint.core.model.SourceLocation;
import io.github.nsglint.core.report.Severity;

/**
 * A project's decision about one rule: turned off, or reported at another severity.
 *
 * @param severity the severity to report at, or null when the rule is off
 * @param location where the configuration says so, for errors such as an unknown rule ID
 */
public record RuleSetting(String ruleId, Severity severity, SourceLocation location) {

    public RuleSetting {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(location, "location is null");
    }

    public boolean off() {
        return severity == null;
    }
}
