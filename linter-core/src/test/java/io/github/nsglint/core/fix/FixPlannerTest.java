package io.github.nsglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixes are real changes: every fix offered for a failing fixture, applied as text to the unchanged file, makes
 * the findings it claims to fix disappear when the file is linted again, keeps the file loading cleanly, and
 * adds no finding of its own.
 */
class FixPlannerTest {

    private static final Path FIXTURES = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath()
            .normalize().resolve("fixtures");
    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");

    @TempDir
    Path temp;

    static Stream<Path> failingFixtures() throws IOException {
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            return walk.filter(p -> p.getFileName().toString().matches("(fail-.*|azuredeploy)\\.json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingFixtures")
    void everyFixRemovesTheFindingsItClaims(Path fixture) throws IOException {
        Report before = Linter.run(LintRequest.of(List.of(fixture)), CATALOG);
        List<String> prints = before.fingerprints();
        for (Fix fix : before.fixes()) {
            String patched = apply(Files.readString(fixture, StandardCharsets.UTF_8), fix.edit());
            Path copy = temp.resolve(fixture.getFileName());
            Files.writeString(copy, patched, StandardCharsets.UTF_8);
            Report after = Linter.run(LintRequest.of(List.of(copy)), CATALOG);
            assertEquals(List.of(), after.diagnostics().stream()
                    .filter(d -> d.level() != io.github.nsglint.core.load.LoadDiagnostic.Level.NOTE)
                    .map(d -> d.display()).toList(), "the patched file loads cleanly:\n" + patched);
            Set<String> remaining = keys(after);
            for (String fixed : fix.fixes()) {
                Finding f = before.findings().get(prints.indexOf(fixed));
                assertFalse(remaining.contains(key(f)), fix.description() + " should fix " + f.rule().id() + " "
                        + f.message());
            }
            Set<String> previous = keys(before);
            List<String> added = after.findings().stream().map(FixPlannerTest::key)
                    .filter(k -> !previous.contains(k)).toList();
            assertEquals(List.of(), added, fix.description() + " adds no finding");
        }
    }

    @Test
    void theFixturesOfferFixesForTheRequiredRules() throws IOException {
        Map<String, Integer> fixedRules = new TreeMap<>();
        for (Path fixture : failingFixtures().toList()) {
            Report r = Linter.run(LintRequest.of(List.of(fixture)), CATALOG);
            List<String> prints = r.fingerprints();
            for (Fix fix : r.fixes()) {
                for (String p : fix.fixes()) {
                    fixedRules.merge(r.findings().get(prints.indexOf(p)).rule().id(), 1, Integer::sum);
                }
            }
        }
        // BAS011's fixture denies at priority 95, below Azure's lowest (100): no rule can rank before it.
        for (String id : List.of("BAS002", "BAS010", "BAS012", "BAS013", "BAS020", "BAS021", "BAS022",
                "BAS023", "SPK001")) {
            assertTrue(fixedRules.containsKey(id), id + " gets a fix; fixed: " + fixedRules);
        }
    }

    @Test
    void theInsertedRuleRanksBeforeTheDenyAndKeepsTheIndentation() throws IOException {
        Path fixture = FIXTURES.resolve("BAS012/fail-deny-probes.json");
        Report r = Linter.run(LintRequest.of(List.of(fixture)), CATALOG);
        Fix fix = r.fixes().stream().filter(x -> x.description().contains("AzureLoadBalancer")).findFirst()
                .orElseThrow(() -> new AssertionError("no fix: " + r.fixes()));
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) fix.rule().get("properties");
        assertEquals("AzureLoadBalancer", props.get("sourceAddressPrefix"));
        assertEquals("443", props.get("destinationPortRange"));
        assertEquals("Allow", props.get("access"));
        assertEquals("Inbound", props.get("direction"));
        assertEquals(101, props.get("priority"), "the lowest free priority, before the deny at 105");
        assertTrue(fix.edit().text().startsWith(",\n"), fix.edit().text());
    }

    static String apply(String text, Fix.TextEdit edit) {
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        int start = lineStarts.get(edit.startLine() - 1) + edit.startColumn() - 1;
        int end = lineStarts.get(edit.endLine() - 1) + edit.endColumn() - 1;
        return text.substring(0, start) + edit.text() + text.substring(end);
    }

    private static Set<String> keys(Report r) {
        return r.findings().stream().map(FixPlannerTest::key).collect(Collectors.toSet());
    }

    /** A finding's identity across files: its fingerprint ignores the file, which the copy changes. */
    private static String key(Finding f) {
        return f.rule().id() + "|" + f.fingerprint();
    }
}
