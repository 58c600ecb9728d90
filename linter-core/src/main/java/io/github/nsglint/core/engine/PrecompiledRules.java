package io.github.nsglint.core.engine;

import io.github.nsglint.grammar.ast.AstCodec;
import io.github.nsglint.grammar.ast.Expr;
import io.github.nsglint.grammar.ast.RuleFile;
import io.github.nsglint.grammar.ast.SourcePos;
import io.github.nsglint.grammar.parser.RuleParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in rule files parsed at build time: each file's syntax tree and its message placeholders'
 * expressions, encoded with {@link AstCodec} into a resource beside the rules. In a cold JVM the ANTLR parser
 * was a fifth of a one-file run's CPU (its parse, its class set-up and the JIT compiling it); reading the
 * encoded trees back takes a few milliseconds and leaves ANTLR unloaded.
 *
 * <p>The build writes the resource ({@link #main}, run by the linter-core POM after compiling) from the very rule
 * texts it packages, and each entry carries its text: an entry serves only a source equal to it, so an edited
 * rule file is parsed as before, never judged by a stale tree. A missing or unreadable resource means parsing
 * everything, as before. Either way the policies compiled are the same (PrecompiledRulesTest).
 */
public final class PrecompiledRules {

    static final String RESOURCE = "/io/github/nsglint/rules/precompiled.bin";

    private PrecompiledRules() {
    }

    /** One built-in file: its text, its tree, and its placeholders' expressions by {@link #key}. */
    record Entry(String text, RuleFile file, Map<String, Expr> placeholders) {
    }

    /** The compiled built-in file of this name and text, if the build precompiled exactly this text. */
    static Optional<PolicyCompiler.Result> compile(String sourceName, String text) {
        Entry e = Entries.ALL.get(sourceName);
        if (e == null || !e.text().equals(text)) {
            return Optional.empty();
        }
        return Optional.of(PolicyCompiler.compile(e.file(), (placeholder, name, at) -> {
            Expr x = e.placeholders().get(key(placeholder, at));
            return x != null ? x : RuleParser.parseExpression(placeholder, name, at);
        }));
    }

    /** The entries of the packaged resource, read once per JVM when first asked for. */
    private static final class Entries {
        static final Map<String, Entry> ALL = read();

        private static Map<String, Entry> read() {
            try (InputStream in = PrecompiledRules.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Map.of() : decode(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                return Map.of(); // parsed instead: slower, the same policies
            }
        }
    }

    static Map<String, Entry> decode(byte[] bytes) {
        AstCodec.Reader r = new AstCodec.Reader(bytes);
        Map<String, Entry> entries = new HashMap<>();
        int files = r.readInt();
        for (int i = 0; i < files; i++) {
            String name = r.readString();
            String text = r.readString();
            RuleFile file = r.readRuleFile();
            int n = r.readInt();
            Map<String, Expr> placeholders = new HashMap<>();
            for (int j = 0; j < n; j++) {
                String key = r.readString();
                placeholders.put(key, r.readExpr());
            }
            entries.put(name, new Entry(text, file, placeholders));
        }
        if (!r.atEnd()) {
            throw new IllegalStateException("trailing bytes after the precompiled rules");
        }
        return entries;
    }

    /** Parses and compiles every built-in rule file, as a load would, and encodes what parsing gave. */
    static byte[] encodeBuiltIns() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String name : RuleCatalog.builtInNames()) {
            String sourceName = RuleCatalog.BUILT_IN_PREFIX + name;
            String text = RuleCatalog.resource(name);
            RuleFile file = RuleParser.parse(text, sourceName);
            Map<String, Expr> placeholders = new LinkedHashMap<>();
            PolicyCompiler.Result r = PolicyCompiler.compile(file, (placeholder, n, at) -> {
                Expr x = RuleParser.parseExpression(placeholder, n, at);
                placeholders.put(key(placeholder, at), x);
                return x;
            });
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException("the built-in rule file " + sourceName + " does not compile: "
                        + r.errors().get(0).display());
            }
            entries.put(sourceName, new Entry(text, file, placeholders));
        }
        AstCodec.Writer w = new AstCodec.Writer();
        w.writeInt(entries.size());
        entries.forEach((name, e) -> {
            w.writeString(name);
            w.writeString(e.text());
            w.writeRuleFile(e.file());
            w.writeInt(e.placeholders().size());
            e.placeholders().forEach((key, x) -> {
                w.writeString(key);
                w.writeExpr(x);
            });
        });
        return w.toByteArray();
    }

    private static String key(String placeholder, SourcePos at) {
        return placeholder + "\n" + at.line() + ":" + at.column();
    }

    /** Writes the resource; the build runs it with the path under target/classes (hence public, with the class). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompiledRules OUTPUT_FILE");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, encodeBuiltIns());
    }
}
