package io.github.nsglint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** How the JSON formats are written: indented, a final newline, and the caller's writer left open. */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {
    }

    public static void write(Object document, Writer out) throws IOException {
        MAPPER.writeValue(out, document);
        out.write(System.lineSeparator());
    }
}
