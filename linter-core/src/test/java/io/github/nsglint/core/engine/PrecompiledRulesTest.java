package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.grammar.ast.SourcePos;
import io.github.nsglint.grammar.parser.RuleParser;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules' syntax trees, precompiled by the build, are what the parser gives for the packaged texts,
 * they compile to the same policies, and they serve only the exact text they were made from.
 */
class PrecompiledRulesTest {

    private static Map<String, PrecompiledRules.Entry> packaged() throws Exception {
        try (InputStream in = PrecompiledRules.class.getResourceAsStream(PrecompiledRules.RESOURCE)) {
            assertTrue(in != null, "the build writes " + PrecompiledRules.RESOURCE);
            return PrecompiledRules.decode(in.readAllBytes());
        }
    }

    @Test
    void everyBuiltInFileIsPrecompiledFromItsPackagedTextAndEqualsWhatTheParserGives() throws Exception {
        Map<String, PrecompiledRules.Entry> entries = packaged();
        assertEquals(new TreeSet<>(RuleCatalog.builtInNames().stream().map(n -> RuleCatalog.BUILT_IN_PREFIX + n)
                .toList()), new TreeSet<>(entries.keySet()));
        int placeholders = 0;
        for (String name : RuleCatalog.builtInNames()) {
            String sourceName = RuleCatalog.BUILT_IN_PREFIX + name;
            PrecompiledRules.Entry e = entries.get(sourceName);
            assertEquals(RuleCatalog.resource(name), e.text(), sourceName);
            assertEquals(RuleParser.parse(e.text(), sourceName), e.file(), sourceName);
            for (var p : e.placeholders().entrySet()) {
                String key = p.getKey();
                int cut = key.lastIndexOf('\n');
                String[] at = key.substring(cut + 1).split(":");
                SourcePos pos = new SourcePos(Integer.parseInt(at[0]), Integer.parseInt(at[1]));
                assertEquals(RuleParser.parseExpression(key.substring(0, cut), sourceName, pos), p.getValue(), key);
                placeholders++;
            }
        }
        assertTrue(placeholders >= 20, "the built-in messages' placeholders are precompiled: " + placeholders);
    }

    @Test
    void precompiledAndParsedFilesCompileToTheSamePolicies() {
        for (String name : RuleCatalog.builtInNames()) {
            String sourceName = RuleCatalog.BUILT_IN_PREFIX + name;
            String text = RuleCatalog.resource(name);
            PolicyCompiler.Result parsed = PolicyCompiler.compile(RuleParser.parse(text, sourceName));
            PolicyCompiler.Result precompiled = PrecompiledRules.compile(sourceName, text).orElseThrow();
            assertEquals(List.of(), precompiled.errors(), sourceName);
            assertEquals(parsed.policies().size(), precompiled.policies().size(), sourceName);
            for (int i = 0; i < parsed.policies().size(); i++) {
                Policy a = parsed.policies().get(i);
                Policy b = precompiled.policies().get(i);
                assertEquals(a.metadata(), b.metadata());
                assertEquals(a.scopes(), b.scopes(), a.metadata().id());
                assertEquals(a.checks(), b.checks(), a.metadata().id());
                assertEquals(a.message(), b.message(), a.metadata().id());
                assertEquals(a.variables(), b.variables(), a.metadata().id());
            }
        }
    }

    @Test
    void anEditedTextOrAnotherNameIsParsedNotServedFromTheBuild() {
        String name = RuleCatalog.builtInNames().get(0);
        String text = RuleCatalog.resource(name);
        assertTrue(PrecompiledRules.compile(RuleCatalog.BUILT_IN_PREFIX + name, text).isPresent());
        assertFalse(PrecompiledRules.compile(RuleCatalog.BUILT_IN_PREFIX + name, text + "\n# edited\n").isPresent());
        assertFalse(PrecompiledRules.compile("mine/" + name, text).isPresent());
    }

    @Test
    void aDamagedResourceIsAnErrorSoTheCatalogIsParsedInstead() throws Exception {
        byte[] whole;
        try (InputStream in = PrecompiledRules.class.getResourceAsStream(PrecompiledRules.RESOURCE)) {
            whole = in.readAllBytes();
        }
        assertThrows(RuntimeException.class, () -> PrecompiledRules.decode(Arrays.copyOf(whole, whole.length - 7)));
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThrows(IllegalStateException.class, () -> PrecompiledRules.decode(longer));
    }
}
