package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The shared corpus of real templates beside the clone ({@code ../shared/corpus}), as CI has it. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        Path shared = Path.of(System.getProperty("nsglint.shared", "../../shared"));
        Path corpus = shared.resolve("corpus").toAbsolutePath().normalize();
        if (!Files.isDirectory(corpus)) {
            // CI always has the corpus: its absence there is a failure, never a silent pass.
            if (System.getenv("CI") != null) {
                fail("the shared corpus is missing at " + corpus);
            }
            Assumptions.abort("the shared corpus is not beside this clone: " + corpus);
        }
        return corpus;
    }

    public static Path quickstarts() {
        return root().resolve("azure-quickstart-templates");
    }

    /** Every template of the quickstart corpus (parameters files excluded: they load with their template). */
    public static List<Path> templates() throws IOException {
        try (Stream<Path> walk = Files.walk(quickstarts())) {
            return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".parameters.json"))
                    .sorted().toList();
        }
    }
}
