package io.github.nsglint.report;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** The project's fixtures, linted once per JVM with a fixed clock, for the reporters' tests. */
public final class Fixtures {

    public static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();
    public static final Path FIXTURES = ROOT.resolve("fixtures");
    public static final Path SHARED = ROOT.resolveSibling("shared");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
    private static final RuleCatalog CATALOG = RuleCatalog.load(List.of(), "current");

    private Fixtures() {
    }

    /** The cross-region hub-and-spoke scenario with its realistic mistake: findings of several kinds. */
    public static Path crossRegionMistake() {
        return FIXTURES.resolve("scenarios/cross-region-hub-spoke/mistake/azuredeploy.json");
    }

    public static Report lint(Path... files) {
        return Linter.run(LintRequest.of(List.of(files)).withSourceRoot(ROOT), CATALOG, CLOCK);
    }

    /** Every template under fixtures/: per-rule passes and failures, scenarios, the show example. */
    public static List<Path> all() {
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".parameters.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A report of the cross-region mistake whose findings are repeated to {@code n}, each on another resource and
     * with another message, so fingerprints differ: for limits and for the size of real estates.
     */
    public static Report withFindings(int n, String resourceName) {
        Report base = lint(crossRegionMistake());
        List<io.github.nsglint.core.report.Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            io.github.nsglint.core.report.Finding f = base.findings().get(i % base.findings().size());
            many.add(new io.github.nsglint.core.report.Finding(f.rule(), f.severity(), f.kind(),
                    f.message() + " [" + resourceName + " " + i + "]", f.location(), f.resourceId() + "-" + i,
                    f.anchor(), f.evidence()));
        }
        return base.withFindings(many, List.of());
    }

    public static String write(io.github.nsglint.core.report.Reporter reporter, Report report) {
        StringWriter out = new StringWriter();
        try {
            reporter.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
