package io.github.nsglint.benchmarks;

import io.github.nsglint.core.engine.RuleCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the whole built-in catalog in a warm JVM: reading the rule files from the jar, parsing them with the
 * ANTLR grammar and checking every name and type against the schema. Target: under 150 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CatalogCompileBenchmark {

    @Benchmark
    public RuleCatalog compileCatalog() {
        return RuleCatalog.load(List.of(), "current");
    }
}
