package io.github.nsglint.grammar.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.grammar.parser.RuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Encoding and decoding give back the parser's tree exactly, for every construct of the language. */
class AstCodecTest {

    /** One file with every kind of node, optional part and enum value the AST has. */
    static final String EVERY_CONSTRUCT = """
            rule ABC001 {
              name: "every-construct"
              severity: warning
              count: 42
              tags: ["a", b, 7, [nested]]
              help: \"""
                Two lines,
                with a ≥ and an emoji 🛡.
                \"""
              for vnet v
              for subnet s in v.subnets where exists s.nsg and not (s.name == "x" or s.name != "y")
              expect s.nsg allows inbound Tcp from some Internet, * port any of 22, 3389-3390, *, v.ports
                only from VirtualNetwork, "10.0.0.0/8" else "custom {s.name}"
              expect s explicitly allows outbound * to AzureCloud port any of 443
              expect s denies outbound Tcp to Internet port 80 when s.name != "z" else "guarded {s.name}"
              expect s allows inbound Udp from some Internet port 53
              expect none shadowedRules(s.nsg)
              expect s.priority < 1 or s.priority <= 2 or s.priority > 3 or s.priority >= 4
              expect s.name in ["a", "b"] and s.name matches "^s-[a-z]+$" and s.flag == true and s.off == false
              expect f() == [] and g(1, "two", [3]) != h()
            }
            rule ABC002 {
              name: "second"
              for nsg n
              expect n.name != ""
            }
            """;

    @Test
    void everyConstructComesBackEqual() {
        RuleFile parsed = RuleParser.parse(EVERY_CONSTRUCT, "every.nsgl");
        assertEquals(parsed, roundTrip(parsed));
        Set<String> kinds = new TreeSet<>();
        collectKinds(parsed, kinds);
        // Each record of the AST occurs, so no branch of the codec goes untested.
        for (Class<?> sealed : List.of(Expr.class, MetadataValue.class, Clause.class, Assertion.class,
                AddressSpec.class, PortSpec.class)) {
            for (Class<?> kind : sealed.getPermittedSubclasses()) {
                assertTrue(kinds.contains(kind.getName()), "not exercised: " + kind.getName());
            }
        }
    }

    @Test
    void everyBuiltInRuleFileComesBackEqual() throws IOException {
        Path rules = Path.of(System.getProperty("nsglint.root", "..")).resolve("rules");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".nsgl")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "the built-in rule files: " + files);
        for (Path f : files) {
            RuleFile parsed = RuleParser.parse(Files.readString(f), "rules/" + rules.relativize(f));
            assertEquals(parsed, roundTrip(parsed), f.toString());
        }
    }

    @Test
    void expressionsAndStringsWithLoneSurrogatesComeBackEqual() {
        Expr e = RuleParser.parseExpression("a.b in [\"x\", 1] and not exists c", "msg", new SourcePos(3, 9));
        AstCodec.Writer w = new AstCodec.Writer();
        w.writeExpr(e);
        w.writeString("\ud800 lone");
        w.writePos(new SourcePos(5, 6));
        AstCodec.Reader r = new AstCodec.Reader(w.toByteArray());
        assertEquals(e, r.readExpr());
        assertEquals("\ud800 lone", r.readString());
        assertEquals(new SourcePos(5, 6), r.readPos());
        assertTrue(r.atEnd());
    }

    @Test
    void aTruncatedOrForeignInputIsAnErrorNotATree() {
        AstCodec.Writer w = new AstCodec.Writer();
        w.writeRuleFile(RuleParser.parse(EVERY_CONSTRUCT, "every.nsgl"));
        byte[] whole = w.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThrows(IllegalStateException.class, () -> new AstCodec.Reader(cut).readRuleFile());
        assertThrows(IllegalStateException.class, () -> new AstCodec.Reader("not it".getBytes()));
    }

    private static RuleFile roundTrip(RuleFile f) {
        AstCodec.Writer w = new AstCodec.Writer();
        w.writeRuleFile(f);
        AstCodec.Reader r = new AstCodec.Reader(w.toByteArray());
        RuleFile back = r.readRuleFile();
        assertTrue(r.atEnd(), "every byte read");
        return back;
    }

    /** The class names of every node below {@code node}, through record components and lists. */
    private static void collectKinds(Object node, Set<String> into) {
        if (node instanceof List<?> list) {
            list.forEach(x -> collectKinds(x, into));
        } else if (node instanceof Record r) {
            into.add(r.getClass().getName());
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    collectKinds(c.getAccessor().invoke(r), into);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
