package io.github.nsglint.benchmarks;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.Finding;
import io.github.nsglint.core.report.Report;
import io.github.nsglint.core.report.Reporter;
import io.github.nsglint.core.report.ReporterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a 1,000-finding report in every format. The report is real: the whole quickstart corpus linted as one
 * estate (376 templates, hundreds of NSGs and VNets: the model, topology and controls), carrying the findings of
 * each template linted on its own (as CI gates lint them; the estate merges templates that reuse resource names)
 * up to 1,000. Output goes to a writer that counts characters, so the benchmark measures formatting, not a disk.
 * Target: all formats under 1 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@State(Scope.Benchmark)
public class ReportWriteBenchmark {

    public static final int FINDINGS = 1_000;

    @Param({"text", "sarif", "json", "markdown", "junit", "github", "html"})
    public String format;

    private Report report;
    private int realFindings;
    private List<Reporter> all;
    private Reporter reporter;

    @Setup(Level.Trial)
    public void lintTheCorpus() {
        Path corpus = Path.of(System.getProperty("nsglint.corpus", "../shared/corpus/azure-quickstart-templates"));
        Report estate = Linter.run(LintRequest.of(List.of(corpus)));
        RuleCatalog catalog = RuleCatalog.load(List.of(), "current");
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path t : files.filter(f -> f.toString().endsWith(".json")
                    && !f.toString().endsWith(".parameters.json")).sorted().toList()) {
                findings.addAll(Linter.run(LintRequest.of(List.of(t)), catalog).findings());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (findings.isEmpty()) {
            throw new IllegalStateException("the corpus gave no findings: is it at " + corpus + "?");
        }
        realFindings = findings.size();
        // The corpus has somewhat fewer than 1,000: the first ones again, on other resource IDs, make up the rest.
        for (int i = 0; findings.size() < FINDINGS; i++) {
            Finding f = findings.get(i);
            findings.add(new Finding(f.rule(), f.severity(), f.kind(), f.message(), f.location(),
                    f.resourceId() + "-again", f.anchor(), f.evidence()));
        }
        report = estate.withFindings(findings.subList(0, FINDINGS), List.of());
        System.out.println("report: " + realFindings + " corpus findings, " + FINDINGS + " in all");
        all = ReporterRegistry.all();
        reporter = ReporterRegistry.byId(format);
    }

    @Benchmark
    public long oneFormat() throws IOException {
        CountingWriter w = new CountingWriter();
        reporter.write(report, w);
        return w.count;
    }

    /** Every format, one after the other, as {@code --report} writes them; the same for every {@code format}. */
    @Benchmark
    public long everyFormat() throws IOException {
        CountingWriter w = new CountingWriter();
        for (Reporter r : all) {
            r.write(report, w);
        }
        return w.count;
    }

    /** A writer that keeps nothing but a count, so the result cannot be optimised away. */
    static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] cbuf, int off, int len) {
            count += len;
        }

        @Override
        public void write(String str, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
