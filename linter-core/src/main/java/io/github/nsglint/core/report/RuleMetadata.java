package io.github.nsglint.core.report;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What a rule is, from its header: stable ID (the catalog IDs of DESIGN section 5), kebab-case name, default
 * severity, summary (one line), help (Markdown), message template, help URI, tags (compliance controls), and
 * the Bastion rule set it belongs to ({@code current}, {@code bastion-2020}, or empty for all).
 *
 * @param example what fails and what passes, in the files' own terms (empty when the rule gives none)
 * @param source  where the rule is written, for {@code nsglint explain}
 */
public record RuleMetadata(String id, String name, Severity severity, String since, String summary, String help,
        String example, String message, URI helpUri, Set<String> tags, String ruleSet, String source) {

    public RuleMetadata {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(since, "since is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(help, "help is null");
        requireNonNull(example, "example is null");
        requireNonNull(message, "message is null");
        requireNonNull(helpUri, "helpUri is null");
        tags = Set.copyOf(tags);
        requireNonNull(ruleSet, "ruleSet is null");
        requireNonNull(source, "source is null");
    }

    /** The same rule at another severity. */
    public RuleMetadata withSeverity(Severity s) {
        return new RuleMetadata(id, name, s, since, summary, help, example, message, helpUri, tags, ruleSet, source);
    }

    /** Tags in a stable order, for output. */
    public List<String> sortedTags() {
        return tags.stream().sorted().toList();
    }
}
