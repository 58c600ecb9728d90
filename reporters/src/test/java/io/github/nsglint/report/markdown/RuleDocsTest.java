package io.github.nsglint.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules/ID.md and the README's table of rules are what the catalog's metadata renders, for every rule of both
 * Bastion rule sets. After changing a rule: {@code mvn -pl reporters test -Dtest=RuleDocsTest
 * -Dnsglint.writeRuleDocs=true} rewrites the pages (the README's table is printed by the failure to paste).
 */
class RuleDocsTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs/rules");

    static List<RuleMetadata> catalog() {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        for (String set : RuleCatalog.BASTION_RULE_SETS) {
            RuleCatalog.load(List.of(), set).rules().forEach(m -> byId.putIfAbsent(m.id(), m));
        }
        List<RuleMetadata> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparing(RuleMetadata::id));
        return all;
    }

    @Test
    void everyRuleHasItsPageAndNoPageIsLeftOver() throws IOException {
        boolean write = Boolean.getBoolean("nsglint.writeRuleDocs");
        List<String> stale = new ArrayList<>();
        for (RuleMetadata m : catalog()) {
            Path page = DOCS.resolve(m.id() + ".md");
            String expected = RuleDocs.page(m);
            if (write) {
                Files.createDirectories(DOCS);
                Files.writeString(page, expected);
            } else if (!Files.exists(page) || !Files.readString(page).equals(expected)) {
                stale.add(page.toString());
            }
        }
        assertEquals(List.of(), stale, "rewrite with -Dnsglint.writeRuleDocs=true");
        try (Stream<Path> pages = Files.list(DOCS)) {
            List<String> ids = catalog().stream().map(m -> m.id() + ".md").toList();
            assertEquals(List.of(), pages.map(p -> p.getFileName().toString()).filter(n -> !ids.contains(n)).toList(),
                    "a page for no rule");
        }
    }

    @Test
    void theReadmeTablesEveryRule() throws IOException {
        String table = RuleDocs.table(catalog());
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains(table), "README.md should hold this table:\n" + table);
    }
}
