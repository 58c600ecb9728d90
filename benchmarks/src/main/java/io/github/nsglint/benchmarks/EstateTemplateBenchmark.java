package io.github.nsglint.benchmarks;

import io.github.nsglint.core.engine.LintRequest;
import io.github.nsglint.core.engine.Linter;
import io.github.nsglint.core.engine.RuleCatalog;
import io.github.nsglint.core.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One template of the synthetic estate (20 NSGs of 200 rules, a hub with Bastion and spokes) linted with the
 * built-in catalog, as the estate run lints each of its 2,000. Its use is the allocation per template: run with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes one template costs, which decides how often the
 * collector stops both threads on a big estate, and which unlike time hardly varies from run to run.
 * <pre>java -jar benchmarks/target/benchmarks.jar EstateTemplate -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class EstateTemplateBenchmark {

    private Path template;
    private RuleCatalog catalog;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("nsglint-estate");
        SyntheticEstate.main(new String[] {dir.toString(), "1", "20", "200"});
        template = dir.resolve("t0000.json");
        template.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        catalog = RuleCatalog.load(List.of(), "current");
    }

    @Benchmark
    public Report lintOneTemplate() {
        return Linter.run(LintRequest.of(List.of(template)), catalog);
    }
}
