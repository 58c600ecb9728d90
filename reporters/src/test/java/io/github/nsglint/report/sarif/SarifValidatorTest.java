package io.github.nsglint.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nsglint.report.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's SARIF validator, with GitHub's ingestion rules and warnings as errors, over the SARIF of every
 * fixture. It needs Node and the npm registry, so it runs where {@code -Dnsglint.sarifValidator=PATH} names the
 * wrapper script: {@code .ci/run} always sets it; a plain {@code mvn verify} reports the test as skipped.
 */
class SarifValidatorTest {

    @Test
    void microsoftsValidatorAcceptsEveryFixturesSarif(@TempDir Path temp) throws IOException, InterruptedException {
        String validator = System.getProperty("nsglint.sarifValidator", "");
        Assumptions.assumeFalse(validator.isEmpty(), "-Dnsglint.sarifValidator is not set (.ci/run sets it)");
        List<String> command = new ArrayList<>(List.of(validator, "--github", "--strict"));
        for (Path fixture : Fixtures.all()) {
            Path out = temp.resolve(Fixtures.FIXTURES.relativize(fixture).toString().replace('/', '_')
                    .replace(".json", ".sarif"));
            Files.writeString(out, Fixtures.write(new SarifReporter(), Fixtures.lint(fixture)), StandardCharsets.UTF_8);
            command.add(out.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        assertEquals(true, done, "the validator finished");
        assertEquals(0, p.exitValue(), "validator output:\n" + output);
        assertEquals(Fixtures.all().size(), command.size() - 3, "every fixture was validated");
    }
}
