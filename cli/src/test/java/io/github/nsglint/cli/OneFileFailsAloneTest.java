package io.github.nsglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too big for the heap fails alone: in a JVM of 128 MiB, a 28 MB template (within the 32 MiB nsglint reads,
 * but whose tree needs several times that) is a located error, and the good file beside it is still linted and
 * reported, with exit 2. Run as its own process, so the test JVM's heap is not the one exhausted.
 */
class OneFileFailsAloneTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aFileThatDoesNotFitIsALocatedErrorAndTheOthersAreReported() throws Exception {
        Path big = dir.resolve("big.json");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                    + " \"variables\": {\"v\": [");
            for (int i = 0; i < 1_300_000; i++) {
                w.write(i == 0 ? "{\"a\":[1,2,3],\"b\":\"x\"}" : ",{\"a\":[1,2,3],\"b\":\"x\"}");
            }
            w.write("]}, \"resources\": []}");
        }
        Path good = ROOT.resolve("fixtures/BAS012/fail-deny-probes.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                NsgLintCli.class.getName(), "lint", "-f", "text", big.toString(), good.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A hang guard, not a speed test: the run takes seconds.
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "hang guard: the run did not end in 5 minutes");
        assertEquals(ExitCode.BAD_INPUT.code(), p.exitValue(), out);
        assertTrue(out.contains(big + ":1:1: error: ran out of memory reading this file ("), out);
        assertTrue(out.contains("error BAS012 health probes cannot reach Bastion"), out);
        assertTrue(!out.contains("\tat ") && !out.contains("OutOfMemoryError"), out);
    }
}
