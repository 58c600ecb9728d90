package io.github.nsglint.report.markdown;

import io.github.nsglint.core.report.RuleMetadata;
import io.github.nsglint.report.ComplianceNames;
import java.util.List;
import java.util.Locale;

/**
 * The catalog's documentation, from the rules' own metadata: one page per rule ({@code docs/rules/ID.md}) and the
 * README's table of rules. {@code RuleDocsTest} keeps the files in the repository equal to what this renders.
 */
public final class RuleDocs {

    private RuleDocs() {
    }

    /** A rule's page, for {@code docs/rules/ID.md}. */
    public static String page(RuleMetadata m) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.id()).append(' ').append(m.name()).append("\n\n");
        sb.append("**Severity:** ").append(level(m)).append(" · **Since:** ").append(m.since())
                .append(" · **Bastion rule set:** ").append(m.ruleSet().isEmpty() ? "every" : m.ruleSet()).append("  \n");
        List<String> controls = ComplianceNames.of(m.sortedTags());
        if (!controls.isEmpty()) {
            sb.append("**Controls:** ").append(String.join(" · ", controls)).append("  \n");
        }
        sb.append("**Tags:** ").append(String.join(", ", m.sortedTags())).append("\n\n");
        sb.append(m.summary()).append("\n\n");
        if (!m.help().isBlank() && !m.help().strip().equals(m.summary())) {
            sb.append(m.help().strip()).append("\n\n");
        }
        if (!m.example().isBlank()) {
            sb.append("## Example\n\n```text\n").append(m.example().strip().replace("```", "~~~")).append("\n```\n\n");
        }
        sb.append("More: <").append(m.helpUri()).append(">\n\n");
        String file = m.source().substring(0, m.source().lastIndexOf(':'));
        String line = m.source().substring(m.source().lastIndexOf(':') + 1);
        sb.append("Source: [").append(file).append("](../../").append(file).append("#L").append(line).append(")\n");
        return sb.toString();
    }

    /** The README's table: one row per rule, linking its page. */
    public static String table(List<RuleMetadata> rules) {
        StringBuilder sb = new StringBuilder("| rule | severity | what it checks |\n|---|---|---|\n");
        for (RuleMetadata m : rules) {
            sb.append("| [").append(m.id()).append("](docs/rules/").append(m.id()).append(".md) ")
                    .append(m.name()).append(" | ").append(level(m)).append(" | ")
                    .append(m.summary().replace("|", "\\|")).append(m.ruleSet().isEmpty() ? ""
                            : " (Bastion rule set " + m.ruleSet() + ")").append(" |\n");
        }
        return sb.toString();
    }

    private static String level(RuleMetadata m) {
        return m.severity().name().toLowerCase(Locale.ROOT);
    }
}
