package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.report.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built-in catalog: exactly DESIGN section 5's IDs, every file listed, every rule complete. */
class CatalogTest {

    static final Set<String> DESIGN_IDS = new TreeSet<>(List.of("BAS001", "BAS002", "BAS010", "BAS011", "BAS012",
            "BAS013", "BAS020", "BAS021", "BAS022", "BAS023", "BAS030", "BAS031", "BAS032", "BAS033", "BAS034",
            "BAS035", "SPK001", "SPK002", "SPK003", "NSG001", "NSG002", "NSG003", "NSG004", "NSG005", "NSG006",
            "NSG007", "NSG008", "NSG009", "NSG010", "NSG011", "NSG012", "NSG013", "NSG014", "NSG015", "NSG016", "ANA001"));

    @Test
    void theCurrentCatalogIsExactlyTheDesignsRules() {
        RuleCatalog c = RuleCatalog.load(List.of(), "current");
        assertEquals(DESIGN_IDS, c.rules().stream().map(RuleMetadata::id).collect(Collectors.toCollection(TreeSet::new)));
        for (RuleMetadata m : c.rules()) {
            assertTrue(m.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), m.id());
            assertFalse(m.summary().isBlank(), m.id());
            assertFalse(m.help().isBlank(), m.id());
            assertFalse(m.message().isBlank(), m.id());
            assertFalse(m.tags().isEmpty(), m.id());
            if (m.tags().contains("exposure")) {
                assertTrue(m.tags().stream().anyMatch(t -> t.startsWith("cis-azure-") || t.startsWith("mcsb-")),
                        m.id() + ": an exposure rule names the compliance controls it serves");
            }
            if (m.id().startsWith("NSG")) {
                assertTrue(m.example().contains("Fails:") && m.example().contains("Passes:"),
                        m.id() + ": an NSG rule shows what fails and what passes");
            }
        }
    }

    @Test
    void theBastion2020SetLeavesOutTheLaterRequirementsAndChecksFourRules() {
        RuleCatalog c = RuleCatalog.load(List.of(), "bastion-2020");
        Set<String> ids = c.rules().stream().map(RuleMetadata::id).collect(Collectors.toSet());
        for (String later : List.of("BAS012", "BAS013", "BAS022", "BAS023")) {
            assertFalse(ids.contains(later), later);
        }
        Policy bas002 = c.policy("BAS002").orElseThrow();
        assertEquals("bastion-2020", bas002.metadata().ruleSet());
        assertEquals(4, bas002.checks().size());
        // Today's eight flows; the outbound SSH/RDP one is 22 and 3389, or the custom ports that replace them.
        assertEquals(9, RuleCatalog.load(List.of(), "current").policy("BAS002").orElseThrow().checks().size());
    }

    @Test
    void theIndexListsEveryRuleFileOfTheRulesFolder() throws IOException {
        Path rules = Path.of(System.getProperty("nsglint.root", "..")).resolve("rules");
        Set<String> files;
        try (Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".nsgl")).map(p -> rules.relativize(p).toString()
                    .replace(java.io.File.separatorChar, '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(RuleCatalog.builtInNames()));
    }

    @Test
    void prefetchedBuiltInsGiveTheSameCatalogAndAUsersRulesFolderIsNotMistakenForThem(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Linter.prefetch();
        RuleCatalog cached = RuleCatalog.load(List.of(), "current");
        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (String name : RuleCatalog.builtInNames()) {
            // Same text under another name: compiled afresh, not taken from the cache.
            sources.put("fresh/" + name, RuleCatalog.resource(name));
        }
        RuleCatalog fresh = RuleCatalog.compile(sources, "current");
        assertEquals(fresh.rules().stream().map(m -> m.id() + m.severity() + m.message()).toList(),
                cached.rules().stream().map(m -> m.id() + m.severity() + m.message()).toList());

        // A user's own rules/ folder holding a file named like a built-in one is the user's file, not the cache's.
        String builtIn = RuleCatalog.builtInNames().get(0);
        java.util.Map<String, String> mine = new java.util.LinkedHashMap<>();
        mine.put("rules/" + builtIn, "rule ORG001 { oops");
        RuleLoadException e = org.junit.jupiter.api.Assertions.assertThrows(RuleLoadException.class,
                () -> RuleCatalog.compile(mine, "current"));
        assertEquals("rules/" + builtIn, e.errors().get(0).sourceName());
        Path broken = Files.writeString(dir.resolve("broken.nsgl"), "rule ORG001 { oops");
        RuleCatalog.Partial partial = RuleCatalog.loadValid(List.of(broken), "current");
        assertTrue(partial.errors() != null && partial.errors().errors().get(0).sourceName().endsWith("broken.nsgl"),
                String.valueOf(partial.errors()));
        assertEquals(cached.rules().size(), partial.catalog().rules().size(), "the built-in catalog still runs");
    }

    @Test
    void theVersionDigestsEveryRuleSourceAndTheRuleSetAndAConfiguredCopyKeepsIt(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        RuleCatalog builtIn = RuleCatalog.load(List.of(), "current");
        assertTrue(builtIn.version().matches(".+\\+current\\.[0-9a-f]{12}"), builtIn.version());
        assertEquals(builtIn.version(), RuleCatalog.load(List.of(), "current").version(), "same rules, same version");
        assertTrue(RuleCatalog.load(List.of(), "bastion-2020").version().contains("+bastion-2020."));
        Path mine = Files.writeString(dir.resolve("org.nsgl"), """
                rule ORG001 {
                  name: "vnets-named"
                  severity: note
                  since: "0.1.0"
                  summary: "Every VNet has a name"
                  help: "A test rule."
                  tags: ["org"]
                  message: "VNet {v.name} has no name"
                  for vnet v
                  expect v.name != ""
                }
                """);
        RuleCatalog withMine = RuleCatalog.load(List.of(mine), "current");
        assertFalse(builtIn.version().equals(withMine.version()), "a custom rule changes the version");
        Files.writeString(mine, Files.readString(mine).replace("note", "warning"));
        assertFalse(withMine.version().equals(RuleCatalog.load(List.of(mine), "current").version()),
                "a changed custom rule changes it");
        assertEquals(builtIn.version(), builtIn.configure(List.of()).catalog().version());
    }
}
