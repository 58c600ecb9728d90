package io.github.nsglint.benchmarks;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.nsglint.core.load.LoadResult;
import io.github.nsglint.core.load.ModelLoader;
import io.github.nsglint.core.load.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loading the whole quickstart corpus in one JVM, against a plain Jackson tree parse of the same files in the
 * same run. Each template is loaded as {@code nsglint show} loads it: read with positions, evaluated with its
 * parameters file, modelled. The baseline reads and parses the same templates and parameters files with
 * Jackson's {@code readTree} (lenient enough for the corpus), nothing else. Target: load at most 3x the parse.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar CorpusLoad}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class CorpusLoadBenchmark {

    @Param("../shared/corpus/azure-quickstart-templates")
    public String corpus;

    private List<Path> templates;
    private List<Path> allFiles;
    private ObjectMapper mapper;

    @Setup
    public void setUp() throws IOException {
        Path root = Path.of(corpus);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus not found at " + root.toAbsolutePath()
                    + "; run from the repository root or pass -p corpus=PATH");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            allFiles = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        templates = new ArrayList<>();
        for (Path p : allFiles) {
            if (!p.toString().endsWith(".parameters.json")) {
                templates.add(p);
            }
        }
        mapper = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                        JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
    }

    /** Baseline: read and tree-parse every template and parameters file. */
    @Benchmark
    public void plainJacksonParse(Blackhole bh) {
        for (Path p : allFiles) {
            try {
                JsonNode n = mapper.readTree(Files.readAllBytes(p));
                bh.consume(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** nsglint's reader alone: the same files read into trees that keep line, column and pointer per node. */
    @Benchmark
    public void nsglintReadOnly(Blackhole bh) {
        JsonReader reader = new JsonReader();
        for (Path p : allFiles) {
            bh.consume(reader.read(p, p.toString()));
        }
    }

    /** nsglint: every template loaded with its parameters file into a network model. */
    @Benchmark
    public void nsglintLoad(Blackhole bh) {
        ModelLoader loader = new ModelLoader();
        for (Path t : templates) {
            LoadResult r = loader.load(List.of(t), null);
            bh.consume(r);
        }
    }
}
