package io.github.nsglint.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * Output readable whatever the locale. Messages use a few typographic characters ({@code →} in every witness
 * flow); where the stream's charset cannot encode them (a POSIX locale's ASCII, a CI runner without LANG), the JVM
 * would print {@code ?}. This writes their ASCII spelling instead.
 */
public final class StreamCharset {

    /** What each character the messages use is written as in ASCII. */
    private static final Map<Character, String> ASCII = Map.of('→', "->", '←', "<-", '·', "-", '—', "--", '–', "-",
            '…', "...", '≥', ">=", '≤', "<=");

    private StreamCharset() {
    }

    /**
     * The charset the JVM encodes standard output with: {@code stdout.encoding} (Java 19 and later), else
     * {@code sun.stdout.encoding} (set for a console), else the default charset, which Java 17 uses for it.
     */
    public static Charset ofStandardOutput() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** {@code out} itself when {@code charset} encodes every message character, else a writer that spells them. */
    public static Writer readable(Writer out, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        boolean all = ASCII.keySet().stream().allMatch(encoder::canEncode);
        return all ? out : new Spelled(out, charset);
    }

    private static final class Spelled extends FilterWriter {
        private final CharsetEncoder encoder;

        Spelled(Writer out, Charset charset) {
            super(out);
            this.encoder = charset.newEncoder();
        }

        @Override
        public void write(int c) throws IOException {
            String spelled = ASCII.get((char) c);
            if (spelled != null && !encoder.canEncode((char) c)) {
                out.write(spelled);
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(cbuf[i]);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(str.charAt(i));
            }
        }
    }
}
