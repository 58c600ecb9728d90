package io.github.nsglint.core.load.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.Corpus;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    private final JsonReader reader = new JsonReader();

    @Test
    void everyNodeKnowsItsLineColumnAndPointer() {
        JObject root = (JObject) reader.parse("""
                {
                  "resources": [
                    {"name": "a/b", "properties": {"x~y": 1}}
                  ]
                }""", "t.json");
        JObject resource = (JObject) ((JArray) root.get("resources").orElseThrow()).get(0);
        assertEquals(new SourceLocation("t.json", 3, 5, 3, 46, "/resources/0"), resource.location());
        JNode name = resource.get("name").orElseThrow();
        assertEquals(new SourceLocation("t.json", 3, 14, 3, 19, "/resources/0/name"), name.location());
        JNode tilde = ((JObject) resource.get("properties").orElseThrow()).get("x~y").orElseThrow();
        assertEquals("/resources/0/properties/x~0y", tilde.location().jsonPointer());
    }

    @Test
    void propertyNamesAreCaseInsensitiveAsInArm() {
        JObject o = (JObject) reader.parse("{\"SourceAddressPrefixes\": [\"10.0.0.0/8\"]}", "t.json");
        assertInstanceOf(JArray.class, o.get("sourceAddressPrefixes").orElseThrow());
    }

    @Test
    void acceptsWhatAzureResourceManagerAccepts() {
        JObject o = (JObject) reader.parse("\uFEFF{\n  // a comment\n  \"a\": \"tab\there\", /* block */\n"
                + "  \"b\": [1, 2,],\n}", "t.json");
        assertEquals("tab\there", ((JString) o.get("a").orElseThrow()).value());
        assertEquals(2, ((JArray) o.get("b").orElseThrow()).size());
    }

    @Test
    void truncatedFileNamesWhereItEnds() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> reader.parse("{\n  \"resources\": [\n    {\"name\": \"x\"", "t.json"));
        assertEquals("t.json:3:17: Unexpected end-of-input: expected close marker for Object", e.getMessage());
    }

    @Test
    void trailingGarbageIsAnErrorAtTheGarbage() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> reader.parse("{\"a\": 1}\n  {\"b\": 2}", "t.json"));
        assertEquals("t.json:2:3: unexpected content after the end of the JSON document: '{'", e.getMessage());
    }

    @Test
    void garbageWordAfterTheDocumentIsAnError() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> reader.parse("{\"a\": 1} trailing", "t.json"));
        assertEquals("t.json:1:10: unexpected content after the end of the JSON document: not JSON", e.getMessage());
    }

    @Test
    void tenThousandDeepNestingIsRefusedWithAPosition() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        TemplateLoadException e = assertThrows(TemplateLoadException.class, () -> reader.parse(deep, "deep.json"));
        assertEquals("deep.json:1:501: Document nesting depth (501) exceeds the maximum allowed (500, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`)", e.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class, () -> reader.parse("  \n", "e.json"));
        assertEquals("e.json:1:1: file is empty: expected a JSON value", e.getMessage());
    }

    @Test
    void unquotedGarbageIsAnErrorWithItsPosition() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> reader.parse("{\n  \"a\": nope\n}", "t.json"));
        // Jackson stops at the end of the unrecognised word.
        assertEquals("t.json:2:12: Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or"
                + " token 'null', 'true' or 'false')", e.getMessage());
    }

    // Files are read from their bytes when they are plain ASCII, from their decoded text otherwise; both ways
    // must give the same tree, the same locations and the same errors.

    @Test
    void bytesAndTextGiveTheSameTreeForEveryCorpusFile() throws Exception {
        int ascii = 0;
        int other = 0;
        try (Stream<Path> walk = Files.walk(Corpus.quickstarts())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                JNode fromText = reader.parse(new String(bytes, StandardCharsets.UTF_8), p.toString());
                assertEquals(fromText, reader.read(bytes, p.toString()), p.toString()); // records: locations too
                if (new String(bytes, StandardCharsets.US_ASCII).equals(new String(bytes, StandardCharsets.UTF_8))) {
                    ascii++;
                } else {
                    other++;
                }
            }
        }
        assertTrue(ascii > 700 && other >= 1, "ASCII files " + ascii + ", others " + other);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\n  \"resources\": [\n    {\"name\": \"x\"",
        "{\"a\": 1}\n  {\"b\": 2}",
        "{\"a\": 1} trailing",
        "{\n  \"a\": nope\n}",
        "  \n",
        "{\"a\": [1, 2,, 3]}",
        "{\"a\": \"nul\u0000inside\"} x",
        "[1, 2] // a comment\n ]",
        // Zero bytes up front: Jackson's byte parser would read these as UTF-32 and UTF-16 "{}", not refuse them.
        "\u0000\u0000\u0000{\u0000\u0000\u0000}",
        "{\u0000}\u0000",
        "\u0000{\u0000}",
        "{\"a\": 1e999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999}"})
    void bytesAndTextFailAlikeAtTheSamePlace(String text) {
        TemplateLoadException fromText = assertThrows(TemplateLoadException.class, () -> reader.parse(text, "t.json"));
        TemplateLoadException fromBytes = assertThrows(TemplateLoadException.class,
                () -> reader.read(text.getBytes(StandardCharsets.US_ASCII), "t.json"));
        assertEquals(fromText.getMessage(), fromBytes.getMessage());
    }

    @Test
    void aNumberNoDecimalCanHoldIsAnErrorAtIt() {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> reader.parse("{\n  \"count\": 1e99999999999\n}", "t.json"));
        assertEquals("t.json:2:12: number out of range: 1e99999999999", e.getMessage());
    }

    @Test
    void columnsCountCharactersNotBytesInAFileThatIsNotAscii() {
        String text = "{\"d\": \"Größe → ✓\", \"b\": 1}";
        JObject root = (JObject) reader.read(text.getBytes(StandardCharsets.UTF_8), "t.json");
        // "b"'s value is the 25th character of the line, though the 31st byte.
        assertEquals(25, root.get("b").orElseThrow().location().column());
        assertEquals(reader.parse(text, "t.json"), root);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"emoji\": \"\uD83D\uDD12 locked\", \"after\": [1, {\"x\": \"é\"}]}",
        "{\n  \"a\": \"plain\",\n  \"b\": \"naïve\", \"c\": 2,\n  \"d\": true\n}",
        "{\r\n  \"a\": \"Größe\",\r\n  \"b\": 1\r\n}",
        "{\"raw\": \"line one é\nline two ü\", \"next\": \"ß\"}",
        "// Überblick\n{\"a\": /* ↓ */ \"x\", \"b\": 'ç'}",
        "\uFEFF{\"bom\": \"é\", \"b\": 1}"})
    void bytesAndTextAgreeOnEveryLocationBeyondAscii(String text) {
        assertEquals(reader.parse(text, "t.json"), reader.read(text.getBytes(StandardCharsets.UTF_8), "t.json"));
    }

    @Test
    void aBadByteInACommentIsStillAnErrorAtIt() {
        byte[] bytes = "{\"a\": 1 // caf\u00e9 \u0000}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xFF; // the space after "café", in the comment: starts no character
        TemplateLoadException e = assertThrows(TemplateLoadException.class, () -> reader.read(bytes, "t.json"));
        assertTrue(e.getMessage().startsWith("t.json:1:16: not a UTF-8 text file: byte 0xff"), e.getMessage());
    }

    /** The eight-at-a-time check finds a high bit in every position of a word and in the tail. */
    @org.junit.jupiter.api.Test
    void aHighBitIsFoundAtEveryPosition() {
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, (byte) 'a');
            assertTrue(JsonReader.isAscii(bytes), "length " + length);
            for (int at = 0; at < length; at++) {
                for (byte high : new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0xFF}) {
                    bytes[at] = high;
                    org.junit.jupiter.api.Assertions.assertFalse(JsonReader.isAscii(bytes), "length " + length
                            + ", byte " + at);
                    bytes[at] = 'a';
                }
            }
        }
    }
}
