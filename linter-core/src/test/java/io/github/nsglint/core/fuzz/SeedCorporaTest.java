package io.github.nsglint.core.fuzz;

import io.github.nsglint.core.load.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzz targets on their seed corpora, in every build: the fixtures and the quickstart corpus for templates,
 * the built-in catalog for the rule language, the example and test configurations for the loader. These are
 * also the seeds of a fuzzing run (-Pfuzz copies them into each target's corpus).
 */
class SeedCorporaTest {

    private static final Path ROOT = Path.of(System.getProperty("nsglint.root", "..")).toAbsolutePath().normalize();

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> templateSeeds() {
        List<Path> seeds = new ArrayList<>(files(ROOT.resolve("fixtures"), ".json"));
        seeds.addAll(files(Corpus.root().resolve("azure-quickstart-templates"), ".json"));
        seeds.addAll(files(Corpus.root().resolve("kics-arm-nsg"), ".json"));
        return seeds;
    }

    static List<Path> ruleSeeds() {
        return files(ROOT.resolve("rules"), ".nsgl");
    }

    static List<Path> configurationSeeds() {
        List<Path> seeds = new ArrayList<>(files(ROOT.resolve("docs"), ".yaml"));
        seeds.addAll(files(ROOT.resolve("maven-plugin/src/it"), ".yaml"));
        seeds.addAll(files(ROOT.resolve("fixtures"), ".yaml"));
        return seeds;
    }

    private static Stream<DynamicTest> run(List<Path> seeds, Consumer<byte[]> target) {
        return seeds.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p.toAbsolutePath()).toString(),
                () -> target.accept(Files.readAllBytes(p))));
    }

    @TestFactory
    Stream<DynamicTest> templates() {
        return run(templateSeeds(), FuzzTargets::template);
    }

    @TestFactory
    Stream<DynamicTest> ruleFiles() {
        return run(ruleSeeds(), FuzzTargets::ruleFile);
    }

    @TestFactory
    Stream<DynamicTest> configurations() {
        return run(configurationSeeds(), FuzzTargets::configuration);
    }
}
