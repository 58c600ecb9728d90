package io.github.nsglint.core.load.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.nsglint.core.files.InputFileException;
import io.github.nsglint.core.files.InputFiles;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.model.PointerPath;
import io.github.nsglint.core.model.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads JSON into a {@link JNode} tree where every node keeps its file, line, column and JSON pointer.
 *
 * <p>It is as lenient as Azure Resource Manager's own reader, because real templates rely on it: {@code //} and
 * {@code /* *}{@code /} comments, raw control characters inside strings, trailing commas and single-quoted
 * strings are accepted. Everything else that is not JSON is a {@link TemplateLoadException} with the position.
 * Limits bound what a hostile file can cost: nesting depth, string and number length, document size.
 */
public final class JsonReader {

    /** Deeper than any real template (the corpus peaks near 40); stops stack exhaustion on hostile input. */
    public static final int MAX_NESTING_DEPTH = 500;
    /**
     * The largest template Azure accepts is 4 MB; eight times that leaves room for resource exports while keeping
     * a file's tree (about 40 bytes of heap per byte of JSON) well inside a CI runner's default heap.
     */
    public static final long MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;

    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:.*?]\\)?",
            Pattern.DOTALL);

    private final JsonFactory factory;

    public JsonReader() {
        this.factory = JsonFactory.builder()
                // Names are canonicalized per document already; interning them in the JVM's table only costs.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(16 * 1024 * 1024)
                        .maxNumberLength(100)
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .build())
                .build();
    }

    /** Reads a file; {@code displayName} is how locations name it. */
    public JNode read(Path file, String displayName) {
        return read(bytes(file, displayName), displayName);
    }

    /** A file's bytes, within the size limit; for callers that also want to hash what they parse. */
    public static byte[] bytes(Path file, String displayName) {
        try {
            return InputFiles.read(file, MAX_DOCUMENT_BYTES);
        } catch (InputFileException e) {
            String advice = e.getMessage().startsWith("file is ")
                    ? " (Azure accepts templates up to 4 MB): split the export and lint the parts" : "";
            throw new TemplateLoadException(displayName, 1, 1, e.getMessage() + advice, e);
        }
    }

    /**
     * Parses a file's bytes (read with {@link #bytes}). UTF-8 without a byte order mark, which nearly every
     * template is, is parsed from the bytes: no decoded copy of the file is made. Jackson's byte parser counts
     * columns in bytes; on a line with characters beyond ASCII they are counted again in characters, so every
     * location is the same as from the file's text. Anything else, and any file the byte parser finds an error
     * in, is decoded and parsed as text, so errors read the same either way.
     */
    public JNode read(byte[] bytes, String displayName) {
        return read(bytes, displayName, null);
    }

    /**
     * As {@link #read(byte[], String)}; each name repeated in an object (exactly, or differing only in case) is
     * given to {@code repeats}, at the repetition.
     */
    public JNode read(byte[] bytes, String displayName, Consumer<TemplateLoadException> repeats) {
        boolean ascii = isAscii(bytes);
        if (!mightBeUtf16Or32(bytes) && (ascii || !hasByteOrderMark(bytes) && isUtf8(bytes))) {
            List<TemplateLoadException> found = new java.util.ArrayList<>();
            try {
                JNode root = parse(factory.createParser(bytes), displayName,
                        () -> new String(bytes, StandardCharsets.UTF_8), ascii ? null : bytes,
                        repeats == null ? null : found::add);
                found.forEach(repeats == null ? e -> { } : repeats);
                return root;
            } catch (TemplateLoadException | IOException e) {
                // Jackson's byte parser words some errors differently and places some a column off; the text
                // parser below reports it as it always has.
            }
        }
        String content = decode(bytes, displayName);
        String text = !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
        try {
            return parse(factory.createParser(text), displayName, () -> text, null, repeats);
        } catch (IOException e) {
            throw new TemplateLoadException(displayName, 1, 1, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether Jackson's byte parser would take the file for UTF-16 or UTF-32: it guesses so from a zero byte
     * among the first four. Such a file is not UTF-8, and the text path says so; parsed from its bytes it would
     * be read in the other encoding instead.
     */
    private static boolean mightBeUtf16Or32(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)); // reports malformed input
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Eight bytes of an array at a time, in the machine's order (only their high bits are looked at). */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());

    /** Whether no byte has its high bit set; eight at a time, as every file is checked whole before parsing. */
    static boolean isAscii(byte[] bytes) {
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's text; bytes that are not UTF-8 (a binary file, another encoding) are an error at the first bad
     * byte rather than replacement characters for the JSON parser to trip over.
     */
    private static String decode(byte[] bytes, String displayName) {
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast; // no replacement character: every byte was UTF-8 (the common case, kept fast)
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new TemplateLoadException(displayName, line, column, String.format(Locale.ROOT,
                    "not a UTF-8 text file: byte 0x%02x cannot start a character here (a binary file?)",
                    bytes[at] & 0xff), null);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Parses text; a leading byte order mark is ignored. */
    public JNode parse(String text, String displayName) {
        String content = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try {
            return parse(factory.createParser(content), displayName, () -> content, null);
        } catch (IOException e) {
            throw new TemplateLoadException(displayName, 1, 1, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the tree from an open parser, then closes it; {@code content} is the text, for locating errors, and
     * {@code utf8} the bytes of a byte parser whose columns must be counted again in characters (else null).
     */
    private JNode parse(JsonParser parser, String displayName, Supplier<String> content, byte[] utf8) {
        return parse(parser, displayName, content, utf8, null);
    }

    private JNode parse(JsonParser parser, String displayName, Supplier<String> content, byte[] utf8,
            Consumer<TemplateLoadException> repeats) {
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TemplateLoadException(displayName, 1, 1, "file is empty: expected a JSON value", null);
            }
            JNode root = new TreeBuilder(parser, displayName, utf8, repeats).value(first, PointerPath.ROOT);
            JsonLocation after = parser.currentLocation();
            // A text parser counts characters, a byte parser bytes. Beyond ASCII the two differ, but an error
            // found on the byte path is reported again from the text (read), so this offset never meets text it
            // does not count.
            long end = after.getCharOffset() >= 0 ? after.getCharOffset() : after.getByteOffset();
            try {
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw trailing(content.get(), end, displayName, describe(parser, trailing));
                }
            } catch (JsonProcessingException e) {
                throw trailing(content.get(), end, displayName, "not JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Constraint violations carry no location of their own; the parser knows where it stopped.
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
            throw new TemplateLoadException(displayName, at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr(), clean(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TemplateLoadException(displayName, 1, 1, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    /** An error at the first character after the root value that is not white space. */
    private static TemplateLoadException trailing(String content, long afterRoot, String file, String what) {
        int i = (int) Math.max(0, afterRoot);
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i && k < content.length(); k++) {
            if (content.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new TemplateLoadException(file, line, i - lineStart + 1,
                "unexpected content after the end of the JSON document: " + what, null);
    }

    private static String describe(JsonParser parser, JsonToken token) throws IOException {
        return token.isScalarValue() ? "'" + parser.getText() + "'" : "'" + token.asString() + "'";
    }

    /** Jackson's messages name its own input source; ours carry the file and position already. */
    private static String clean(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        String cleaned = JACKSON_SOURCE.matcher(message).replaceAll("");
        int newline = cleaned.indexOf('\n');
        return (newline < 0 ? cleaned : cleaned.substring(0, newline)).trim();
    }

    /** Builds the tree from the token stream; one instance per document. */
    private static final class TreeBuilder {
        private final JsonParser parser;
        private final String file;
        private final byte[] utf8;
        /** Where repeated names go; null when the caller does not ask. */
        private final Consumer<TemplateLoadException> repeats;

        TreeBuilder(JsonParser parser, String file, byte[] utf8, Consumer<TemplateLoadException> repeats) {
            this.parser = parser;
            this.file = file;
            this.utf8 = utf8;
            this.repeats = repeats;
        }

        /**
         * A name given twice in one object, or twice differing only in case: JSON readers keep one, and Azure reads
         * property names without regard to case, so one of the two values is silently lost. Reported at the second
         * value, naming the first, so neither can hide the other (the key's own position would cost every key a
         * location object; the value's is already made).
         */
        private void repeated(Members.Builder members, String name, JNode earlier, JNode later) {
            String first = members.repeatedName();
            String where = earlier.location().line() + ":" + earlier.location().column();
            repeats.accept(new TemplateLoadException(file, later.location().line(), later.location().column(),
                    first.equals(name)
                    ? "'" + name + "' is given twice in this object (the first value at " + where + "): nsglint, like"
                            + " JSON readers, takes this later value and the earlier one is lost; keep one"
                    : "'" + name + "' and '" + first + "' (value at " + where + ") are one property to Azure, which"
                            + " reads names without regard to case; nsglint reads the one spelled as the property"
                            + " is documented, else the first: keep one", null));
        }

        JNode value(JsonToken token, PointerPath pointer) throws IOException {
            JsonLocation start = parser.currentTokenLocation();
            int line = start.getLineNr();
            int column = column(start);
            switch (token) {
                case START_OBJECT: {
                    Members.Builder members = new Members.Builder();
                    JsonToken t;
                    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken valueToken = parser.nextToken();
                        JNode member = value(valueToken, pointer.member(name));
                        JNode earlier = members.put(name, member);
                        if (earlier != null && repeats != null) {
                            repeated(members, name, earlier, member);
                        }
                    }
                    return new JObject(members.build(), end(line, column, pointer));
                }
                case START_ARRAY: {
                    List<JNode> elements = new JArray.Owned<>();
                    JsonToken t;
                    int index = 0;
                    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                        elements.add(value(t, pointer.element(index++)));
                    }
                    return new JArray(elements, end(line, column, pointer));
                }
                case VALUE_STRING:
                    return new JString(parser.getText(), end(line, column, pointer));
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new JNumber(decimal(line, column), end(line, column, pointer));
                case VALUE_TRUE:
                    return new JBool(true, end(line, column, pointer));
                case VALUE_FALSE:
                    return new JBool(false, end(line, column, pointer));
                case VALUE_NULL:
                    return new JNull(end(line, column, pointer));
                default:
                    throw new TemplateLoadException(file, line, column, "unexpected token " + token, null);
            }
        }

        /** The number's value; one whose exponent no decimal can hold (1e99999999999) is an error at it. */
        private BigDecimal decimal(int line, int column) throws IOException {
            try {
                return parser.getDecimalValue();
            } catch (NumberFormatException | ArithmeticException e) {
                String text = parser.getText();
                throw new TemplateLoadException(file, line, column, "number out of range: "
                        + (text.length() > 40 ? text.substring(0, 40) + "..." : text), null);
            }
        }

        private SourceLocation end(int line, int column, PointerPath pointer) {
            JsonLocation after = parser.currentLocation();
            return new SourceLocation(file, line, column, after.getLineNr(), column(after), pointer);
        }

        /**
         * The location's column in characters (UTF-16 units, as the text parser counts them). A byte parser's
         * column is the byte offset from its line's start, so that start is the offset less the column; the
         * characters between are the bytes that do not continue a character, and two for a four-byte one.
         */
        private int column(JsonLocation at) {
            if (utf8 == null) {
                return at.getColumnNr();
            }
            // Clamped, so that a location Jackson reports oddly can only miscount, never fail the read.
            int to = (int) Math.min(Math.max(at.getByteOffset(), 0), utf8.length);
            int units = 0;
            for (int i = Math.max(0, to - at.getColumnNr() + 1); i < to; i++) {
                int b = utf8[i] & 0xff;
                if ((b & 0xC0) != 0x80) {
                    units += b >= 0xF0 ? 2 : 1;
                }
            }
            return units + 1;
        }
    }
}
