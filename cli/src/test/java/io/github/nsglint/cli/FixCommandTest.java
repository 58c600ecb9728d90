package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.Fix;
import io.github.nsglint.core.report.Report;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nsglint fix} on every fixture: the printed JSON Patch, applied by an independent RFC 6902 implementation
 * (Parsson), gives the same document as {@code --write}; after it the fixed findings are gone and no error-level
 * finding is new; the file's other text is unchanged.
 */
class FixCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    private static RuleCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        catalog = RuleCatalog.load(List.of(), "current");
    }

    private static List<Path> fixtures() throws Exception {
        try (Stream<Path> walk = Files.walk(ROOT.resolve("fixtures"))) {
            return walk.filter(p -> p.getFileName().toString().startsWith("fail") && p.toString().endsWith(".json")
                    || p.toString().endsWith("mistake/azuredeploy.json")).sorted().toList();
        }
    }

    private static Report lint(Path file) {
        return Linter.run(LintRequest.of(List.of(file)), catalog);
    }

    @Test
    void everyFixtureFixIsRightAsPatchAndAsEdit() throws Exception {
        int fixed = 0;
        for (Path fixture : fixtures()) {
            Path copy = dir.resolve(ROOT.resolve("fixtures").relativize(fixture).toString().replace('/', '-'));
            Files.copy(fixture, copy);
            Report before = lint(copy);
            CliRun patch = CliRun.of("fix", copy.toString());
            assertEquals(ExitCode.OK.code(), patch.code(), fixture + ": " + patch.err());
            JsonArray ops = Json.createReader(new StringReader(patch.out())).readArray();
            assertEquals(before.fixes().size(), ops.size(), fixture.toString());
            if (ops.isEmpty()) {
                continue;
            }
            fixed++;
            String original = Files.readString(copy);
            JsonStructure patched = Json.createPatch(ops).apply(Json.createReader(new StringReader(original)).read());

            CliRun write = CliRun.of("fix", "--write", copy.toString());
            assertEquals(ExitCode.OK.code(), write.code(), fixture + ": " + write.err());
            String edited = Files.readString(copy);
            assertEquals(patched, Json.createReader(new StringReader(edited)).read(),
                    fixture + ": --write and the JSON Patch disagree");
            assertOnlyInserted(original, edited, fixture);

            Report after = lint(copy);
            Set<String> gone = new HashSet<>();
            before.fixes().forEach(f -> gone.addAll(f.fixes()));
            Set<String> stillThere = new HashSet<>(after.fingerprints());
            for (String fp : gone) {
                assertFalse(stillThere.contains(fp), fixture + ": finding " + fp + " survived its fix");
            }
            Set<String> errorsBefore = errors(before);
            for (String fp : errors(after)) {
                assertTrue(errorsBefore.contains(fp), fixture + ": the fix introduced error " + fp);
            }
            assertTrue(after.fixes().isEmpty(), fixture + ": a second fix would still add " + after.fixes().stream()
                    .map(Fix::description).toList());
        }
        assertTrue(fixed >= 10, "fixtures with fixes: " + fixed);
    }

    private static Set<String> errors(Report r) {
        Set<String> out = new HashSet<>();
        List<String> fps = r.fingerprints();
        for (int i = 0; i < fps.size(); i++) {
            if (r.findings().get(i).severity() == io.github.nsglint.core.report.Severity.ERROR) {
                out.add(fps.get(i));
            }
        }
        return out;
    }

    /** Removing what --write inserted gives the original back: nothing else was touched. */
    private static void assertOnlyInserted(String original, String edited, Path fixture) {
        int head = 0;
        while (head < original.length() && original.charAt(head) == edited.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < original.length() - head && original.charAt(original.length() - 1 - tail)
                == edited.charAt(edited.length() - 1 - tail)) {
            tail++;
        }
        assertEquals(original.length(), head + tail, fixture + ": --write changed more than one inserted block");
    }

    @Test
    void severalFilesNeedWriteAndBadInputWritesNothing() throws Exception {
        // Two templates with resources of their own (fixtures sharing NSG names would merge into one model).
        Path a = Files.copy(ROOT.resolve("fixtures/BAS012/fail-deny-probes.json"), dir.resolve("a.json"));
        Path b = Files.copy(ROOT.resolve("fixtures/scenarios/standalone-per-spoke/mistake/azuredeploy.json"),
                dir.resolve("b.json"));
        CliRun two = CliRun.of("fix", a.toString(), b.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), two.code());
        assertTrue(two.err().contains("a JSON Patch changes one document: pass one file, or use --write"), two.err());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"resources\": [");
        String before = Files.readString(a);
        CliRun bad = CliRun.of("fix", "--write", a.toString(), broken.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), bad.code());
        assertTrue(bad.err().contains("broken.json:1:16: error:"), bad.err());
        assertEquals(before, Files.readString(a), "nothing is written when an input is bad");
        List<Path> both = new ArrayList<>(List.of(a, b));
        CliRun write = CliRun.of("fix", "--write", both.get(0).toString(), both.get(1).toString());
        assertEquals(ExitCode.OK.code(), write.code(), write.err());
        assertTrue(lint(a).fixes().isEmpty() && lint(b).fixes().isEmpty());
    }
}
