package io.github.nsglint.core.load.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.core.load.TemplateLoadException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * A file parsed from its bytes and the same file parsed from its text give the same tree with the same
 * locations, for random documents full of what moves a byte column away from a character column: characters of
 * two, three and four bytes, in strings, names and comments, on lines ended by LF, CRLF or a lone CR, and raw
 * line breaks inside strings.
 */
class JsonReaderPropertiesTest {

    private static final String[] PIECES = {
        "a", "Z", "0", " ", "-", "é", "ß", "ü", "→", "✓", "中", "\uD83D\uDD12", "\uD83C\uDF0D", "\\n", "\\u00e9", "\t",
    };
    private static final String[] BREAKS = {"\n", "\r\n", "\r", " ", "", "\n  ", "\r\n\t"};

    private final JsonReader reader = new JsonReader();

    @Property(tries = 300)
    void bytesAndTextAgreeOnTreeAndLocations(@ForAll long seed) {
        String text = new Document(new Random(seed)).value(0);
        Object fromText = outcome(() -> reader.parse(text, "p.json"));
        assertEquals(fromText, outcome(() -> reader.read(text.getBytes(StandardCharsets.UTF_8), "p.json")), text);
        Statistics.collect(fromText instanceof JNode ? "tree" : "error");
        // Errors take the text path either way; the trees are what test the byte path, so most must be trees.
        Statistics.coverage(c -> c.check("tree").percentage(p -> p >= 60));
    }

    /** The tree, or the error's message (with its location): some random documents are not JSON. */
    private static Object outcome(java.util.function.Supplier<JNode> parse) {
        try {
            return parse.get();
        } catch (TemplateLoadException e) {
            return e.getMessage();
        }
    }

    /** Writes one random document; every choice comes from the seed, so a failure can be replayed. */
    private static final class Document {
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        Document(Random random) {
            this.random = random;
        }

        String value(int depth) {
            write(depth);
            return out.toString();
        }

        private void write(int depth) {
            gap();
            // A template is an object; below it anything, and only scalars four levels down.
            int kind = depth == 0 ? 0 : depth >= 4 ? 2 + random.nextInt(4) : random.nextInt(6);
            switch (kind) {
                case 0 -> {
                    out.append('{');
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        gap();
                        string(random.nextBoolean() ? '"' : '\'');
                        gap();
                        out.append(':');
                        write(depth + 1);
                        if (i < n - 1 || random.nextInt(4) == 0) {
                            out.append(','); // a trailing comma now and then, as ARM accepts
                        }
                    }
                    gap();
                    out.append('}');
                }
                case 1 -> {
                    out.append('[');
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        write(depth + 1);
                        if (i < n - 1) {
                            out.append(',');
                        }
                    }
                    gap();
                    out.append(']');
                }
                case 2 -> string('"');
                case 3 -> out.append(random.nextInt(2000) - 1000);
                case 4 -> out.append(random.nextBoolean() ? "true" : "false");
                default -> out.append(random.nextBoolean() ? "null" : "1.5e3");
            }
            gap();
        }

        private void string(char quote) {
            out.append(quote);
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                int p = random.nextInt(PIECES.length + 1);
                // A raw line break inside a string: ARM (and the reader) accept unescaped control characters.
                out.append(p == PIECES.length ? "\n" : PIECES[p]);
            }
            out.append(quote);
        }

        /** White space, line breaks and comments, any of them holding characters beyond ASCII. */
        private void gap() {
            switch (random.nextInt(6)) {
                case 0 -> out.append(BREAKS[random.nextInt(BREAKS.length)]);
                case 1 -> out.append("/* ").append(PIECES[random.nextInt(PIECES.length)]).append(" */");
                case 2 -> out.append("// ").append(PIECES[random.nextInt(PIECES.length)]).append('\n');
                default -> {
                }
            }
        }
    }
}
