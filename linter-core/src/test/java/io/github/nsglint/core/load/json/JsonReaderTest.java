package io.github.nsglint.core.load.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.model.SourceLocation;
import org.junit.jupiter.api.Test;

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
}
