package io.github.nsglint.benchmarks;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The baseline of the whole-process throughput benchmark (benchmarks/throughput.sh): read every *.json below the
 * given folders into a Jackson tree, as plainly as a program can, and print how many nodes there were.
 */
public final class PlainParse {

    private PlainParse() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
                .build();
        long nodes = 0;
        for (String a : args) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(a))) {
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                nodes += count(mapper.readTree(f.toFile()));
            }
        }
        System.out.println(nodes + " JSON nodes");
    }

    private static long count(com.fasterxml.jackson.databind.JsonNode n) {
        long c = 1;
        for (com.fasterxml.jackson.databind.JsonNode child : n) {
            c += count(child);
        }
        return c;
    }
}
