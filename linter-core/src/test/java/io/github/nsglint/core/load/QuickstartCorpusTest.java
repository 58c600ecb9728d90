package io.github.nsglint.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.NetworkSecurityGroup;
import io.github.nsglint.core.model.SecurityRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real template of the quickstart corpus loads, with its parameters file, without an exception. */
class QuickstartCorpusTest {

    @Test
    void everyTemplateLoadsWithoutExceptionOrError() throws Exception {
        List<Path> templates = Corpus.templates();
        assertTrue(templates.size() >= 370, "corpus has " + templates.size() + " templates");
        List<String> failures = new ArrayList<>();
        int nsgs = 0;
        int rules = 0;
        int unknownRuleLists = 0;
        for (Path t : templates) {
            try {
                LoadResult r = new ModelLoader().load(List.of(t), null);
                r.diagnostics().stream().filter(d -> d.level() == LoadDiagnostic.Level.ERROR)
                        .forEach(d -> failures.add(d.display()));
                if (r.loadedFiles().isEmpty()) {
                    failures.add(t + ": not recognised as a template");
                }
                for (NetworkSecurityGroup nsg : r.model().networkSecurityGroups()) {
                    nsgs++;
                    if (nsg.securityRules() instanceof Field.Known<List<SecurityRule>> k) {
                        rules += k.value().size();
                    } else {
                        unknownRuleLists++;
                    }
                }
            } catch (RuntimeException e) {
                failures.add(t + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
        // Every NSG declaration of the corpus is either modelled or reported as a gap; see the named counts.
        assertTrue(nsgs >= 400, "NSGs found: " + nsgs);
        assertTrue(rules >= 900, "rules found: " + rules);
        System.out.printf("corpus: %d templates, %d NSGs, %d rules, %d NSGs with an unknown rule list%n",
                templates.size(), nsgs, rules, unknownRuleLists);
    }
}
