package io.github.nsglint.core.flow;

import io.github.nsglint.core.model.Access;
import io.github.nsglint.core.model.SecurityRule;
import io.github.nsglint.core.model.SourceLocation;

/**
 * A rule ready for first-match evaluation in one context: the flows it certainly matches, those it perhaps
 * matches, and why it is uncertain. {@code access} is null when unknown; {@code source} is null for default and
 * synthetic rules.
 */
record CompiledRule(DecidingRule decides, SecurityRule source, long order, Access access, FlowBox definite,
        FlowBox possible, String uncertainty, SourceLocation uncertainAt) {

    boolean isCertain() {
        return uncertainty == null;
    }
}
