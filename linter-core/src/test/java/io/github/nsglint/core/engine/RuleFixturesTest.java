package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every fixture of fixtures/RULEID/: a pass-*.json template must raise no finding of that rule; a fail-*.json
 * template must raise exactly the findings of its fail-*.expected.yaml (kind, JSON pointer of the place at fault,
 * a part of the message), and each finding's line and column must be that place's.
 */
class RuleFixturesTest {

    static final Path FIXTURES = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize()
            .resolve("fixtures");
    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> walk = Files.walk(FIXTURES, 2)) {
            return walk.filter(p -> p.getFileName().toString().matches("(pass|fail)-.*\\.json"))
                    .filter(p -> p.getParent().getFileName().toString().matches("[A-Z]{3}[0-9]{3}"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureRaisesExactlyItsExpectedFindings(Path fixture) throws IOException {
        String ruleId = fixture.getParent().getFileName().toString();
        Report report = Linter.run(LintRequest.of(List.of(fixture)), CATALOG);
        assertEquals(List.of(), report.diagnostics().stream().filter(d -> d.level() != io.github.nsglint.core.load
                .LoadDiagnostic.Level.NOTE).map(d -> d.display()).toList(), "the fixture loads cleanly");
        List<Finding> mine = report.findings().stream().filter(f -> f.rule().id().equals(ruleId)).toList();
        if (fixture.getFileName().toString().startsWith("pass-")) {
            assertEquals(List.of(), mine.stream().map(Finding::message).toList(), fixture + " must pass " + ruleId);
            return;
        }
        List<Map<String, Object>> expected = expected(fixture);
        assertEquals(expected.size(), mine.size(), "findings of " + ruleId + ": "
                + mine.stream().map(f -> f.location().jsonPointer() + " " + f.message()).toList());
        JNode root = new JsonReader().read(fixture, fixture.toString());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Finding f = mine.get(i);
            assertEquals(e.get("kind"), f.kind().name().toLowerCase(Locale.ROOT), f.message());
            assertEquals(e.get("pointer"), f.location().jsonPointer(), f.message());
            assertTrue(f.message().contains((String) e.get("message")), "'" + f.message() + "' should contain '"
                    + e.get("message") + "'");
            JNode at = locate(root, (String) e.get("pointer"));
            assertEquals(at.location().line() + ":" + at.location().column(),
                    f.location().line() + ":" + f.location().column(), "line and column of " + e.get("pointer"));
        }
    }

    @Test
    void everyCatalogRuleHasAPassingAndAFailingFixture() throws IOException {
        Set<String> missing = new TreeSet<>();
        List<Path> all = fixtures().toList();
        for (RuleMetadata r : CATALOG.rules()) {
            for (String kind : List.of("pass-", "fail-")) {
                boolean found = all.stream().anyMatch(p -> p.getParent().getFileName().toString().equals(r.id())
                        && p.getFileName().toString().startsWith(kind));
                if (!found) {
                    missing.add(r.id() + " has no " + kind + "*.json");
                }
            }
        }
        assertEquals(Set.of(), missing);
        for (Path p : all) {
            if (p.getFileName().toString().startsWith("fail-")) {
                assertTrue(Files.exists(expectedFile(p)), p + " has no expected findings beside it");
            }
        }
    }

    private static Path expectedFile(Path fixture) {
        String name = fixture.getFileName().toString();
        return fixture.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.yaml");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> expected(Path fixture) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object doc = yaml.load(Files.readString(expectedFile(fixture)));
        return doc == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) doc);
    }

    /** The node at an RFC 6901 pointer. */
    static JNode locate(JNode root, String pointer) {
        JNode n = root;
        for (String raw : pointer.substring(1).split("/")) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            n = n instanceof JObject o ? o.members().get(seg) : ((JArray) n).get(Integer.parseInt(seg));
        }
        return n;
    }

    static Set<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).collect(Collectors.toCollection(TreeSet::new));
    }
}
