package io.github.nsglint.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes names into every output format ({@link OutputTarget}). In a normal build it runs its seeds; with
 * {@code -Pfuzz} (JAZZER_FUZZ=1) it fuzzes.
 */
class OutputFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void namesIntoEveryFormat(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("nsglint-output-fuzz");
        try {
            Path t = OutputTarget.template(dir, name(data), name(data), name(data), name(data), name(data));
            OutputTarget.lintInEveryFormat(t);
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            } catch (UncheckedIOException e) {
                // best effort
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String name(FuzzedDataProvider data) {
        String s = data.consumeString(40);
        return s.isEmpty() ? "n" : s;
    }
}
