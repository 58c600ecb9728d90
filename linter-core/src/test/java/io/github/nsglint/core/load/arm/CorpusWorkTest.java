package io.github.nsglint.core.load.arm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.load.Corpus;
import io.github.nsglint.core.load.TemplateLoadException;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation bounds must never touch a real template: every template of the shared corpus (quickstarts, the
 * Bicep compiler's samples, the KICS samples) is expanded with every resource type evaluated, and the most work
 * any one needs must stay below a sixteenth of the bound, with no template reaching a size bound.
 */
class CorpusWorkTest {

    @Test
    void realTemplatesNeedASmallFractionOfTheBound() throws IOException {
        TemplateExpander everything = new TemplateExpander(type -> true);
        JsonReader reader = new JsonReader();
        long most = 0;
        String heaviest = "";
        int templates = 0;
        try (Stream<Path> walk = Files.walk(Corpus.root())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JNode root;
                try {
                    root = reader.read(p, p.toString());
                } catch (TemplateLoadException e) {
                    continue; // the corpus holds a few broken files on purpose
                }
                if (!(root instanceof JObject o) || !o.has("resources")) {
                    continue;
                }
                ExpansionResult r = everything.expand(p.toString(), o, Map.of());
                templates++;
                assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("Azure accepts")
                        || d.message().contains("evaluation stopped")), p + ": " + r.diagnostics());
                if (r.work() > most) {
                    most = r.work();
                    heaviest = Corpus.root().relativize(p).toString();
                }
            }
        }
        System.out.printf("corpus evaluation work: %d templates, most %,d units (%s), bound %,d%n", templates, most,
                heaviest, EvaluationBudget.MAX_WORK);
        assertTrue(templates > 500, "the corpus was read: " + templates);
        assertTrue(most < EvaluationBudget.MAX_WORK / 16, heaviest + " needs " + most + " units");
    }
}
