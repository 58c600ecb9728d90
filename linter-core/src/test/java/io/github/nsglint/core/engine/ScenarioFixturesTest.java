package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.config.ConfigurationLoader;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployments of fixtures/scenarios/: each right version raises no finding of any rule; each mistake raises
 * exactly the findings of its expected.yaml, of every rule, in output order, at the places named.
 */
class ScenarioFixturesTest {

    private static final Path SCENARIOS = RuleFixturesTest.FIXTURES.resolve("scenarios");
    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> walk = Files.list(SCENARIOS)) {
            List<Path> all = walk.filter(Files::isDirectory).sorted().toList();
            assertEquals(5, all.size(), "the four scenarios of the issue, and the custom SSH port");
            return all.stream();
        }
    }

    /** The version's lint, with the custom Bastion ports of its .nsglint.yaml when it has one. */
    private static LintRequest request(Path version) {
        LintRequest r = LintRequest.of(List.of(version));
        Path config = version.resolve(ConfigurationLoader.FILE_NAME);
        if (!Files.exists(config)) {
            return r;
        }
        ConfigurationLoader.Result loaded = ConfigurationLoader.load(config);
        assertEquals(List.of(), loaded.errors(), config.toString());
        assertTrue(!loaded.configuration().bastionPorts().isEmpty(), "the scenario's configuration declares ports");
        return r.withBastionPorts(loaded.configuration().bastionPorts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rightVersionRaisesNothing(Path scenario) {
        Report r = Linter.run(request(scenario.resolve("right")), CATALOG);
        assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.level() != LoadDiagnostic.Level.NOTE)
                .map(LoadDiagnostic::display).toList());
        assertEquals(List.of(), r.findings().stream().map(f -> f.rule().id() + " " + f.message()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @SuppressWarnings("unchecked")
    void mistakeRaisesExactlyItsFindings(Path scenario) throws IOException {
        Path mistake = scenario.resolve("mistake");
        Report r = Linter.run(request(mistake), CATALOG);
        List<Map<String, Object>> expected = (List<Map<String, Object>>) new Yaml(new SafeConstructor(
                new LoaderOptions())).load(Files.readString(mistake.resolve("expected.yaml")));
        List<Finding> found = r.findings();
        assertEquals(expected.size(), found.size(), found.stream().map(f -> f.rule().id() + " "
                + f.location().jsonPointer() + " " + f.message()).toList().toString());
        JNode root = new JsonReader().read(mistake.resolve("azuredeploy.json"), "t");
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Finding f = found.get(i);
            assertEquals(e.get("rule"), f.rule().id());
            assertEquals(e.get("kind"), f.kind().name().toLowerCase(Locale.ROOT));
            assertEquals(e.get("pointer"), f.location().jsonPointer(), f.message());
            assertTrue(f.message().contains((String) e.get("message")), f.message());
            JNode at = RuleFixturesTest.locate(root, (String) e.get("pointer"));
            assertEquals(at.location().line(), f.location().line());
            assertEquals(at.location().column(), f.location().column());
        }
    }
}
