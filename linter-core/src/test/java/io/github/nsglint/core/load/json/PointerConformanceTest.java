package io.github.nsglint.core.load.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.Corpus;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every node's JSON pointer, resolved by an independent implementation (Eclipse Parsson's RFC 6901 pointer)
 * against a strict parse of the same file, gives back the same value: over every strictly valid JSON file of
 * the quickstart corpus.
 */
class PointerConformanceTest {

    @Test
    void pointersResolveToTheSameValuesInParsson() throws Exception {
        Path corpus = Corpus.quickstarts();
        JsonReaderFactory strict = Json.createReaderFactory(Map.of());
        JsonReader ours = new JsonReader();
        int files = 0;
        long nodes = 0;
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(p);
                JsonStructure doc;
                try (jakarta.json.JsonReader r = strict.createReader(new StringReader(text))) {
                    doc = r.read();
                } catch (RuntimeException notStrictJson) {
                    continue; // the few lenient files (comments, control characters) have no strict twin
                }
                nodes += check(ours.parse(text, p.toString()), doc);
                files++;
            }
        }
        assertTrue(files > 700, "files checked: " + files);
        assertTrue(nodes > 100_000, "nodes checked: " + nodes);
    }

    private static long check(JNode node, JsonStructure doc) {
        JsonValue expected = Json.createPointer(node.location().jsonPointer()).getValue(doc);
        if (node instanceof JString s) {
            assertEquals(s.value(), ((JsonString) expected).getString(), node.location().toString());
        } else if (node instanceof JNumber n) {
            assertEquals(0, n.value().compareTo(((JsonNumber) expected).bigDecimalValue()), node.location().toString());
        } else if (node instanceof JBool b) {
            assertEquals(b.value() ? JsonValue.TRUE : JsonValue.FALSE, expected, node.location().toString());
        } else if (node instanceof JNull) {
            assertEquals(JsonValue.NULL, expected, node.location().toString());
        }
        long count = 1;
        if (node instanceof JObject o) {
            assertEquals(JsonValue.ValueType.OBJECT, expected.getValueType(), node.location().toString());
            for (JNode child : o.members().values()) {
                count += check(child, doc);
            }
        } else if (node instanceof JArray a) {
            assertEquals(JsonValue.ValueType.ARRAY, expected.getValueType(), node.location().toString());
            for (JNode child : a.elements()) {
                count += check(child, doc);
            }
        }
        return count;
    }
}
