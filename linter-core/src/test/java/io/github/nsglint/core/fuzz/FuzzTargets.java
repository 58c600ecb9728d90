package io.github.nsglint.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.config.ConfigurationLoader;
import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.engine.RuleLoadException;
import io.github.nsglint.core.load.LoadDiagnostic;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JsonReader;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.grammar.ast.AstCodec;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.parser.RuleError;
import io.github.nsglint.grammar.parser.RuleParser;
import io.github.nsglint.grammar.parser.RuleSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the fuzz tests and their seed corpora run. The only acceptable outcomes for any input are a result or
 * clear errors with a location: any exception that escapes, or an error without a position, is a bug.
 */
final class FuzzTargets {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    /** A small template the fuzzed rules run against, so the interpreter is exercised too. */
    static final Path RULE_TARGET = ROOT.resolve("fixtures/scenarios/single-vnet-jumpbox/mistake/azuredeploy.json");
    private static final ThreadLocal<Path> SCRATCH = ThreadLocal.withInitial(() -> {
        try {
            Path dir = Files.createTempDirectory("nsglint-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    private static volatile RuleCatalog catalog;
    private static final JsonReader JSON = new JsonReader();

    private FuzzTargets() {
    }

    private static RuleCatalog catalog() {
        if (catalog == null) {
            catalog = RuleCatalog.load(List.of(), "current");
        }
        return catalog;
    }

    private static Path write(String name, byte[] data) {
        try {
            return Files.write(SCRATCH.get().resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as a template file: read, evaluated, modelled and linted by the whole catalog. */
    static Report template(byte[] data) {
        bytesReadAsText(data);
        Path file = write("template.json", data);
        Report r = Linter.run(LintRequest.of(List.of(file)), catalog());
        r.diagnostics().forEach(FuzzTargets::located);
        r.configurationErrors().forEach(FuzzTargets::located);
        return r;
    }

    /**
     * The reader parses most files from their bytes (a faster path) and the rest from their text; whichever it
     * takes, the outcome must be what the text path gives: the same tree with the same locations, or the same
     * error. The reference decodes strictly and parses the text; bytes that are not UTF-8 must be refused.
     */
    private static void bytesReadAsText(byte[] data) {
        Object expected;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
            expected = outcome(() -> JSON.parse(text, "fuzz.json"));
        } catch (CharacterCodingException e) {
            expected = null; // not UTF-8: an error naming the bad byte
        }
        Object actual = outcome(() -> JSON.read(data, "fuzz.json"));
        if (expected == null) {
            assertTrue(actual instanceof String m && m.contains("not a UTF-8 text file"), String.valueOf(actual));
        } else {
            assertEquals(expected, actual);
        }
    }

    private static Object outcome(Supplier<JNode> parse) {
        try {
            return parse.get();
        } catch (TemplateLoadException e) {
            return e.getMessage();
        }
    }

    /**
     * Bytes as a rule file: parsed and compiled alone; when it compiles, its rules lint a small template. When it
     * parses, its tree also goes through the build's encoding of the built-in rules (AstCodec) and must come
     * back equal.
     */
    static void ruleFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        RuleFile parsed = null;
        try {
            parsed = RuleParser.parse(text, "fuzz.nsgl");
        } catch (RuleSyntaxException e) {
            // reported by the catalog below
        }
        if (parsed != null) {
            AstCodec.Writer w = new AstCodec.Writer();
            w.writeRuleFile(parsed);
            assertEquals(parsed, new AstCodec.Reader(w.toByteArray()).readRuleFile(), "encoded and decoded tree");
        }
        RuleCatalog rules;
        try {
            rules = RuleCatalog.compile(Map.of("fuzz.nsgl", text), "current");
        } catch (RuleLoadException e) {
            assertFalse(e.errors().isEmpty(), "a rule load error names its errors");
            for (RuleError err : e.errors()) {
                assertTrue(err.line() >= 1 && err.column() >= 1, "error without position: " + err.display());
                assertFalse(err.message().isBlank(), "error without message at " + err.display());
            }
            return;
        }
        Report r = Linter.run(LintRequest.of(List.of(RULE_TARGET)), rules);
        r.diagnostics().forEach(FuzzTargets::located);
    }

    /** Bytes as a {@code .nsglint.yaml}. */
    static void configuration(byte[] data) {
        Path file = write(ConfigurationLoader.FILE_NAME, data);
        ConfigurationLoader.Result r = ConfigurationLoader.load(file);
        r.errors().forEach(FuzzTargets::located);
    }

    private static void located(LoadDiagnostic d) {
        assertTrue(d.location().line() >= 1 && d.location().column() >= 1, "diagnostic without position: "
                + d.display());
        assertFalse(d.message().isBlank(), "diagnostic without message: " + d.display());
    }
}
