package io.github.nsglint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.Corpus;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Another scanner's own samples for SSH and RDP open to the Internet, judged as that scanner expects: every positive
 * fails the gate with NSG001 violated; no negative has a violated error or warning. Four of them add one rule to an
 * NSG declared elsewhere, which nsglint judges for what the rule adds.
 */
class KicsVerdictsTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");

    @Test
    void positivesFailWithNsg001AndNegativesRaiseNoViolation() throws IOException {
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(Corpus.root().resolve("kics-arm-nsg"))) {
            samples = walk.filter(p -> p.getFileName().toString().matches("(positive|negative)[0-9]+\\.json"))
                    .sorted().toList();
        }
        assertTrue(samples.size() >= 25, "KICS samples: " + samples.size());
        List<String> wrong = new ArrayList<>();
        for (Path s : samples) {
            Report r = Linter.run(LintRequest.of(List.of(s)), CATALOG);
            List<Finding> violated = r.findings().stream().filter(f -> f.kind() == Finding.Kind.VIOLATED
                    && f.severity() != Severity.NOTE).toList();
            boolean positive = s.getFileName().toString().startsWith("positive");
            if (positive && violated.stream().noneMatch(f -> f.rule().id().equals("NSG001")
                    && f.severity() == Severity.ERROR)) {
                wrong.add(s + ": positive, but no NSG001 violated: " + r.findings());
            }
            if (!positive && !violated.isEmpty()) {
                wrong.add(s + ": negative, but " + violated);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
